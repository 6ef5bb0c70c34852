import { parseMessageText, type channels } from '@clantrader/core';

type Entity = channels.Entity;

/** One run of post text with the formatting that covers all of it. */
export type RichSegment = {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  /** An http(s) URL when the run is a link. */
  href: string | null;
};

const SAFE_HREF = /^https?:\/\//i;

/**
 * Cuts post text at every entity edge and says which formatting covers each run, so the
 * UI can render text nodes inside <strong>/<em>/<code>/<a> and never touch HTML. Offsets
 * are UTF-16 units, as the API counts them; ranges outside the text are clipped and links
 * that are not http(s) stay plain text.
 */
export function richSegments(text: string, entities: readonly Entity[]): RichSegment[] {
  const cuts = new Set<number>([0, text.length]);
  const ranges = entities
    .map((e) => ({ e, start: clamp(e.offset, text.length), end: clamp(e.offset + e.length, text.length) }))
    .filter((r) => r.end > r.start);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: RichSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    const covering = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.e);
    const link = covering.find((e) => e.type === 'link' && SAFE_HREF.test(e.url));
    const segment: RichSegment = {
      text: text.slice(start, end),
      bold: covering.some((e) => e.type === 'bold'),
      italic: covering.some((e) => e.type === 'italic'),
      code: covering.some((e) => e.type === 'code'),
      href: link && link.type === 'link' ? link.url : null,
    };
    const previous = segments[segments.length - 1];
    if (previous && sameMarks(previous, segment)) previous.text += segment.text;
    else segments.push(segment);
  }
  return segments.filter((s) => s.text !== '');
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}

function sameMarks(a: RichSegment, b: RichSegment): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

/**
 * What an author types in the publish box (**bold**, _italic_, `code`, bare links — the
 * same marks as clan chat) as the API's plain text plus formatting ranges. The marks are
 * removed from the text; nothing else changes.
 */
export function markupToPost(markup: string): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  for (const token of parseMessageText(markup)) {
    const offset = text.length;
    text += token.text;
    if (token.type === 'text' || token.text.length === 0) continue;
    if (token.type === 'link') entities.push({ type: 'link', offset, length: token.text.length, url: token.href });
    else entities.push({ type: token.type, offset, length: token.text.length });
  }
  return { text, entities };
}

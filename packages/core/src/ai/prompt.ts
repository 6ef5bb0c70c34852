import type { AiMessage, UntrustedText } from './model';
import type { PlatformSnapshot } from './platform-snapshot';

const MAX_ITEM_CHARS = 2_000;
const MAX_TOTAL_CHARS = 8_000;

/**
 * Turns user-written text into inert, quoted data: each item is one JSON string (so no
 * quote, newline or fake delimiter can end it early) inside an UNTRUSTED_DATA block the
 * system prompt tells the model never to obey. Long items are cut.
 */
export function quoteUntrusted(items: readonly UntrustedText[]): string {
  let budget = MAX_TOTAL_CHARS;
  const lines: string[] = [];
  for (const item of items) {
    if (budget <= 0) break;
    const text = item.text.slice(0, Math.min(MAX_ITEM_CHARS, budget));
    budget -= text.length;
    lines.push(JSON.stringify({ source: item.source, text }));
  }
  return ['<UNTRUSTED_DATA>', ...lines, '</UNTRUSTED_DATA>'].join('\n');
}

/**
 * The conversation a model starts from: the question (also user text, so quoted as a
 * JSON string), any context as untrusted data, and for local models the day's platform
 * snapshot as one JSON document (its names are user text too, inert inside JSON strings).
 * Instructions live only in the system prompt, which no input can reach.
 */
export function buildMessages(
  question: string,
  context: readonly UntrustedText[],
  snapshot: PlatformSnapshot | null = null,
): AiMessage[] {
  const parts = [`QUESTION: ${JSON.stringify(question)}`];
  if (context.length > 0) parts.push(quoteUntrusted(context));
  if (snapshot) parts.push(['<PLATFORM_SNAPSHOT>', JSON.stringify(snapshot), '</PLATFORM_SNAPSHOT>'].join('\n'));
  return [{ role: 'user', content: parts.join('\n\n') }];
}

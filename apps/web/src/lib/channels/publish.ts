import { channels } from '@clantrader/core';
import type { FieldErrors } from '$lib/forms';
import type { MessageKey } from '$lib/i18n';
import { parseChartsInput } from './charts';
import { markupToPost } from './rich-text';

export type PublishFields = { text?: string | undefined; premium?: string | undefined; charts?: string | undefined };

/** A field problem as a message key (translated by the caller) or the schema's own text. */
export type PublishProblem = { key: MessageKey; detail?: string };

/**
 * The publish form → the API's new post: marks become formatting ranges, the chart box
 * becomes charts. `images` is how many pictures follow the post (they are uploaded after
 * it exists), so a post of pictures alone is not "empty".
 */
export function toNewPost(
  fields: PublishFields,
  images: number,
): { ok: true; post: channels.NewPost } | { ok: false; errors: Record<string, PublishProblem> } {
  const { text, entities } = markupToPost((fields.text ?? '').trim());
  const charts = parseChartsInput(fields.charts ?? '');
  const errors: Record<string, PublishProblem> = {};
  if (!charts.ok) {
    errors.charts =
      charts.message === 'invalidJson'
        ? { key: 'channels.publish.chartJson' }
        : charts.message === 'tooMany'
          ? { key: 'channels.publish.chartTooMany' }
          : { key: 'channels.publish.chartInvalid', detail: charts.message };
  }
  if (!text && (!charts.ok || charts.charts.length === 0) && images === 0) {
    errors.text = { key: 'channels.publish.empty' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = channels.NewPostSchema.safeParse({
    text,
    entities,
    charts: charts.ok ? charts.charts : [],
    premium: fields.premium === 'on' || fields.premium === 'true',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'text') === 'charts' ? 'charts' : 'text';
    return { ok: false, errors: { [field]: { key: 'channels.publish.invalid', detail: issue?.message ?? '' } } };
  }
  return { ok: true, post: parsed.data };
}

/** Problems → the messages shown beside the inputs. */
export function publishErrors(
  errors: Record<string, PublishProblem>,
  t: (key: MessageKey, vars?: Record<string, string>) => string,
): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, problem] of Object.entries(errors)) out[field] = t(problem.key, { detail: problem.detail ?? '' });
  return out;
}

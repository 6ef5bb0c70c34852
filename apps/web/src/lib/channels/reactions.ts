import type { ReactionSummary } from './schemas';

/**
 * The reaction summary as it will be once the API applies a toggle: the optimistic state a
 * button shows at once (the API's answer replaces it). Idempotent like the API: turning on
 * a reaction already on changes nothing.
 */
export function toggleReaction(summary: ReactionSummary, emoji: string, on: boolean): ReactionSummary {
  const has = summary.mine.includes(emoji);
  if (has === on) return summary;
  const count = Math.max(0, (summary.counts[emoji] ?? 0) + (on ? 1 : -1));
  const counts = { ...summary.counts };
  if (count === 0) delete counts[emoji];
  else counts[emoji] = count;
  return { counts, mine: on ? [...summary.mine, emoji] : summary.mine.filter((e) => e !== emoji) };
}

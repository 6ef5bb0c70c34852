import { askAi } from '../ai/ask-ai';
import { collectAnswer } from '../ai/router';
import { isDomainError, DomainError } from '../shared/domain-error';
import type { ClanAiDeps } from './deps';
import { lastCompleteWeek } from './iso-week';
import { SUMMARIES_SHOWN, type ClanWeeklySummary } from './model';

/** Clans summarised per run at most (the next run carries on). */
export const SUMMARY_BATCH = 500;

const SUMMARY_QUESTION =
  "Write this clan's weekly performance summary for its members: how the week went against the week " +
  'before (trades, median return, worst drawdown), who contributed most, who joined. Use only the ' +
  'figures in the clan weekly figures. At most 120 words.';

export type WeeklySummaryResult = {
  week: string;
  considered: number;
  written: number;
  skipped: number;
  failed: number;
};

/**
 * Scheduled job: writes the weekly performance summary of every active clan for the
 * last complete ISO week (Monday–Sunday, UTC), with the CHEAPEST tier that answers —
 * local models before cloud ones — and never from the answer cache (a summary must be
 * fresh). One summary per clan and week: clans that have one are not asked again, and a
 * racing second run inserts nothing. Safe to run daily: on Monday it writes the week that
 * just ended, later runs only retry clans a failure left out. Stops at the first "no model
 * can answer" (every later clan would fail the same way).
 */
export async function runWeeklyClanSummaries(deps: ClanAiDeps): Promise<WeeklySummaryResult> {
  const week = lastCompleteWeek(deps.ai.clock.now());
  const clanIds = await deps.summaries.clansWithoutSummary(week.id, week.end, SUMMARY_BATCH);
  const result: WeeklySummaryResult = { week: week.id, considered: clanIds.length, written: 0, skipped: 0, failed: 0 };
  const span = week.end.getTime() - week.start.getTime();
  const lastWeek = { from: new Date(week.start.getTime() - span), to: week.start };
  for (const clanId of clanIds) {
    // The job reads as a member of this clan would: its own member breakdown, nobody else's.
    const [thisWeek, weekBefore] = await Promise.all([
      deps.ai.data.clanActivityPrivate(clanId, { from: week.start, to: week.end }),
      deps.ai.data.clanActivityPrivate(clanId, lastWeek),
    ]);
    if (!thisWeek || !weekBefore) {
      result.skipped += 1;
      continue;
    }
    const figures = JSON.stringify({ week: week.id, thisWeek, weekBefore });
    try {
      const answer = await collectAnswer(
        askAi(deps.ai, {
          question: SUMMARY_QUESTION,
          queryType: 'summary',
          contextVersion: `summary:${week.id}`,
          context: [{ source: 'clan weekly figures (JSON)', text: figures }],
          caller: { userId: null, clanIds: [clanId] },
          inClan: true,
          chain: 'cheapest',
          cache: 'never',
        }),
      );
      if (answer.tier === 'cache' || !answer.providerId || !answer.text.trim()) {
        result.failed += 1;
        continue;
      }
      const saved = await deps.summaries.save({
        clanId,
        week: week.id,
        weekStart: week.start,
        weekEnd: week.end,
        text: answer.text.trim(),
        tier: answer.tier,
        model: answer.model,
        providerId: answer.providerId,
        createdAt: deps.ai.clock.now(),
      });
      if (saved) result.written += 1;
      else result.skipped += 1;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      result.failed += 1;
      if (e.code === 'ai.unavailable') break;
    }
  }
  return result;
}

/**
 * The clan's stored weekly summaries, newest first — for its members only.
 * @throws DomainError `clan.not_found` | `clan.not_permitted`
 */
export async function listClanSummaries(
  deps: Pick<ClanAiDeps, 'clans' | 'summaries'>,
  q: { clanId: string; userId: string },
): Promise<ClanWeeklySummary[]> {
  const clan = await deps.clans.findClan(q.clanId);
  if (!clan) throw new DomainError('clan.not_found', 'No such clan');
  if (!(await deps.clans.roleOf(clan.id, q.userId))) {
    throw new DomainError('clan.not_permitted', "Only this clan's members can read its weekly summaries");
  }
  return deps.summaries.list(clan.id, SUMMARIES_SHOWN);
}

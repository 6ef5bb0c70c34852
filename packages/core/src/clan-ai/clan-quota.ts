import type { QuotaStore } from '../ai/ports';
import type { ClanPlan } from '../clans/model';
import type { ClanStore } from '../clans/ports';
import { DomainError } from '../shared/domain-error';
import type { Clock } from '../shared/ports';

/**
 * Questions a clan may put to its recruiting and rival assistants per UTC day, shared by
 * all its members and both assistants (docs/ai.md §12). Pro clans get more.
 */
export const CLAN_AI_QUESTIONS_PER_DAY: Readonly<Record<ClanPlan, number>> = { free: 5, pro: 50 };

export type ClanQuotaDeps = {
  clans: Pick<ClanStore, 'findClan' | 'roleOf'>;
  /** The same expiring counters as the spectator quota (`ai.countQuestion`). */
  quota: QuotaStore;
  clock: Clock;
};

/** What a counted question leaves: the day's allowance, what remains, and the counter it used. */
export type ClanQuota = { limit: number; remaining: number; key: string };

/**
 * Counts one assistant question against the clan's daily allowance. Membership is checked
 * first, so an outsider's refused question costs the clan nothing. Call before
 * `askClanAi`; give the question back with `refundClanQuestion` when no answer came.
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `ai.quota_exceeded` (with
 *   retryAfterSeconds until the next 00:00 UTC)
 */
export async function countClanQuestion(
  deps: ClanQuotaDeps,
  q: { clanId: string; askerId: string },
): Promise<ClanQuota> {
  const clan = await deps.clans.findClan(q.clanId);
  if (!clan) throw new DomainError('clan.not_found', 'No such clan');
  if (!(await deps.clans.roleOf(clan.id, q.askerId))) {
    throw new DomainError('clan.not_permitted', "Only this clan's members can ask its AI assistant");
  }
  const now = deps.clock.now();
  const secondsLeft = secondsToUtcMidnight(now);
  const key = `clan-ai-quota:${clan.id}:${now.toISOString().slice(0, 10)}`;
  const limit = CLAN_AI_QUESTIONS_PER_DAY[clan.plan];
  const used = await deps.quota.increment(key, secondsLeft + 3_600);
  if (used > limit) {
    const upgrade = clan.plan === 'pro' ? '' : ` Pro clans get ${CLAN_AI_QUESTIONS_PER_DAY.pro} a day.`;
    throw new DomainError(
      'ai.quota_exceeded',
      `Your clan has used its ${limit} assistant questions for today. They renew at 00:00 UTC.${upgrade}`,
      { retryAfterSeconds: secondsLeft },
    );
  }
  return { limit, remaining: limit - used, key };
}

/** Gives a counted question back (every tier failed before the first word). */
export async function refundClanQuestion(deps: Pick<ClanQuotaDeps, 'quota'>, quota: ClanQuota): Promise<void> {
  await deps.quota.decrement(quota.key).catch(() => undefined);
}

function secondsToUtcMidnight(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

import { DomainError } from '../shared/domain-error';
import type { Clock } from '../shared/ports';
import type { QuotaStore } from './ports';

/** Free questions a day for spectators and free-plan users; Pro is unlimited. */
export const FREE_QUESTIONS_PER_DAY = 3;

/** The calendar day and seconds left in it, in `timeZone` (UTC when the zone is unknown). */
export function localDay(now: Date, timeZone: string): { day: string; secondsLeft: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(now);
  } catch {
    return localDay(now, 'UTC');
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const elapsed = Number(get('hour')) * 3600 + Number(get('minute')) * 60 + Number(get('second'));
  return { day: `${get('year')}-${get('month')}-${get('day')}`, secondsLeft: Math.max(1, 86_400 - elapsed) };
}

/**
 * Counts one AI question against the caller's daily allowance, counted per user per day
 * in THEIR time zone. Call it before `askAi`. Returns how many remain (null = unlimited).
 * @throws DomainError `ai.quota_exceeded` (with retryAfterSeconds = until local midnight)
 */
export async function countQuestion(
  deps: { quota: QuotaStore; clock: Clock },
  who: { userId: string; plan: 'free' | 'pro'; timezone: string },
): Promise<{ remaining: number | null }> {
  if (who.plan === 'pro') return { remaining: null };
  const { day, secondsLeft } = localDay(deps.clock.now(), who.timezone);
  const used = await deps.quota.increment(`ai-quota:${who.userId}:${day}`, secondsLeft + 3_600);
  if (used > FREE_QUESTIONS_PER_DAY) {
    throw new DomainError(
      'ai.quota_exceeded',
      `You've used your ${FREE_QUESTIONS_PER_DAY} free AI questions for today. They renew at midnight your time — or go Pro for unlimited questions.`,
      { retryAfterSeconds: secondsLeft },
    );
  }
  return { remaining: FREE_QUESTIONS_PER_DAY - used };
}

/**
 * Gives back the question `countQuestion` took when no answer could be given at all
 * (every tier failed before the first word): the user should not pay for an outage.
 */
export async function refundQuestion(
  deps: { quota: QuotaStore; clock: Clock },
  who: { userId: string; plan: 'free' | 'pro'; timezone: string },
): Promise<void> {
  if (who.plan === 'pro') return;
  const { day } = localDay(deps.clock.now(), who.timezone);
  await deps.quota.decrement(`ai-quota:${who.userId}:${day}`).catch(() => undefined);
}

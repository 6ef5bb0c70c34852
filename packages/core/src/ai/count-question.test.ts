import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/basics';
import { countQuestion, localDay, refundQuestion } from './count-question';
import { MemoryQuotaStore } from './testing';

describe('countQuestion', () => {
  it('allows three free questions a day and refuses the fourth politely', async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    const deps = { clock, quota: new MemoryQuotaStore(clock) };
    const who = { userId: 'u1', plan: 'free' as const, timezone: 'UTC' };
    expect((await countQuestion(deps, who)).remaining).toBe(2);
    await countQuestion(deps, who);
    expect((await countQuestion(deps, who)).remaining).toBe(0);
    await expect(countQuestion(deps, who)).rejects.toMatchObject({
      code: 'ai.quota_exceeded',
      details: { retryAfterSeconds: 14 * 3600 },
    });
  });

  it('starts a new day at midnight in the user time zone, not UTC', async () => {
    const clock = new ManualClock(new Date('2026-03-01T20:00:00Z')); // 23:30 in Tehran
    const deps = { clock, quota: new MemoryQuotaStore(clock) };
    const who = { userId: 'u1', plan: 'free' as const, timezone: 'Asia/Tehran' };
    for (let i = 0; i < 3; i++) await countQuestion(deps, who);
    await expect(countQuestion(deps, who)).rejects.toThrow(/free AI questions/);
    clock.advance(31 * 60_000); // 00:01 on 2 March in Tehran, still 1 March in UTC
    expect((await countQuestion(deps, who)).remaining).toBe(2);
  });

  it('gives a question back when no answer could be given', async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    const deps = { clock, quota: new MemoryQuotaStore(clock) };
    const who = { userId: 'u1', plan: 'free' as const, timezone: 'UTC' };
    for (let i = 0; i < 3; i++) await countQuestion(deps, who);
    await refundQuestion(deps, who);
    expect((await countQuestion(deps, who)).remaining).toBe(0);
    await expect(countQuestion(deps, who)).rejects.toMatchObject({ code: 'ai.quota_exceeded' });
  });

  it('never limits pro users', async () => {
    const clock = new ManualClock();
    const deps = { clock, quota: new MemoryQuotaStore(clock) };
    for (let i = 0; i < 10; i++)
      expect(await countQuestion(deps, { userId: 'p', plan: 'pro', timezone: 'UTC' })).toEqual({ remaining: null });
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(localDay(new Date('2026-03-01T23:00:00Z'), 'Mars/Olympus').day).toBe('2026-03-01');
  });
});

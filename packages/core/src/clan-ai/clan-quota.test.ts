import { describe, expect, it } from 'vitest';
import { MemoryQuotaStore } from '../ai/testing';
import { createClan } from '../clans/create-clan';
import { CreateClanSchema } from '../clans/model';
import { fakeClanDeps } from '../testing';
import { CLAN_AI_QUESTIONS_PER_DAY, countClanQuestion, refundClanQuestion } from './clan-quota';

async function setUp(plan: 'free' | 'pro' = 'free') {
  const f = fakeClanDeps();
  f.clock.set(new Date('2026-01-15T20:00:00Z'));
  const input = CreateClanSchema.parse({ name: 'Gold Diggers', tradingFocus: 'gold', privacy: 'open' });
  const clan = await createClan(f.deps, { userId: 'lead', input });
  await f.store.updateClan(clan.id, { plan });
  const deps = { clans: f.store, quota: new MemoryQuotaStore(f.clock), clock: f.clock };
  return { ...f, deps, clanId: clan.id };
}

describe('countClanQuestion', () => {
  it('gives a free clan 5 questions a UTC day, then refuses until midnight UTC', async () => {
    const { deps, clanId, clock } = await setUp('free');
    const remaining = [];
    for (let i = 0; i < CLAN_AI_QUESTIONS_PER_DAY.free; i++) {
      remaining.push((await countClanQuestion(deps, { clanId, askerId: 'lead' })).remaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    await expect(countClanQuestion(deps, { clanId, askerId: 'lead' })).rejects.toMatchObject({
      code: 'ai.quota_exceeded',
      message:
        'Your clan has used its 5 assistant questions for today. They renew at 00:00 UTC. Pro clans get 50 a day.',
      details: { retryAfterSeconds: 4 * 3600 },
    });
    clock.advance(4 * 3600 * 1000);
    expect(await countClanQuestion(deps, { clanId, askerId: 'lead' })).toMatchObject({ limit: 5, remaining: 4 });
  });

  it('gives a pro clan 50', async () => {
    const { deps, clanId } = await setUp('pro');
    expect(await countClanQuestion(deps, { clanId, askerId: 'lead' })).toMatchObject({ limit: 50, remaining: 49 });
  });

  it('charges nothing for an outsider or an unknown clan', async () => {
    const { deps, clanId } = await setUp('free');
    await expect(countClanQuestion(deps, { clanId, askerId: 'stranger' })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
    await expect(countClanQuestion(deps, { clanId: 'nope', askerId: 'lead' })).rejects.toMatchObject({
      code: 'clan.not_found',
    });
    expect((await countClanQuestion(deps, { clanId, askerId: 'lead' })).remaining).toBe(4);
  });

  it('gives a question back when no answer came', async () => {
    const { deps, clanId } = await setUp('free');
    const counted = await countClanQuestion(deps, { clanId, askerId: 'lead' });
    await refundClanQuestion(deps, counted);
    expect((await countClanQuestion(deps, { clanId, askerId: 'lead' })).remaining).toBe(4);
  });
});

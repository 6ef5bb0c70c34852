import { describe, expect, it } from 'vitest';
import type { VerifiedStatement } from '../statement-uploads/ports';
import { fakeClanDeps } from '../testing';
import { createClan } from './create-clan';
import { getClanProfile, searchClans } from './get-clan';
import { joinClan } from './join-clan';
import { ClanSearchSchema, CreateClanSchema } from './model';

/** Just the parts of a verified statement a clan profile reads. */
function verified(o: { label?: 'self_reported' | 'broker_verified'; trades: number; net: number; twr: number }) {
  return {
    label: o.label ?? 'self_reported',
    report: {
      account: { currency: 'USD' },
      stats: {
        tradeCount: o.trades,
        netProfit: o.net,
        winRatePct: 50,
        maxDrawdownPct: 10,
        timeWeightedReturnPct: o.twr,
      },
    },
  } as unknown as VerifiedStatement;
}

describe('getClanProfile', () => {
  it('lists members leader-first with their verified badge, combines only verified members, and shows awards', async () => {
    const { deps, store } = fakeClanDeps();
    for (const [id, handle] of [
      ['lead', 'sara'],
      ['b', 'omid'],
      ['c', 'lena'],
    ] as const) {
      store.addPerson(id, { handle });
    }
    const clan = await createClan(deps, {
      userId: 'lead',
      input: CreateClanSchema.parse({ name: 'Pip Hunters', tradingFocus: 'forex', privacy: 'open' }),
    });
    await joinClan(deps, { userId: 'b', clanId: clan.id });
    await joinClan(deps, { userId: 'c', clanId: clan.id });
    const statements: Record<string, VerifiedStatement[]> = {
      lead: [verified({ trades: 10, net: 1_000, twr: 4 })],
      b: [verified({ label: 'broker_verified', trades: 30, net: -500, twr: -2 })],
    };
    const profile = await getClanProfile(
      {
        ...deps,
        statements: { listLatestVerified: async (userId) => statements[userId] ?? [] },
        seasons: {
          seasonHistory: async (userId) =>
            userId === 'b'
              ? [{ seasonId: '2026-10', position: 1, tier: 'gold', score: 90, awards: ['overall_champion'] }]
              : [],
        },
      },
      clan.id,
    );
    expect(profile.members.map((m) => [m.handle, m.role, m.verificationLabel])).toEqual([
      ['sara', 'leader', 'self_reported'],
      ['omid', 'member', 'broker_verified'],
      ['lena', 'member', null],
    ]);
    expect(profile.stats).toMatchObject({
      verifiedMembers: 2,
      tradeCount: 40,
      netProfit: [{ currency: 'USD', amount: 500 }],
      medianGainPct: 1,
    });
    expect(profile.badges).toEqual([{ award: 'overall_champion', seasonId: '2026-10', handle: 'omid' }]);
    expect(profile).toMatchObject({ memberCount: 3, sizeLimit: 3 });
  });

  it('finds clans by name text and pages newest first', async () => {
    const { deps } = fakeClanDeps();
    for (const [user, name] of [
      ['a', 'Gold Rush'],
      ['b', 'Silver Lining'],
      ['c', 'Golden Hour'],
    ] as const) {
      await createClan(deps, { userId: user, input: CreateClanSchema.parse({ name, tradingFocus: 'gold' }) });
    }
    const first = await searchClans(deps, ClanSearchSchema.parse({ q: 'gold', limit: 1 }));
    expect(first.items.map((c) => c.name)).toEqual(['Golden Hour']);
    const rest = await searchClans(deps, ClanSearchSchema.parse({ q: 'gold', limit: 1, cursor: first.nextCursor }));
    expect(rest).toMatchObject({ items: [{ name: 'Gold Rush' }], nextCursor: null });
  });
});

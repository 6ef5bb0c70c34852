import { describe, expect, it } from 'vitest';
import { fakeClanDeps } from '../testing';
import { createClan } from './create-clan';
import { listFreeAgents } from './free-agents';
import { FreeAgentQuerySchema, riskLevelOf, type FreeAgentRow } from './model';

const trader = (handle: string, o: Partial<FreeAgentRow> = {}): FreeAgentRow => ({
  userId: `u-${handle}`,
  handle,
  displayName: handle,
  avatarUrl: null,
  tradingStyle: 'day_trader',
  preferredPairs: ['EURUSD'],
  sessionPreference: 'london',
  instruments: ['EURUSD'],
  maxDrawdownPct: 5,
  tier: null,
  label: 'self_reported',
  ...o,
});

function market() {
  const f = fakeClanDeps();
  f.store.addTrader(trader('amir', { tradingStyle: 'scalper', maxDrawdownPct: 30, tier: 'gold' }));
  f.store.addTrader(trader('bita', { preferredPairs: [], instruments: ['XAUUSD'], sessionPreference: 'any' }));
  f.store.addTrader(trader('cyrus', { maxDrawdownPct: 10, sessionPreference: 'asian', tier: 'gold' }));
  f.store.addTrader(trader('dara', { maxDrawdownPct: 24.99 }));
  return f;
}
const q = (o: Record<string, unknown> = {}) => FreeAgentQuerySchema.parse(o);

describe('riskLevelOf', () => {
  it.each([
    [0, 'low'],
    [9.99, 'low'],
    [10, 'medium'],
    [24.99, 'medium'],
    [25, 'high'],
    [80, 'high'],
  ] as const)('puts a %s %% drawdown in %s', (dd, level) => {
    expect(riskLevelOf(dd)).toBe(level);
  });
});

describe('listFreeAgents', () => {
  it('filters by style, pair (declared or traded), tier, risk and session', async () => {
    const { deps } = market();
    const handles = async (o: Record<string, unknown>) => (await listFreeAgents(deps, q(o))).items.map((a) => a.handle);
    expect(await handles({ style: 'scalper' })).toEqual(['amir']);
    expect(await handles({ pair: 'xauusd' })).toEqual(['bita']);
    expect(await handles({ tier: 'gold' })).toEqual(['amir', 'cyrus']);
    expect(await handles({ risk: 'medium' })).toEqual(['cyrus', 'dara']);
    expect(await handles({ risk: 'high' })).toEqual(['amir']);
    expect(await handles({ session: 'asian' })).toEqual(['bita', 'cyrus']);
  });

  it('pages by handle and labels each trader with a risk level', async () => {
    const { deps } = market();
    const first = await listFreeAgents(deps, q({ limit: 2 }));
    expect(first.items.map((a) => [a.handle, a.riskLevel])).toEqual([
      ['amir', 'high'],
      ['bita', 'low'],
    ]);
    expect(first.items[0]).not.toHaveProperty('userId');
    expect(first.nextCursor).toBe('bita');
    const second = await listFreeAgents(deps, q({ limit: 2, cursor: first.nextCursor }));
    expect(second).toMatchObject({ items: [{ handle: 'cyrus' }, { handle: 'dara' }], nextCursor: null });
  });

  it('drops traders once they are in a clan', async () => {
    const { deps } = market();
    await createClan(deps, {
      userId: 'u-amir',
      input: {
        name: 'Amir Co',
        description: '',
        avatarUrl: null,
        tradingFocus: 'forex',
        privacy: 'open',
        telegramUrl: null,
      },
    });
    expect((await listFreeAgents(deps, q())).items.map((a) => a.handle)).toEqual(['bita', 'cyrus', 'dara']);
  });
});

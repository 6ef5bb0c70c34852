import { describe, expect, it } from 'vitest';
import { buildSyntheticStatement, fakeStatementDeps } from '../testing';
import { getTraderStats } from './get-trader-stats';
import { processStatement } from './process-statement';
import { uploadStatement } from './upload-statement';

describe('getTraderStats', () => {
  it('shows the latest verified statement of each account, with curve, months and instruments, never the login', async () => {
    const f = fakeStatementDeps();
    const user = await f.addUser();
    const first = await uploadStatement(f.deps, {
      userId: user.id,
      fileName: 'a.htm',
      bytes: buildSyntheticStatement(),
    });
    await processStatement(f.deps, first);
    f.clock.advance(60_000);
    const later = buildSyntheticStatement({ profits: [2_500, -1_200, 3_100, -400, 1_800, 1_000] });
    const second = await uploadStatement(f.deps, { userId: user.id, fileName: 'b.htm', bytes: later });
    await processStatement(f.deps, second);

    const stats = await getTraderStats(f.deps, user.handle.toUpperCase());
    expect(stats).toMatchObject({
      handle: user.handle,
      verified: true,
      badge: { label: 'self_reported' },
      instruments: ['EURUSD'],
    });
    expect(stats.accounts).toHaveLength(1);
    const [account] = stats.accounts;
    expect(account).toMatchObject({ statementId: second.statementId, broker: 'Demo Broker Ltd', currency: 'USD' });
    expect(account?.stats).toMatchObject({ tradeCount: 6, netProfit: 6800 });
    expect(account?.balanceCurve.at(-1)).toEqual({ time: '2026-01-10T15:00:00', balance: 106800 });
    expect(account?.monthlyReturns).toEqual([expect.objectContaining({ month: '2026-01', profit: 6800 })]);
    expect(JSON.stringify(stats)).not.toContain('7001');
  });

  it('shows nothing for a trader whose only statement is in review', async () => {
    const f = fakeStatementDeps();
    const user = await f.addUser();
    const up = await uploadStatement(f.deps, {
      userId: user.id,
      fileName: 'a.htm',
      bytes: buildSyntheticStatement({ tamper: true }),
    });
    await processStatement(f.deps, up);
    expect(await getTraderStats(f.deps, user.handle)).toEqual({
      handle: user.handle,
      verified: false,
      badge: null,
      accounts: [],
      instruments: [],
    });
  });

  it('refuses an unknown handle', async () => {
    const f = fakeStatementDeps();
    await expect(getTraderStats(f.deps, 'nobody')).rejects.toMatchObject({ code: 'profile.not_found' });
  });
});

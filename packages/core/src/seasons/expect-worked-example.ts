import { expect } from 'vitest';
import type { SeasonArchive } from './model';
import { WORKED_EXPECTED } from './worked-example.fixture';

/** Test helper: asserts an archive equals the hand-computed worked example of docs/ranking.md. */
export function expectWorkedExample(archive: SeasonArchive): void {
  expect(archive.seasonId).toBe('2026-11');
  expect(archive.standings).toHaveLength(WORKED_EXPECTED.standings.length);
  WORKED_EXPECTED.standings.forEach(([id, position, ret, sharpe, dd, trades, days, pct, score, scorePct, tier], i) => {
    const row = archive.standings[i];
    const p = row?.performance;
    expect([row?.traderId, row?.position, p?.tradeCount, p?.tradingDays]).toEqual([id, position, trades, days]);
    expect(p?.returnPct).toBeCloseTo(ret, 9);
    expect(p?.maxDrawdownPct).toBeCloseTo(dd, 5);
    if (sharpe === null) expect(p?.sharpe).toBeNull();
    else expect(p?.sharpe).toBeCloseTo(sharpe, 2);
    expect(row?.components === null ? null : Object.values(row?.components ?? {})).toEqual(pct);
    expect([row?.score, row?.scorePercentile, row?.tier]).toEqual([score, scorePct, tier]);
  });
  expect(archive.clans.map(({ clanId, position, counted, score }) => ({ clanId, position, counted, score }))).toEqual(
    WORKED_EXPECTED.clans,
  );
  expect(archive.awards).toHaveLength(WORKED_EXPECTED.awards.length);
  WORKED_EXPECTED.awards.forEach((want, i) => {
    const got = archive.awards[i];
    expect({ ...got, value: undefined }).toEqual({ ...want, value: undefined });
    expect(got?.value).toBeCloseTo(want.value, 2);
  });
}

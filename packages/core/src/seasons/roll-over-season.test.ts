import { describe, expect, it } from 'vitest';
import { makeTrade } from '../metrics/make-trade';
import { ManualClock } from '../testing/basics';
import { expectWorkedExample } from './expect-worked-example';
import { rollOverSeason } from './roll-over-season';
import { seasonById } from './season-calendar';
import { MemorySeasonStore } from './testing/memory-season-store';
import { WORKED_CLANS, WORKED_ENTRANTS } from './worked-example.fixture';

/** November 2026 open with the worked-example cohort, the clock on its last second. */
async function novemberInProgress() {
  const clock = new ManualClock(new Date('2026-11-30T23:59:59Z'));
  const store = new MemorySeasonStore();
  await store.openSeasonIfAbsent(seasonById('2026-11'), new Date('2026-11-01T00:00:00Z'));
  for (const e of WORKED_ENTRANTS) store.putEntrant('2026-11', e);
  store.putClans('2026-11', WORKED_CLANS);
  return { clock, store };
}

describe('rollOverSeason', () => {
  it('does nothing while the season is running', async () => {
    const { clock, store } = await novemberInProgress();
    const writes = store.writes;
    expect(await rollOverSeason({ clock, store })).toEqual({ archived: [], opened: null });
    expect(store.writes).toBe(writes);
    expect(store.seasons.get('2026-11')?.status).toBe('open');
  });

  it('at month end freezes the standings, archives the hand-computed results and opens the next season', async () => {
    const { clock, store } = await novemberInProgress();
    clock.advance(1_000);
    expect(await rollOverSeason({ clock, store })).toEqual({ archived: ['2026-11'], opened: '2026-12' });
    expect(store.seasons.get('2026-11')).toMatchObject({
      status: 'archived',
      frozenAt: clock.now(),
      archivedAt: clock.now(),
    });
    expect(store.seasons.get('2026-12')?.status).toBe('open');
    const archive = await store.findArchive('2026-11');
    expect(archive).not.toBeNull();
    expectWorkedExample(archive as NonNullable<typeof archive>);
    const late = {
      ...WORKED_ENTRANTS[4],
      traderId: 'late',
      trades: [makeTrade('2026-11-30T12:00:00', 1)],
    } as (typeof WORKED_ENTRANTS)[number];
    expect(store.putEntrant('2026-11', late)).toBe(false);
  });

  it('changes nothing when run a second time', async () => {
    const { clock, store } = await novemberInProgress();
    clock.set(new Date('2026-12-01T00:05:00Z'));
    await rollOverSeason({ clock, store });
    const writes = store.writes;
    const archive = JSON.stringify(await store.findArchive('2026-11'));
    clock.advance(3_600_000);
    expect(await rollOverSeason({ clock, store })).toEqual({ archived: [], opened: null });
    expect(store.writes).toBe(writes);
    expect(JSON.stringify(await store.findArchive('2026-11'))).toBe(archive);
    expect(store.seasons.get('2026-11')?.archivedAt).toEqual(new Date('2026-12-01T00:05:00Z'));
  });

  it('lets exactly one of two concurrent runs archive and open', async () => {
    const { clock, store } = await novemberInProgress();
    clock.set(new Date('2026-12-01T00:00:00Z'));
    const writes = store.writes;
    const [a, b] = await Promise.all([rollOverSeason({ clock, store }), rollOverSeason({ clock, store })]);
    expect([...a.archived, ...b.archived]).toEqual(['2026-11']);
    expect([a.opened, b.opened].filter(Boolean)).toEqual(['2026-12']);
    expect(store.writes - writes).toBe(3); // one freeze, one archive, one open
    expectWorkedExample(
      (await store.findArchive('2026-11')) as NonNullable<Awaited<ReturnType<typeof store.findArchive>>>,
    );
  });

  it('finishes a season that an interrupted run froze but did not archive', async () => {
    const { clock, store } = await novemberInProgress();
    clock.set(new Date('2026-12-01T00:00:00Z'));
    await store.freezeSeasonIfOpen('2026-11', clock.now());
    clock.advance(3_600_000);
    expect(await rollOverSeason({ clock, store })).toEqual({ archived: ['2026-11'], opened: '2026-12' });
    expect(store.seasons.get('2026-11')?.frozenAt).toEqual(new Date('2026-12-01T00:00:00Z'));
  });

  it('catches up several ended seasons, oldest first, and opens the first season of an empty store', async () => {
    const store = new MemorySeasonStore();
    const clock = new ManualClock(new Date('2027-01-15T00:00:00Z'));
    await store.openSeasonIfAbsent(seasonById('2026-11'), new Date('2026-11-01T00:00:00Z'));
    await store.openSeasonIfAbsent(seasonById('2026-12'), new Date('2026-12-01T00:00:00Z'));
    expect(await rollOverSeason({ clock, store })).toEqual({ archived: ['2026-11', '2026-12'], opened: '2027-01' });
    expect((await store.findArchive('2026-12'))?.standings).toEqual([]);
    expect(await rollOverSeason({ clock, store: new MemorySeasonStore() })).toEqual({
      archived: [],
      opened: '2027-01',
    });
  });
});

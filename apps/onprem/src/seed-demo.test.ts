import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTraderStats, leaderboard, seasons, type ranking } from '@clantrader/core';
import { testDatabases } from '@clantrader/db/testing';
import { createApi } from '@clantrader/workers/api';
import { afterAll, describe, expect, it } from 'vitest';
import { composeOnprem } from './compose';
import { readEnv } from './env';
import { DEMO_ADMIN, seedDemo } from './seed-demo';

type App = ReturnType<typeof composeOnprem>;

const pglite = testDatabases().find((d) => d.name === 'pglite');
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

/** A fresh on-prem composition on PGlite whose clock starts at `now`, seeded like `SEED_DEMO=1`. */
async function seededAt(now: string, check: (app: App, created: string[]) => Promise<void>) {
  if (!pglite) throw new Error('pglite test database missing');
  const root = await mkdtemp(join(tmpdir(), 'ct-onprem-'));
  roots.push(root);
  const handle = await pglite.open();
  try {
    const env = readEnv({ BLOB_DIR: join(root, 'blobs'), PASSWORD_ITERATIONS: '1000', CLANTRADER_NOW: now });
    const app = composeOnprem(env, handle, 'test');
    await check(app, await seedDemo(app));
  } finally {
    await handle.close();
  }
}

async function board(app: App, query: { sort?: ranking.SortKey; instrument?: string; style?: ranking.TradingStyle }) {
  const seasonId = seasons.seasonFor(app.clock.now()).id;
  const page = await leaderboard.getLeaderboardPage(
    { store: app.api.leaderboard.store },
    { seasonId, sort: query.sort ?? 'score', offset: 0, limit: 50, ...query },
  );
  return page.items;
}
const handles = (rows: { handle: string }[]) => rows.map((r) => r.handle);

describe('the demo seed on the on-prem composition', () => {
  it(
    'fills the running board, its filters, the clan board and last season’s archive',
    { timeout: 120_000 },
    async () => {
      await seededAt('2026-11-15T12:00:00Z', async (app, created) => {
        expect(created).toEqual(['sara_fx', 'omid_swing', 'lena_algo', 'nima_scalp', 'dara_gold', 'reza_new', 'admin']);
        expect((await app.accounts.store.findUserByEmail(DEMO_ADMIN.email))?.role).toBe('admin');
        const stats = await getTraderStats(app.statements, 'sara_fx');
        expect(stats).toMatchObject({ verified: true, accounts: [{ stats: { tradeCount: 28 } }] });

        const rows = await board(app, {});
        expect(rows.map((r) => [r.handle, r.eligible])).toContainEqual(['reza_new', false]);
        expect(rows.filter((r) => r.eligible)).toHaveLength(5);
        expect(rows.at(-1)?.handle).toBe('reza_new');
        expect(rows.filter((r) => r.eligible).every((r) => r.tier !== null && r.score !== null)).toBe(true);
        expect(handles(await board(app, { instrument: 'EURUSD' })).sort()).toEqual(['nima_scalp', 'sara_fx']);
        expect(handles(await board(app, { instrument: 'XAUUSD' })).sort()).toEqual(['dara_gold', 'sara_fx']);
        expect(handles(await board(app, { style: 'scalper' }))).toEqual(['nima_scalp']);
        expect(handles(await board(app, { style: 'swing_trader' }))).toEqual(['omid_swing']);
        expect(handles(await board(app, { sort: 'return' }))[0]).toBe('dara_gold');
        expect(rows[0]?.handle).not.toBe('dara_gold');

        const clans = await leaderboard.getClanLeaderboard(app.api.leaderboard, { seasonId: '2026-11' });
        expect(clans.items.map((c) => [c.name, c.members])).toEqual(
          expect.arrayContaining([
            ['Persian Gulf Pips', 3],
            ['Index Lab', 2],
          ]),
        );
        const history = await leaderboard.getSeasonHistory(app.api.leaderboard, { handle: 'sara_fx' });
        expect(history.items).toEqual([
          expect.objectContaining({
            seasonId: '2026-10',
            position: 1,
            tier: 'legendary',
            awards: expect.arrayContaining(['overall_champion', 'most_consistent', 'specialist:XAUUSD']),
          }),
        ]);
        expect(await seedDemo(app)).toEqual([]);
      });
    },
  );

  it(
    'orders the board differently by return than by score in other months and at any hour',
    { timeout: 120_000 },
    async () => {
      for (const now of ['2027-02-15T00:00:00Z', '2027-03-15T00:03:00Z', '2027-06-15T23:58:00Z']) {
        await seededAt(now, async (app) => {
          expect(handles(await board(app, { sort: 'return' }))[0]).toBe('dara_gold');
          expect((await board(app, {}))[0]?.handle).not.toBe('dara_gold');
          expect((await board(app, {})).filter((r) => r.eligible)).toHaveLength(5);
          expect(handles(await board(app, { instrument: 'EURUSD' })).sort()).toEqual(['nima_scalp', 'sara_fx']);
        });
      }
    },
  );

  it(
    'still archives last season and lists the traders on the first minutes of a month',
    { timeout: 120_000 },
    async () => {
      await seededAt('2026-12-01T00:05:00Z', async (app) => {
        const history = await leaderboard.getSeasonHistory(app.api.leaderboard, { handle: 'sara_fx' });
        expect(history.items.map((i) => [i.seasonId, typeof i.position])).toEqual([['2026-11', 'number']]);
        const rows = await board(app, {});
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => !r.eligible)).toBe(true);
      });
    },
  );

  it('puts blobs beside a pglite data directory by default', () => {
    expect(readEnv({ DATABASE_URL: 'pglite:/srv/ct/.data/db' }).BLOB_DIR).toBe('/srv/ct/.data/blobs');
    expect(readEnv({}).BLOB_DIR).toBe('.data/blobs');
  });

  it('applies AUTH_LIMITS to the sign-up endpoint of the composed API', async () => {
    if (!pglite) throw new Error('pglite test database missing');
    const handle = await pglite.open();
    try {
      const env = readEnv({ PASSWORD_ITERATIONS: '1000', AUTH_LIMITS: 'signup=2' });
      const api = createApi(composeOnprem(env, handle, 'test').api);
      const statuses: number[] = [];
      for (const n of [1, 2, 3]) {
        const res = await api.request('/api/v1/auth/signup', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-client-ip': '203.0.113.9' },
          body: JSON.stringify({
            email: `limit${n}@example.com`,
            password: 'Limit-test-2026',
            handle: `limit_${n}`,
            displayName: 'Limit',
          }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await handle.close();
    }
  });
});

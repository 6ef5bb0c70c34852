import { ManualClock, MemoryBlobStore } from '@clantrader/core/testing';
import { testDatabases } from '@clantrader/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiDeps } from '../build-api-deps';
import { createApi } from './index';
import { call, createAccount, expectProblem, logIn, rowsOf, type ApiTestClient } from './testing/api-client';

/**
 * Peeks reset at the user's local midnight: the same API as the shared suite, on PGlite,
 * with a clock the test moves (the shared suite also runs in workerd, on the real clock).
 */
describe('channel peeks across local midnight (moving clock)', () => {
  const clock = new ManualClock(new Date('2026-01-15T10:00:00Z'));
  let client: ApiTestClient;

  beforeAll(async () => {
    const pglite = testDatabases().find((d) => d.name === 'pglite');
    if (!pglite) throw new Error('testDatabases() must include pglite');
    const handle = await pglite.open();
    const app = createApi(
      buildApiDeps(handle.db, {
        appUrl: 'http://app.test',
        authSecret: 'clock-test-secret-at-least-32-characters',
        version: 'test',
        devOutbox: true,
        passwordIterations: 1_000,
        log: () => undefined,
        blobs: new MemoryBlobStore(),
        clock,
      }),
    );
    client = {
      fetch: async (request) => app.fetch(request),
      query: async (text) => rowsOf(await handle.db.execute(sql.raw(text))),
      close: () => handle.close(),
    };
  });
  afterAll(() => client.close());

  it('refuses a fourth peek until 00:00 in Tehran (20:30 UTC), then allows three more', async () => {
    const leader = await createAccount(client);
    const leaderToken = await logIn(client, leader);
    const clanId = crypto.randomUUID();
    await client.query(
      `insert into clans (id, name, slug, trading_focus, privacy, created_by, created_at)
       values ('${clanId}', 'Clock Clan', 'clock-clan', 'gold', 'open', '${leader.userId}', now())`,
    );
    await client.query(
      `insert into clan_members (clan_id, user_id, role, joined_at) values ('${clanId}', '${leader.userId}', 'leader', now())`,
    );
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await call(client, 'POST', `/channels/${clanId}/posts`, {
        token: leaderToken,
        body: { text: `premium ${i}`, premium: true },
      });
      ids.push(String(res.body?.id));
    }
    const reader = await createAccount(client);
    const token = await logIn(client, reader);
    await call(client, 'PATCH', '/me/profile', { token, body: { timezone: 'Asia/Tehran' } });
    for (const id of ids.slice(0, 3))
      expect((await call(client, 'POST', `/posts/${id}/peek`, { token })).status).toBe(200);
    const peeks = await call(client, 'GET', '/me/peeks', { token });
    expect(peeks.body).toMatchObject({ remaining: 0, day: '2026-01-15', resetsAt: '2026-01-15T20:30:00.000Z' });

    clock.set(new Date('2026-01-15T20:29:00Z'));
    const refused = await call(client, 'POST', `/posts/${ids[3]}/peek`, { token });
    expectProblem(refused, 429, 'peeks.exhausted');
    expect(refused.headers.get('retry-after')).toBe('60');

    clock.set(new Date('2026-01-15T20:30:00Z'));
    expect((await call(client, 'GET', '/me/peeks', { token })).body).toMatchObject({ remaining: 3, day: '2026-01-16' });
    expect((await call(client, 'POST', `/posts/${ids[3]}/peek`, { token })).body).toMatchObject({
      post: { locked: false, text: 'premium 3' },
      peeks: { used: 1, remaining: 2 },
    });
  });
});

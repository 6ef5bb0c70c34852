import { readFileSync } from 'node:fs';
import { testDatabases, type TestDatabase } from '@clantrader/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApiDeps } from '../build-api-deps';
import { createHmacTicketSigner } from '@clantrader/adapters';
import {
  createRecordingRoomControl,
  fakeAccountDeps,
  fakeChannelDeps,
  fakeChatDeps,
  fakeClanDeps,
  fakeStatementDeps,
  MemoryAccountStore,
  MemoryBlobStore,
  MemoryLeaderboardStore,
  MemoryNotificationStore,
  MemoryRateLimiter,
  SequentialIds,
} from '@clantrader/core/testing';
import { createApi, type ApiDeps, type LogEntry } from './index';
import { startOpenAiServer } from '@clantrader/ai-providers/testing';
import { defineApiSuite, INTERNAL_TEST_SECRET, LOCAL_TEST_ANSWER, type ApiTestClient } from './testing/api-suite';
import { call, expectProblem, latestToken, newIdentity, rowsOf } from './testing/api-client';

const SECRET = 'node-test-secret-at-least-32-characters!';

/** createApi in-process over a fresh migrated database, wired exactly as the Worker wires it. */
async function inProcessClient(database: TestDatabase, passwordIterations?: number): Promise<ApiTestClient> {
  const handle = await database.open();
  // The local AI tier: an OpenAI-compatible server on loopback; no cloud tier.
  const localAi = await startOpenAiServer(() => ({ kind: 'text', text: LOCAL_TEST_ANSWER }));
  const roomControl = createRecordingRoomControl();
  const deps = buildApiDeps(handle.db, {
    appUrl: 'http://app.test',
    authSecret: SECRET,
    version: 'test',
    devOutbox: true,
    passwordIterations: passwordIterations ?? 1_000,
    log: () => undefined,
    blobs: new MemoryBlobStore(),
    ai: { local: { baseURL: localAi.baseURL, model: 'test-local' } },
    roomControl,
  });
  // As the Worker sets it from ROOM_CONTROL_SECRET: the party worker's @ai route.
  deps.internalSecret = INTERNAL_TEST_SECRET;
  const app = createApi(deps);
  return {
    fetch: async (request) => app.fetch(request),
    query: async (text) => rowsOf(await handle.db.execute(sql.raw(text))),
    evictions: () => roomControl.evictions,
    close: async () => {
      await localAi.close();
      await handle.close();
    },
  };
}

const CORPUS_FILE = 'mt4-statement/exness-no-losses-detailed.htm';
const corpus = {
  fileName: CORPUS_FILE.split('/')[1] ?? CORPUS_FILE,
  bytes: new Uint8Array(readFileSync(`/work/shared/fixtures/statements/${CORPUS_FILE}`)),
};

for (const database of testDatabases()) {
  defineApiSuite(`API in-process on Node over ${database.name}`, () => inProcessClient(database), { corpus });
}

describe('API with the production password cost', () => {
  const pglite = testDatabases().find((d) => d.name === 'pglite');
  if (!pglite) throw new Error('testDatabases() must include pglite');

  it('signs up and logs in with 600,000 PBKDF2 iterations', async () => {
    const client = await inProcessClient(pglite, 600_000);
    try {
      const who = newIdentity();
      expect((await call(client, 'POST', '/auth/signup', { body: who })).status).toBe(201);
      const [row] = await client.query(`select password_hash from users where email = '${who.email}'`);
      expect(String(row?.password_hash)).toMatch(/^pbkdf2-sha256\$600000\$/);
      await call(client, 'POST', '/auth/verify-email', { body: { token: await latestToken(client, who.email) } });
      expectProblem(await call(client, 'POST', '/auth/login', { body: who }), 422, 'validation.failed');
      const ok = await call(client, 'POST', '/auth/login', { body: { email: who.email, password: who.password } });
      expect(ok.status).toBe(200);
    } finally {
      await client.close();
    }
  });
});

/** The API over core's in-memory fakes, for behaviour that needs no database. */
function fakeApiDeps(over: Partial<ApiDeps> = {}): ApiDeps {
  const { deps, clock } = fakeAccountDeps();
  return {
    accounts: deps,
    statements: fakeStatementDeps().deps,
    leaderboard: { store: new MemoryLeaderboardStore() },
    channels: fakeChannelDeps().deps,
    clans: fakeClanDeps().deps,
    chat: fakeChatDeps().deps,
    notifications: { notifications: new MemoryNotificationStore(), clock, ids: new SequentialIds() },
    rateLimiter: new MemoryRateLimiter(clock),
    tickets: createHmacTicketSigner(SECRET, clock),
    checkDatabase: async () => true,
    version: 'fake',
    ...over,
  };
}

describe('API error rendering', () => {
  it('answers an unexpected failure with a generic 500 problem and logs the cause', async () => {
    const logged: LogEntry[] = [];
    const base = fakeApiDeps();
    const app = createApi({
      ...base,
      log: (entry) => logged.push(entry),
      accounts: {
        ...base.accounts,
        store: Object.assign(new MemoryAccountStore(), {
          findProfileByHandle: () => Promise.reject(new Error('secret database detail')),
        }),
      },
    });
    const res = await app.request('/api/v1/profiles/someone');
    const body = expectProblem(
      { status: res.status, headers: res.headers, body: await res.json() },
      500,
      'internal.error',
    );
    expect(JSON.stringify(body)).not.toContain('secret database detail');
    expect(JSON.stringify(logged)).toContain('secret database detail');
    expect(logged).toEqual([expect.objectContaining({ level: 'error', requestId: body.requestId })]);
  });

  it('reports the database as down when the probe fails, still with 200', async () => {
    const app = createApi(fakeApiDeps({ checkDatabase: () => Promise.reject(new Error('no route to host')) }));
    const res = await app.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'down', version: 'fake' });
  });

  it('has no dev outbox route unless the composition root enables it', async () => {
    const res = await createApi(fakeApiDeps()).request('/api/v1/dev/outbox');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'request.not_found' });
  });
});

import { openNeon } from '@clantrader/db/drivers/neon';
import { createScheduledController, SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { call, createAccount, logIn, rowsOf, type ApiTestClient } from './api/testing/api-client';
import { readWorkerBindings } from './bindings';
import { readWorkerEnv } from './env';
import { CRON_PURGE_TOKENS, CRON_REQUEUE_STATEMENTS, runScheduledJobs } from './scheduled';
import worker from './worker';

describe('Worker scheduled handler', () => {
  const handle = openNeon(inject('databaseUrl'), { wsProxy: inject('neonWsProxy') });
  const client: ApiTestClient = {
    fetch: (request) => SELF.fetch(request),
    query: async (text) => rowsOf(await handle.db.execute(sql.raw(text))),
    close: () => handle.close(),
  };
  afterAll(() => client.close());

  const countFor = async (userId: string) => {
    const [row] = await client.query(
      `select (select count(*)::int from email_tokens where user_id = '${userId}') as tokens,
              (select count(*)::int from sessions where user_id = '${userId}') as sessions`,
    );
    return { tokens: Number(row?.tokens), sessions: Number(row?.sessions) };
  };

  it('purges tokens and sessions that expired over a day ago, and keeps live ones', async () => {
    const stale = await createAccount(client);
    const staleSession = await logIn(client, stale);
    const live = await createAccount(client);
    await logIn(client, live);
    await client.query(
      `update email_tokens set expires_at = now() - interval '25 hours' where user_id = '${stale.userId}'`,
    );
    await client.query(
      `update sessions set expires_at = now() - interval '25 hours' where user_id = '${stale.userId}'`,
    );
    expect(await countFor(stale.userId)).toEqual({ tokens: 1, sessions: 1 });

    const controller = createScheduledController({ cron: CRON_PURGE_TOKENS, scheduledTime: new Date() });
    const bindings: Record<string, unknown> = { ...env };
    await worker.scheduled(controller, bindings);

    expect(await countFor(stale.userId)).toEqual({ tokens: 0, sessions: 0 });
    expect(await countFor(live.userId)).toEqual({ tokens: 1, sessions: 1 });
    expect((await call(client, 'GET', '/me', { token: staleSession })).status).toBe(401);
  });

  it('queues again a statement left pending for over five minutes, and not a fresh one', async () => {
    const owner = await createAccount(client);
    const insert = (id: string, age: string) =>
      client.query(
        `insert into statements (id, user_id, status, label, file_name, byte_size, blob_key, created_at)
         values ('${id}', '${owner.userId}', 'pending', 'self_reported', 'r.htm', 10, 'missing/${id}', now() - interval '${age}')`,
      );
    const lost = '01900000-0000-7000-8000-00000000a001';
    await insert(lost, '6 minutes');
    await insert('01900000-0000-7000-8000-00000000a002', '1 minute');
    const raw: Record<string, unknown> = { ...env };
    const result = await runScheduledJobs(readWorkerEnv(raw), readWorkerBindings(raw), CRON_REQUEUE_STATEMENTS);
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    // The consumer finds no original for these rows; mark them done so it stops retrying.
    await client.query(`update statements set status = 'rejected' where user_id = '${owner.userId}'`);
  });
});

import { openNeon } from '@clantrader/db/drivers/neon';
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { rowsOf } from './api/testing/api-client';
import { CRON_AI_PROBE, CRON_PURGE_TOKENS } from './scheduled';
import worker from './worker';

describe('Worker AI health probe cron', () => {
  const handle = openNeon(inject('databaseUrl'), { wsProxy: inject('neonWsProxy') });
  afterAll(() => handle.close());

  it('probes the local tier (AI_LOCAL_BASE_URL) and stores the result for the admin page', async () => {
    const controller = createScheduledController({ cron: CRON_AI_PROBE, scheduledTime: new Date() });
    const bindings: Record<string, unknown> = { ...env };
    await worker.scheduled(controller, bindings);
    const rows = rowsOf(await handle.db.execute(sql.raw(`select value from ai_state where key = 'conn:last-probe'`)));
    expect(rows[0]?.value).toEqual([expect.objectContaining({ providerId: 'ollama', tier: 'local', ok: true })]);
  });

  it('builds the day’s platform snapshot and answers the most asked questions on the hourly trigger', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const question = `What is trending? ${crypto.randomUUID()}`;
    const value = JSON.stringify({ question, normalized: question.toLowerCase(), queryType: 'stats' });
    await handle.db.execute(
      sql.raw(
        `insert into ai_state (key, value, count, expires_at)
         values ('question:${day}:stats:test-${crypto.randomUUID()}', '${value}'::jsonb, 1000000, now() + interval '1 day')`,
      ),
    );
    const controller = createScheduledController({ cron: CRON_PURGE_TOKENS, scheduledTime: new Date() });
    await worker.scheduled(controller, { ...env } as Record<string, unknown>);
    const snapshot = rowsOf(
      await handle.db.execute(sql.raw(`select value from ai_state where key = 'snapshot:latest'`)),
    );
    expect(snapshot[0]?.value).toMatchObject({ id: `snap-${day}` });
    const cached = rowsOf(
      await handle.db.execute(
        sql.raw(`select count(*)::int as n from ai_state where key like 'cache:ai:v1:snap-${day}:stats:public:%'`),
      ),
    );
    expect(Number(cached[0]?.n)).toBeGreaterThanOrEqual(1);
  });
});

import { openNeon } from '@clantrader/db/drivers/neon';
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { rowsOf } from './api/testing/api-client';
import { CRON_AI_PROBE } from './scheduled';
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
});

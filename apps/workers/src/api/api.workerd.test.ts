import { openNeon } from '@clantrader/db/drivers/neon';
import { SELF } from 'cloudflare:test';
import { inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from './testing/api-client';
import { defineApiSuite } from './testing/api-suite';

/**
 * The same suite as api.node.test.ts, but every request goes through the deployed Worker
 * entry in workerd (fetch → composeWorker → Neon driver → WebSocket proxy → PostgreSQL).
 */
defineApiSuite('API in workerd through the Worker and the Neon driver', async () => {
  const handle = openNeon(inject('databaseUrl'), { wsProxy: inject('neonWsProxy') });
  return {
    fetch: (request) => SELF.fetch(request),
    query: async (text) => rowsOf(await handle.db.execute(sql.raw(text))),
    close: () => handle.close(),
  };
});

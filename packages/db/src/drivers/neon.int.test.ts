import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DbHandle } from '../database';
import { migrateDatabase } from '../migrate';
import { describeAccountStore } from '../repositories/account-store.suite';
import { createTestPostgresDatabase, findPostgresServer, startNeonWsProxy, type NeonWsProxy } from '../testing/index';
import { openNeon } from './neon';

let proxy: Promise<NeonWsProxy> | undefined;
afterAll(async () => {
  await (await proxy)?.close();
});

/** A fresh migrated PostgreSQL database reached through the Neon driver and the proxy. */
async function openNeonTestDatabase(): Promise<DbHandle> {
  proxy ??= findPostgresServer().then(startNeonWsProxy);
  const { url: wsProxy } = await proxy;
  const temp = await createTestPostgresDatabase();
  const handle = openNeon(temp.url, { wsProxy, webSocketConstructor: WebSocket });
  try {
    expect(await migrateDatabase(handle)).not.toEqual([]);
  } catch (error) {
    await handle.close();
    await temp.drop();
    throw error;
  }
  return {
    ...handle,
    async close() {
      await handle.close();
      await temp.drop();
    },
  };
}

describe('openNeon through the local WebSocket proxy', () => {
  it('talks to PostgreSQL over the websocket and runs transactions', async () => {
    const handle = await openNeonTestDatabase();
    try {
      expect(handle.kind).toBe('neon');
      const rolledBack = handle.db.transaction(async (tx) => {
        await tx.execute(sql`create table scratch (n int)`);
        throw new Error('undo');
      });
      await expect(rolledBack).rejects.toThrow('undo');
      const rows = await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(sql`information_schema.tables`)
        .where(sql`table_name = 'scratch'`);
      expect(rows).toEqual([{ n: 0 }]);
      expect((await proxy)?.connections()).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });

  describe('AccountStore on neon', () => {
    describeAccountStore(openNeonTestDatabase);
  });
});

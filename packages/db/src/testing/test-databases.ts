import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { DbHandle } from '../database';
import { openPg } from '../drivers/pg';
import { wrapPglite } from '../drivers/pglite';
import { migrateDatabase } from '../migrate';
import { findPostgresServer, runAdmin, withDatabase } from './postgres-server';

export type TestDatabase = {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; its `close()` throws it away. */
  open(): Promise<DbHandle>;
};

/**
 * The databases every repository suite runs against: in-memory PGlite and a real
 * PostgreSQL (see findPostgresServer). Use with `describe.each(testDatabases())`.
 */
export function testDatabases(): TestDatabase[] {
  return [
    { name: 'pglite', open: openTestPglite },
    { name: 'postgres', open: openTestPostgres },
  ];
}

let pgliteTemplate: Promise<File | Blob> | undefined;

/**
 * Booting PGlite costs ~1.5 s; loading a dump of an already migrated one ~0.4 s. The dump
 * is made once per process by really migrating, so it is exactly what migrations produce.
 */
async function openTestPglite(): Promise<DbHandle> {
  pgliteTemplate ??= (async () => {
    const client = await PGlite.create();
    try {
      await migrateDatabase(wrapPglite(client));
      return await client.dumpDataDir('none');
    } finally {
      await client.close();
    }
  })();
  return wrapPglite(await PGlite.create({ loadDataDir: await pgliteTemplate }));
}

/** Creates `ct_test_<random>` on the test server, migrates it, and drops it on close. */
export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = await findPostgresServer();
  const name = `ct_test_${randomUUID().replaceAll('-', '')}`;
  await runAdmin(server, `create database "${name}"`);
  return {
    url: withDatabase(server, name),
    drop: () => runAdmin(server, `drop database if exists "${name}" with (force)`),
  };
}

async function openTestPostgres(): Promise<DbHandle> {
  const temp = await createTestPostgresDatabase();
  try {
    const handle = await openPg(temp.url, { max: 5 });
    await migrateDatabase(handle);
    return {
      ...handle,
      async close() {
        await handle.close();
        await temp.drop();
      },
    };
  } catch (error) {
    await temp.drop();
    throw error;
  }
}

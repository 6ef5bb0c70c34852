import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate';
import { openDatabase, parseDatabaseUrl } from './open-database';
import { createAccountStore } from './repositories/account-store';
import { newAccount } from './repositories/account-fixtures';
import { createTestPostgresDatabase } from './testing/index';

describe('parseDatabaseUrl', () => {
  it('maps unset, pglite: and postgres URLs to drivers and rejects anything else', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: 'pglite' });
    expect(parseDatabaseUrl('  ')).toEqual({ kind: 'pglite' });
    expect(parseDatabaseUrl('pglite:.data/db')).toEqual({ kind: 'pglite', dataDir: resolve('.data/db') });
    expect(parseDatabaseUrl('pglite:///srv/db')).toEqual({ kind: 'pglite', dataDir: '/srv/db' });
    expect(parseDatabaseUrl('postgresql://u@h/db')).toEqual({ kind: 'pg', url: 'postgresql://u@h/db' });
    expect(() => parseDatabaseUrl('pglite:')).toThrow(/needs a directory/);
    expect(() => parseDatabaseUrl('mysql://h/db')).toThrow(/DATABASE_URL/);
  });
});

describe('openDatabase', () => {
  it('opens in-memory PGlite when DATABASE_URL is unset', async () => {
    const handle = await openDatabase(undefined);
    expect(handle.kind).toBe('pglite');
    await handle.close();
  });

  it('creates the pglite directory and keeps data across reopening', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'ct-pglite-'));
    const url = `pglite:${join(parent, 'nested', 'db')}`;
    try {
      const first = await openDatabase(url);
      await migrateDatabase(first);
      const account = newAccount(1);
      await createAccountStore(first.db).createAccount(account);
      await first.close();
      expect((await stat(join(parent, 'nested', 'db'))).isDirectory()).toBe(true);

      const second = await openDatabase(url);
      expect(await migrateDatabase(second)).toEqual([]);
      expect(await createAccountStore(second.db).findUserById(account.user.id)).toEqual(account.user);
      await second.close();
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('opens node-postgres for a postgres:// URL and fails fast on a dead one', async () => {
    const temp = await createTestPostgresDatabase();
    try {
      const handle = await openDatabase(temp.url);
      expect(handle.kind).toBe('pg');
      await handle.close();
    } finally {
      await temp.drop();
    }
    await expect(openDatabase('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow();
  });
});

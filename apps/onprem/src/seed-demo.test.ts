import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTraderStats } from '@clantrader/core';
import { testDatabases } from '@clantrader/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { composeOnprem } from './compose';
import { readEnv } from './env';
import { DEMO_ADMIN, seedDemoUsers } from './seed-demo';

describe('seedDemoUsers on the on-prem composition', () => {
  const pglite = testDatabases().find((d) => d.name === 'pglite');
  let root = '';
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates an admin and a trader whose synthetic statement the local queue verifies', async () => {
    if (!pglite) throw new Error('pglite test database missing');
    root = await mkdtemp(join(tmpdir(), 'ct-onprem-'));
    const handle = await pglite.open();
    try {
      const env = readEnv({ BLOB_DIR: join(root, 'blobs'), PASSWORD_ITERATIONS: '1000' });
      const app = composeOnprem(env, handle, 'test');
      expect(await seedDemoUsers(app.accounts, app.statements)).toContain('admin');
      const admin = await app.accounts.store.findUserByEmail(DEMO_ADMIN.email);
      expect(admin?.role).toBe('admin');
      await app.jobs.drain();
      const stats = await getTraderStats(app.statements, 'sara_fx');
      expect(stats).toMatchObject({ verified: true, accounts: [{ stats: { tradeCount: 5 } }] });
      expect(await seedDemoUsers(app.accounts, app.statements)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('puts blobs beside a pglite data directory by default', () => {
    expect(readEnv({ DATABASE_URL: 'pglite:/srv/ct/.data/db' }).BLOB_DIR).toBe('/srv/ct/.data/blobs');
    expect(readEnv({}).BLOB_DIR).toBe('.data/blobs');
  });
});

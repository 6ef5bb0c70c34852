import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../migrate';
import { auditLog } from '../schema/index';
import { openPglite, wrapPglite } from './pglite';

describe('openPglite with a template', () => {
  it('starts a new data directory from the dump, migrated, and later opens ignore the template', async () => {
    const source = await PGlite.create();
    await migrateDatabase(wrapPglite(source));
    await source.exec(`insert into audit_log (id, action, data, created_at) values
      ('0190aaaa-0000-7000-8000-000000000001', 'template.marker', '{}', now())`);
    const template = (await source.dumpDataDir('gzip')) as Blob;
    await source.close();

    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ct-tpl-')), 'db');
    const first = await openPglite(dir, { template });
    expect(await migrateDatabase(first)).toEqual([]);
    expect(await first.db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: 'template.marker' }]);
    await first.db.delete(auditLog);
    await first.close();

    const empty = new Blob([new Uint8Array([1, 2, 3])]);
    const again = await openPglite(dir, { template: empty });
    expect(await again.db.select().from(auditLog)).toEqual([]);
    await again.close();
  });
});

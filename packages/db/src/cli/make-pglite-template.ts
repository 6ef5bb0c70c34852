// Writes a gzipped PGlite data directory with every migration applied, for the on-prem
// bundle: a fresh install then starts from it instead of running initdb in WASM.
// Usage: tsx src/cli/make-pglite-template.ts <out.tar.gz> [migrationsFolder]
import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { migrateDatabase } from '../migrate';
import { wrapPglite } from '../drivers/pglite';

const [out, migrationsFolder] = process.argv.slice(2);
if (!out) {
  console.error('usage: make-pglite-template <out.tar.gz> [migrationsFolder]');
  process.exit(2);
}
const client = await PGlite.create();
const applied = await migrateDatabase(wrapPglite(client), migrationsFolder ? { migrationsFolder } : {});
const dump = (await client.dumpDataDir('gzip')) as Blob;
await writeFile(out, new Uint8Array(await dump.arrayBuffer()));
await client.close();
console.log(`PGlite template with ${applied.length} migration(s): ${out} (${(dump.size / 1024 / 1024).toFixed(1)} MB)`);

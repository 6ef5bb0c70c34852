#!/usr/bin/env node
// README command 1 (`npm start`): on a machine with only Node 20, installs the workspace,
// builds the on-prem bundle and starts it on PGlite (data in .data/pglite) with demo
// traders seeded and the dev mail outbox on, then prints the URL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`ClanTrader needs Node 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
pnpm(['install', '--frozen-lockfile', '--prefer-offline']);
pnpm(['build:onprem']);

const child = spawn(process.execPath, [path.join(root, 'dist/onprem/server.js')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    DATABASE_URL: `pglite:${path.join(root, '.data/pglite')}`,
    DEV_OUTBOX: '1',
    SEED_DEMO: '1',
    ...process.env,
  },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

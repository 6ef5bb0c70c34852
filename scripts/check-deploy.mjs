#!/usr/bin/env node
// Proves the two deploy commands work offline: `pnpm deploy:onprem --target <dir>` pushes
// the bundle with rsync to a folder outside the repo (no node_modules anywhere above it),
// the deployed copy starts and serves the API and a page; `pnpm deploy:edge --dry-run`
// bundles the Workers.
import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBundle } from '../e2e/server-process.mjs';
import { pnpm } from './pnpm.mjs';

const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'ct-deploy-')), 'clantrader');
pnpm(['deploy:onprem', '--target', target, '--skip-build']);
if (existsSync(path.join(target, 'node_modules'))) throw new Error('the deployed bundle must not need node_modules');
const server = await startBundle({ bundleDir: target });
try {
  const health = await fetch(`${server.url}/api/v1/health`);
  const page = await fetch(`${server.url}/`);
  if (health.status !== 200 || page.status !== 200)
    throw new Error(`deployed bundle: health ${health.status}, page ${page.status}`);
  console.log(`deploy:onprem → ${target}: started in ${server.readyMs.toFixed(0)} ms, health 200, landing page 200`);
} finally {
  await server.stop();
}
pnpm(['deploy:edge', '--dry-run']);
console.log('deploy:edge --dry-run: bundled offline');

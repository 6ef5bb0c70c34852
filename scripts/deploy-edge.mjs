#!/usr/bin/env node
// `pnpm deploy:edge [--dry-run]`: deploys the international home with wrangler — the API
// Worker (root wrangler.toml), the realtime rooms Worker (apps/party) and the web app
// (apps/web, adapter-cloudflare). `--dry-run` bundles everything offline into dist/edge/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pnpm, root } from './pnpm.mjs';

const dryRun = process.argv.includes('--dry-run');
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? path.join(root, '.xdg'),
};
const wrangler = path.join(root, 'apps/workers/node_modules/.bin/wrangler');
// Order matters: each Worker is deployed after the Workers its service bindings name
// (the API binds ROOMS → party; the web app binds API → api).
const targets = [
  { name: 'party', config: 'apps/party/wrangler.toml' },
  { name: 'api', config: 'wrangler.toml' },
  {
    name: 'web',
    config: 'apps/web/wrangler.jsonc',
    before: () => pnpm(['--filter', '@clantrader/web', 'run', 'build:cloudflare']),
  },
];
for (const t of targets) {
  if (!existsSync(path.join(root, t.config))) {
    console.log(`deploy:edge: ${t.config} not present, skipping ${t.name}`);
    continue;
  }
  t.before?.();
  const outdir = path.join(root, 'dist/edge', t.name);
  mkdirSync(outdir, { recursive: true });
  const args = ['deploy', '-c', t.config, ...(dryRun ? ['--dry-run', '--outdir', outdir] : [])];
  console.log(`deploy:edge: wrangler ${args.join(' ')}`);
  const r = spawnSync(wrangler, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

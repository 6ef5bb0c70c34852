#!/usr/bin/env node
// `pnpm deploy:onprem --target HOST:PATH` (or a local PATH): builds the self-contained
// bundle and pushes it with rsync. The server never pulls code or packages itself.
// Data directories on the target (e.g. a PGlite folder under .data/) are left alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const args = process.argv.slice(2);
const target = valueOf('--target');
if (!target) fail('usage: pnpm deploy:onprem --target HOST:PATH | PATH [--skip-build] [--dry-run]');
if (spawnSync('rsync', ['--version'], { stdio: 'ignore' }).status !== 0) {
  fail('rsync is not installed (Debian: apt-get install rsync)');
}

if (!args.includes('--skip-build')) {
  execFileSync('node', [path.join(here, 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
const bundle = path.join(root, 'dist/onprem');
if (!existsSync(path.join(bundle, 'server.js'))) fail('dist/onprem/server.js missing: the build failed');

const remote = /^[^/]+:/.test(target);
if (!remote) mkdirSync(target, { recursive: true });
// Old content-hashed client assets are kept (protected from --delete): a server still
// running the previous release keeps finding the files it indexed at start until it is
// restarted, instead of failing on a vanished asset.
const rsyncArgs = [
  '-a',
  '--delete',
  '--delay-updates',
  '--filter',
  'P client/_app/immutable/**',
  '--exclude',
  '.data/',
  '--exclude',
  '.env',
  `${bundle}/`,
  ensureSlash(target),
];
if (args.includes('--dry-run')) rsyncArgs.unshift('--dry-run', '--itemize-changes');
const r = spawnSync('rsync', rsyncArgs, { stdio: 'inherit' });
if (r.status !== 0) fail(`rsync failed with exit code ${r.status}`);
console.log(
  `deployed to ${target}; start it there with: node ${remote ? target.split(':').slice(1).join(':') : target}/server.js`,
);

function valueOf(flag) {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
}
function ensureSlash(t) {
  return t.endsWith('/') ? t : `${t}/`;
}
function fail(msg) {
  console.error(msg);
  process.exit(1);
}

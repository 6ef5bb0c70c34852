#!/usr/bin/env node
// Builds dist/onprem/: one self-contained on-prem bundle that runs with `node server.js`
// and no node_modules — server code, SvelteKit client assets, SQL migrations and
// PGlite's wasm files (loaded by URL beside server.js, so they cannot be inlined).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const out = path.join(root, 'dist/onprem');
const webBuild = path.join(root, 'apps/web/build');
const started = Date.now();

if (!process.argv.includes('--skip-web')) {
  execFileSync('pnpm', ['--filter', '@clantrader/web', 'run', 'build'], { cwd: root, stdio: 'inherit' });
}
if (!existsSync(path.join(webBuild, 'handler.js')))
  throw new Error('apps/web/build/handler.js missing: web build failed');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [path.join(here, '../src/main.ts')],
  outfile: path.join(out, 'server.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  external: ['pg-native', 'cloudflare:sockets'],
  banner: {
    js: "import { createRequire as __ctCreateRequire } from 'node:module'; const require = __ctCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  logOverride: { 'ignored-bare-import': 'silent' },
});

cpSync(path.join(webBuild, 'client'), path.join(out, 'client'), { recursive: true });
if (existsSync(path.join(webBuild, 'prerendered'))) {
  cpSync(path.join(webBuild, 'prerendered'), path.join(out, 'prerendered'), { recursive: true });
}
cpSync(path.join(root, 'packages/db/migrations'), path.join(out, 'migrations'), { recursive: true });

const requireFromDb = createRequire(path.join(root, 'packages/db/package.json'));
const pgliteDist = path.dirname(requireFromDb.resolve('@electric-sql/pglite'));
for (const f of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) cpSync(path.join(pgliteDist, f), path.join(out, f));

// A migrated PGlite data directory to start from, so a fresh install skips initdb.
execFileSync(
  path.join(root, 'packages/db/node_modules/.bin/tsx'),
  ['src/cli/make-pglite-template.ts', path.join(out, 'pglite-template.tar.gz'), path.join(out, 'migrations')],
  { cwd: path.join(root, 'packages/db'), stdio: 'inherit' },
);

writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }, null, 2) + '\n');
writeFileSync(
  path.join(out, 'BUILD.json'),
  JSON.stringify({ builtAt: new Date().toISOString(), commit: gitCommit() }, null, 2) + '\n',
);

const mb = (dirSize(out) / 1024 / 1024).toFixed(1);
console.log(`on-prem bundle: ${path.relative(process.cwd(), out) || out} (${mb} MB) in ${Date.now() - started} ms`);

function dirSize(dir) {
  return readdirSync(dir).reduce((sum, name) => {
    const p = path.join(dir, name);
    const s = statSync(p);
    return sum + (s.isDirectory() ? dirSize(p) : s.size);
  }, 0);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

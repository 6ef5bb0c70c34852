#!/usr/bin/env node
// `pnpm bench:api`: the on-prem bundle on real PostgreSQL under autocannon on loopback.
// Prints requests/s and p50/p95/p99 for GET /api/v1/health and a public profile read,
// and the ratio to a bare @hono/node-server hello-world measured in the same run; then
// cold start to first 200 on PGlite, and the gzip size of the Worker bundle.
// Targets: profile read p95 ≤ 20 ms at 500 req/s; ≥ 50 % of hello-world throughput;
// cold start < 3 s on PGlite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { freePort, root, startBundle } from '../e2e/server-process.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const requireDb = createRequire(path.join(root, 'packages/db/package.json'));
const pg = requireDb('pg');

if (!existsSync(path.join(root, 'dist/onprem/server.js'))) {
  spawnSync('pnpm', ['build:onprem'], { cwd: root, stdio: 'inherit' });
}

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ct_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect().catch((e) => {
  console.error(`bench:api needs a real PostgreSQL (DATABASE_URL or 127.0.0.1:5432): ${e.message}`);
  process.exit(1);
});
await admin.query(`CREATE DATABASE ${dbName}`);
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${dbName}`;

const results = [];
let server;
let hello;
try {
  server = await startBundle({
    env: { DATABASE_URL: benchUrl.toString(), PASSWORD_ITERATIONS: '600000', SEED_DEMO: '0' },
  });
  const handle = await createTrader(server.url);
  const helloPort = await freePort();
  hello = await startHello(helloPort);

  const targets = [
    { name: 'hello-world (bare @hono/node-server)', url: `http://127.0.0.1:${helloPort}/` },
    { name: 'GET /api/v1/health', url: `${server.url}/api/v1/health` },
    { name: `GET /api/v1/profiles/${handle}`, url: `${server.url}/api/v1/profiles/${handle}` },
  ];
  for (const t of targets) {
    await run({ url: t.url, connections: 10, duration: 2 }); // warm-up
    const max = await run({ url: t.url, connections: 50, duration: SECONDS });
    const at500 = await run({ url: t.url, connections: 20, duration: SECONDS, overallRate: 500 });
    results.push({ name: t.name, max, at500 });
  }
} finally {
  await server?.stop();
  hello?.kill();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
}

const baseline = results[0].max.rps;
console.log(`\nbench:api — on-prem bundle on PostgreSQL, ${SECONDS} s per run, loopback, ${os.cpus().length} cores`);
console.log(
  'target                                   | max req/s | vs hello | @500/s p50 | p95     | p99     | non-2xx',
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(40)} | ${r.max.rps.toFixed(0).padStart(9)} | ${(r.max.rps / baseline).toFixed(2).padStart(8)} | ` +
      `${ms(r.at500.p50)} | ${ms(r.at500.p95)} | ${ms(r.at500.p99)} | ${r.max.errors + r.at500.errors}`,
  );
}
const profile = results[2];
const cold = await coldStart();
const workerGzip = workerBundleGzip();
console.log(`\non-prem cold start to first 200 on PGlite (fresh data dir): ${cold.toFixed(0)} ms (target < 3000 ms)`);
console.log(
  `Worker bundle gzip size: ${workerGzip ? `${(workerGzip / 1024).toFixed(1)} KiB` : 'n/a (wrangler dry-run failed)'}`,
);
const checks = [
  [`profile read p95 ${profile.at500.p95.toFixed(1)} ms ≤ 20 ms at 500 req/s`, profile.at500.p95 <= 20],
  [`profile read ${(profile.max.rps / baseline).toFixed(2)}× hello-world ≥ 0.50×`, profile.max.rps / baseline >= 0.5],
  [`cold start ${cold.toFixed(0)} ms < 3000 ms`, cold < 3000],
];
for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${text}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;

async function createTrader(url) {
  const handle = 'bench_trader';
  const res = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      password: 'Loopback-load-Test-7',
      handle,
      displayName: 'Bench Trader',
    }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return handle;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const instance = autocannon({ ...opts, timeout: 10 }, (err, result) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
      resolve({
        rps: result.requests.average,
        p50: pct(50),
        p95: pct(95),
        p99: pct(99),
        errors: errors + result.errors,
      });
    });
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status >= 300) errors += 1;
    });
  });
}

async function startHello(port) {
  const child = spawn(process.execPath, [path.join(root, 'bench/hello-hono.mjs')], {
    cwd: path.join(root, 'apps/onprem'),
    env: { ...process.env, PORT: String(port), NODE_PATH: path.join(root, 'apps/onprem/node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return child;
}

async function coldStart() {
  const s = await startBundle({
    env: { SEED_DEMO: '0', DATABASE_URL: `pglite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'ct-cold-')), 'db')}` },
  });
  await s.stop();
  return s.readyMs;
}

function workerBundleGzip() {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'ct-worker-'));
  const r = spawnSync(
    path.join(root, 'apps/workers/node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', outdir, '-c', 'wrangler.toml'],
    {
      cwd: root,
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        XDG_CONFIG_HOME: path.join(root, '.xdg'),
      },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) return null;
  return readdirSync(outdir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.wasm'))
    .reduce(
      (sum, f) =>
        statSync(path.join(outdir, f)).isFile() ? sum + gzipSync(readFileSync(path.join(outdir, f))).length : sum,
      0,
    );
}

function ms(v) {
  return `${v.toFixed(1)} ms`.padStart(7);
}

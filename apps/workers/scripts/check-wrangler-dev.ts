// Proves the Worker runs under `wrangler dev`, offline, against a local PostgreSQL: a fresh
// migrated database, reached from workerd through the Neon serverless driver and a local
// WebSocket-to-TCP proxy, then health, sign-up and the dev outbox over real HTTP.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@clantrader/db';
import { openPg } from '@clantrader/db/drivers/pg';
import { createTestPostgresDatabase, startNeonWsProxy } from '@clantrader/db/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const database = await createTestPostgresDatabase();
const handle = await openPg(database.url);
await migrateDatabase(handle);
await handle.close();
const proxy = await startNeonWsProxy(database.url);
const port = await freePort();
const wrangler = spawn(
  path.join(root, 'apps/workers/node_modules/.bin/wrangler'),
  [
    'dev',
    '-c',
    'wrangler.toml',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(await freePort()),
    '--var',
    `DATABASE_URL:${database.url}`,
    '--var',
    `NEON_WS_PROXY:${proxy.url}`,
    '--var',
    'AUTH_SECRET:wrangler-dev-check-secret-0123456789abcdef',
    '--var',
    'MAIL_TRANSPORT:outbox',
    '--var',
    'DEV_OUTBOX:1',
    '--var',
    'PBKDF2_ITERATIONS:1000',
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      XDG_CONFIG_HOME: path.join(root, '.xdg'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let output = '';
wrangler.stdout.on('data', (d) => (output += d));
wrangler.stderr.on('data', (d) => (output += d));
const base = `http://127.0.0.1:${port}/api/v1`;
let failed: string | null = null;
try {
  await waitFor(async () => (await fetch(`${base}/health`)).ok, 60_000);
  const health = (await (await fetch(`${base}/health`)).json()) as { db: string };
  if (health.db !== 'ok') throw new Error(`health says db=${health.db}`);
  const signup = await fetch(`${base}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'edge@example.com',
      password: 'Offline-worker-Check-9',
      handle: 'edge_dev',
      displayName: 'Edge',
    }),
  });
  if (signup.status !== 201) throw new Error(`sign-up answered ${signup.status}: ${await signup.text()}`);
  const outbox = (await (await fetch(`${base}/dev/outbox`)).json()) as { messages: { to: string }[] };
  if (!outbox.messages.some((m) => m.to === 'edge@example.com')) throw new Error('no verification mail in the outbox');
  if (proxy.connections() === 0) throw new Error('the Worker did not reach PostgreSQL through the Neon driver');
  console.log(
    `wrangler dev: health db=ok, sign-up 201, verification mail stored; ${proxy.connections()} Neon connection(s)`,
  );
} catch (e) {
  failed = e instanceof Error ? e.message : String(e);
} finally {
  wrangler.kill('SIGTERM');
  await proxy.close();
  await database.drop();
}
if (failed) {
  console.error(`wrangler dev check failed: ${failed}\n${output}`);
  process.exit(1);
}
process.exit(0);

async function waitFor(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`not ready within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

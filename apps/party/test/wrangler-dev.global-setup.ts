import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '@clantrader/db';
import { openPg } from '@clantrader/db/drivers/pg';
import { createTestPostgresDatabase, startNeonWsProxy } from '@clantrader/db/testing';
import type { TestProject } from 'vitest/node';
import { TEST_AUTH_SECRET, TEST_ROOM_CONTROL_SECRET } from './test-secret';

declare module 'vitest' {
  export interface ProvidedContext {
    partyBaseUrl: string;
    /** The test database the chat rooms store into, for setting up users from Node. */
    partyDatabaseUrl: string;
  }
}

const appDir = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 60_000;

/**
 * Runs the real room worker under `wrangler dev` (workerd, Durable Objects, the HTTP
 * upgrade path) on a free loopback port, offline and without touching $HOME, and hands
 * its URL to the tests. The chat rooms store into a fresh migrated PostgreSQL database
 * through the Neon driver and a local WebSocket-to-TCP proxy, as they reach Neon in
 * production. Everything it starts is stopped in teardown.
 */
export default async function startWranglerDev(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestPostgresDatabase();
  const migrated = await openPg(database.url, { max: 1 });
  try {
    await migrateDatabase(migrated);
  } finally {
    await migrated.close();
  }
  const proxy = await startNeonWsProxy(database.url);
  const port = await findFreePort();
  const persistDir = mkdtempSync(path.join(tmpdir(), 'party-test-'));
  let output = '';
  const child = spawn(
    path.join(appDir, 'node_modules/.bin/wrangler'),
    [
      'dev',
      '-c',
      'wrangler.toml',
      // The API Worker's stand-in for the clan rooms' `@ai` service binding (test/stub-api).
      '-c',
      'test/stub-api/wrangler.toml',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistDir,
      '--var',
      `AUTH_SECRET:${TEST_AUTH_SECRET}`,
      '--var',
      `DATABASE_URL:${database.url}`,
      '--var',
      `NEON_WS_PROXY:${proxy.url}`,
      '--var',
      `ROOM_CONTROL_SECRET:${TEST_ROOM_CONTROL_SECRET}`,
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ],
    {
      cwd: appDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        WRANGLER_SEND_ERROR_REPORTS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        XDG_CONFIG_HOME: path.resolve(appDir, '../../.xdg'),
        NO_COLOR: '1',
      },
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    await stopGroup(child);
    rmSync(persistDir, { recursive: true, force: true });
    await proxy.close();
    await database.drop();
  };
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/`, child);
  } catch (e) {
    await stop();
    throw new Error(`wrangler dev did not start: ${String(e)}\n${output}`, { cause: e });
  }
  project.provide('partyBaseUrl', `ws://127.0.0.1:${port}`);
  project.provide('partyDatabaseUrl', database.url);
  return stop;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 404) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
}

/** Stops wrangler and the workerd it spawned (its own process group, started above). */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

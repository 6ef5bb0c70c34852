// Starts the built on-prem bundle as a child process for end-to-end tests and benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnOpenAiTestServer } from './openai-test-server.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Where the server's clock starts (CLANTRADER_NOW): the 15th of this UTC month at the real
 * time of day, so the demo seed's running season is half played and last season ended on any
 * date the suite runs, while "midnight", "tomorrow" and expiries stay where the browser's
 * clock puts them (the shift is whole days, under 16 of them). A value already in the
 * environment wins; it is left in `process.env` for the test process that run.mjs starts,
 * so tests compute the same season and days left.
 */
export function e2eNow() {
  if (!process.env.CLANTRADER_NOW) {
    const now = new Date();
    now.setUTCDate(15);
    process.env.CLANTRADER_NOW = now.toISOString();
  }
  return process.env.CLANTRADER_NOW;
}

/**
 * Runs `node <bundle>/server.js` with a fresh database and the dev outbox on, waits for
 * /api/v1/health to answer 200, and returns its URL, the time that took, and a stop().
 */
export async function startBundle({
  bundleDir = path.join(root, 'dist/onprem'),
  env = {},
  guardLog,
  quiet = true,
  localAi = true,
} = {}) {
  const server = path.join(bundleDir, 'server.js');
  if (!existsSync(server)) throw new Error(`${server} not found: run pnpm build:onprem first`);
  // The LOCAL AI tier (stands in for Ollama) on loopback; no cloud tier is configured.
  const ai = localAi ? await spawnOpenAiTestServer() : null;
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ct-e2e-'));
  const nodeArgs = guardLog ? ['--import', path.join(root, 'e2e/net-guard.mjs'), server] : [server];
  const started = performance.now();
  const child = spawn(process.execPath, nodeArgs, {
    cwd: bundleDir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123',
      DATABASE_URL: `pglite:${path.join(dataDir, 'db')}`,
      DEV_OUTBOX: '1',
      SEED_DEMO: '1',
      PASSWORD_ITERATIONS: '10000',
      // Every browser of the suite signs up from 127.0.0.1: 40-odd sign-ups in a few
      // minutes would meet the default 20 a minute per address, depending on timing.
      AUTH_LIMITS: 'signup=1000,login=1000,verify=1000',
      CLANTRADER_NOW: e2eNow(),
      ...(ai ? { AI_LOCAL_BASE_URL: ai.baseURL, AI_LOCAL_MODEL: 'e2e-local' } : {}),
      ...(guardLog ? { NET_GUARD_LOG: guardLog } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (!quiet) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  let exited = null;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - started;
  return {
    url,
    readyMs,
    output: () => output,
    async stop() {
      await ai?.close();
      if (exited !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => (child.kill('SIGKILL'), r()), 5000);
        child.once('exit', () => (clearTimeout(t), r()));
      });
    },
  };
}

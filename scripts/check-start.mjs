#!/usr/bin/env node
// Proves README command 1 as a user runs it: `npm start` installs, builds, starts on PGlite
// with the demo traders, and prints a URL that serves the landing page; a demo trader can
// sign in. Runs on a free port and a throwaway data directory.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, root } from '../e2e/server-process.mjs';

const port = await freePort();
const data = mkdtempSync(path.join(os.tmpdir(), 'ct-start-'));
const child = spawn('npm', ['start'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `pglite:${path.join(data, 'db')}`,
    BLOB_DIR: path.join(data, 'blobs'),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));

let failure = null;
try {
  const url = await waitForUrl(300_000);
  const landing = await fetch(url);
  const html = await landing.text();
  if (landing.status !== 200 || !html.includes('data-testid="cta-signup"'))
    throw new Error(`landing page: ${landing.status}`);
  const login = await retry(() =>
    fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sara@demo.clantrader.local', password: 'Demo-trader-2026' }),
    }).then((r) => (r.status === 200 ? r : Promise.reject(new Error(`demo login ${r.status}`)))),
  );
  console.log(`npm start: printed ${url}, landing page 200, demo trader signs in (${login.status})`);
} catch (e) {
  failure = e instanceof Error ? e.message : String(e);
} finally {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
if (failure) {
  console.error(`npm start check failed: ${failure}\n${output.slice(-4000)}`);
  process.exit(1);
}

async function waitForUrl(ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = output.match(/ClanTrader is running at (http:\/\/\S+)/);
    if (m) return m[1];
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('no URL printed in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function retry(fn, attempts = 30) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000)); // demo traders are seeded right after start
    }
  }
}

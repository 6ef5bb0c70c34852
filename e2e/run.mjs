#!/usr/bin/env node
// `pnpm test:e2e`: starts the built on-prem bundle and runs the browser suite against it.
// `pnpm test:blackout` (e2e/blackout.mjs) runs this same file inside a network namespace
// that has only loopback. In both, the server runs under the network guard and the run
// fails if the server tried to reach anything but loopback.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startBundle } from './server-process.mjs';

const guardLog = path.join(os.tmpdir(), `ct-net-guard-${process.pid}.log`);
rmSync(guardLog, { force: true });
const label = process.env.CT_BLACKOUT === '1' ? 'blackout e2e' : 'e2e';

const server = await startBundle({ guardLog, quiet: !process.env.E2E_VERBOSE });
console.log(`${label}: on-prem bundle ready at ${server.url} in ${server.readyMs.toFixed(0)} ms`);
let status;
try {
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const r = spawnSync(
    process.execPath,
    [vitest, 'run', '-c', path.join(root, 'e2e/vitest.config.mjs'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: server.url },
    },
  );
  status = r.status ?? 1;
} finally {
  await server.stop();
}
if (status !== 0) {
  console.error(`${label}: server output follows\n${server.output()}`);
}
const attempts = existsSync(guardLog) ? readFileSync(guardLog, 'utf8').trim() : '';
if (attempts) {
  console.error(`${label}: FAILED — the server tried to reach beyond loopback:\n${attempts}`);
  status = status || 3;
} else {
  console.log(`${label}: the server made no non-loopback connection attempt`);
}
process.exit(status);

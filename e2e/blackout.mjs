#!/usr/bin/env node
// `pnpm test:blackout`: the international internet is cut. Re-runs the e2e suite inside a
// fresh network namespace (unshare -n, needs root) whose only interface is loopback, with
// the server, the test runner and Chromium all inside it. Before the suite runs it checks
// the namespace really has no other interface, so the blackout cannot silently be absent.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './server-process.mjs';

if (process.getuid?.() !== 0) {
  console.error('test:blackout needs root (unshare -n creates a network namespace)');
  process.exit(2);
}
const script = [
  'set -e',
  'ip link set lo up',
  'links=$(ip -o link show | awk -F": " \'{print $2}\' | tr "\\n" " ")',
  'if [ "$links" != "lo " ]; then echo "blackout: expected only loopback, found: $links" >&2; exit 4; fi',
  'echo "blackout: network namespace has only loopback"',
  `exec "${process.execPath}" "${path.join(root, 'e2e/run.mjs')}" "$@"`,
].join('\n');
const r = spawnSync('unshare', ['--net', '--', 'bash', '-c', script, 'blackout', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CT_BLACKOUT: '1' },
});
process.exit(r.status ?? 1);

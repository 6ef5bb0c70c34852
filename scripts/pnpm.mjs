// Finds a pnpm to run on a machine that may have only Node 20: the global one when it is
// pnpm 10, else the pinned version through npx (fetched once from the npm registry).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // pnpm@10.x.y

export function pnpmCommand() {
  const global = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (global.status === 0 && global.stdout.trim().startsWith('10.')) return ['pnpm'];
  return ['npx', '--yes', pinned];
}

/** Runs pnpm with inherited output; exits the process on failure. */
export function pnpm(args, opts = {}) {
  const [cmd, ...pre] = pnpmCommand();
  const r = spawnSync(cmd, [...pre, ...args], { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`pnpm ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

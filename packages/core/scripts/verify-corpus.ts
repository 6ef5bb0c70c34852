/**
 * Verifies every report listed in <dir>/expected.json: prints each expected figure next to
 * the value the parser extracted and the value the metrics engine computed from the
 * trades, and exits 1 on any parse failure or mismatch.
 *
 *   pnpm verify:corpus <dir> [--only <format>[,<format>...]] [--quiet]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { metrics } from '../src/index';

const { checkReport, ExpectedCorpusSchema, sameFigure } = metrics;

/** Computed values that legitimately differ from what MetaTrader prints, with the reason. */
export const KNOWN_DIVERGENCES: Record<string, Record<string, string>> = {};

function show(v: unknown): string {
  return v === undefined ? '-' : v === null ? 'null' : String(v);
}

export function runVerifyCorpus(args: string[], print: (line: string) => void = console.log): number {
  const dir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--only');
  if (!dir) {
    print('usage: verify-corpus <dir> [--only <format>[,<format>]] [--quiet]');
    return 2;
  }
  const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  const quiet = args.includes('--quiet');
  const corpus = ExpectedCorpusSchema.parse(JSON.parse(readFileSync(join(resolve(dir), 'expected.json'), 'utf8')));
  let failures = 0;
  let checked = 0;
  for (const [file, expected] of Object.entries(corpus.files)) {
    if (only && !only.has(expected.format)) continue;
    checked++;
    const bytes = new Uint8Array(readFileSync(join(resolve(dir), file)));
    const result = checkReport(file, bytes, expected, KNOWN_DIVERGENCES[file] ?? {});
    if (!result.ok) failures++;
    print(`${result.ok ? 'PASS' : 'FAIL'} ${file} (${result.format ?? 'unparsed'})`);
    if (result.error) print(`  error: ${result.error}`);
    for (const r of result.rows) {
      if (quiet && r.ok) continue;
      // !! = mismatch; ~~ = computed differs for a documented reason (printed, not failing)
      const flag = !r.ok
        ? '!!'
        : r.note && r.computed !== undefined && !sameFigure(r.expected, r.computed)
          ? '~~'
          : '  ';
      print(
        `  ${flag} ${r.figure.padEnd(28)} expected=${show(r.expected).padEnd(20)} parsed=${show(r.parsed).padEnd(20)} computed=${show(r.computed)}${r.note ? `  (${r.note})` : ''}`,
      );
    }
  }
  print(`${checked - failures}/${checked} files pass`);
  return failures === 0 && checked > 0 ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]).endsWith('verify-corpus.ts');
if (invokedDirectly) process.exit(runVerifyCorpus(process.argv.slice(2)));

import { unzipSync, zipSync } from 'fflate';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../src/shared';
import { parseStatement } from '../src/statements/parse-statement';
import { ParsedStatementSchema } from '../src/statements/parsed-statement';
import { checkConsistency } from '../src/verification';
import { CORPUS, listCorpus, readCorpus } from './corpus-files';

/**
 * Mutation fuzzing of every parser: the only acceptable outcomes are a statement that
 * passes the zod schema (and survives checkConsistency) or a DomainError, each within 2 s.
 * Seeded, so a failure names the seed and iteration that reproduce it.
 */
const SEED = 0x5eed_2024;
const PER_INPUT_MS = 2000;
const MAIN_ITERATIONS = 200;
const OTHER_ITERATIONS = 25;

type Rng = { next(): number; int(n: number): number };

/** mulberry32. */
function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

const TOKENS = [
  '<tr>',
  '</tr>',
  '<td colspan=99999>',
  '</table>',
  '<table>',
  '</html>',
  '-',
  '.',
  '9'.repeat(40),
  '<td class="hidden">',
  'Deals',
  'Closed Transactions:',
  '\u0000',
  '&#0;',
  '<!--',
  ']]>',
].map((t) => new TextEncoder().encode(t));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One random structural or byte-level mutation. */
function mutate(bytes: Uint8Array, rng: Rng): Uint8Array {
  const n = bytes.length;
  const at = rng.int(n + 1);
  switch (rng.int(6)) {
    case 0: {
      const out = bytes.slice();
      for (let k = 1 + rng.int(16); k > 0; k--) out[rng.int(n)] = rng.int(256);
      return out;
    }
    case 1:
      return bytes.subarray(0, rng.int(n));
    case 2: {
      const start = rng.int(n);
      const chunk = bytes.subarray(start, start + 1 + rng.int(8192));
      return concat(bytes.subarray(0, at), chunk, chunk, bytes.subarray(at));
    }
    case 3:
      return concat(bytes.subarray(0, at), bytes.subarray(Math.min(n, at + 1 + rng.int(8192))));
    case 4: {
      const junk = new Uint8Array(1 + rng.int(64)).map(() => rng.int(256));
      return concat(bytes.subarray(0, at), junk, bytes.subarray(at));
    }
    default:
      return concat(bytes.subarray(0, at), TOKENS[rng.int(TOKENS.length)] ?? new Uint8Array(), bytes.subarray(at));
  }
}

/** XLSX: half the time mutate the worksheet XML inside a valid zip, so the parser behind the zip layer is reached. */
function mutateReport(file: string, bytes: Uint8Array, rng: Rng): Uint8Array {
  if (!file.endsWith('.xlsx') || rng.int(2) === 0) return mutate(bytes, rng);
  const parts = unzipSync(bytes);
  const name =
    Object.keys(parts).find((p) => /^xl\/(worksheets\/sheet1|sharedStrings)\.xml$/.test(p) && rng.int(2) === 0) ??
    'xl/worksheets/sheet1.xml';
  const part = parts[name];
  if (part) parts[name] = mutate(part, rng);
  return zipSync(parts);
}

function check(file: string, bytes: Uint8Array, label: string): void {
  const start = performance.now();
  try {
    const statement = ParsedStatementSchema.parse(parseStatement(bytes));
    checkConsistency(statement);
  } catch (e) {
    if (!isDomainError(e)) throw new Error(`${label}: ${file} threw ${String(e)}`, { cause: e });
  }
  const ms = performance.now() - start;
  if (ms > PER_INPUT_MS) throw new Error(`${label}: ${file} took ${Math.round(ms)} ms`);
}

const files = listCorpus();
const formats = [...new Set(files.map((f) => f.split('/')[0] ?? ''))];
const size = (f: string) => statSync(join(CORPUS, f)).size;

describe('parseStatement under mutation fuzzing', () => {
  it.each(formats)(
    'never crashes or hangs on mutated %s reports',
    (format) => {
      const group = files.filter((f) => f.startsWith(`${format}/`)).sort((a, b) => size(a) - size(b));
      let iteration = 0;
      for (const [i, file] of group.entries()) {
        const original = readCorpus(file);
        const rng = makeRng(SEED + i * 7919 + format.length * 104729);
        const rounds = i === 0 ? MAIN_ITERATIONS : OTHER_ITERATIONS;
        for (let r = 0; r < rounds; r++, iteration++) {
          let bytes = mutateReport(file, original, rng);
          if (rng.int(4) === 0) bytes = mutate(bytes, rng);
          check(file, bytes, `seed ${SEED} format ${format} iteration ${iteration}`);
        }
      }
      expect(iteration).toBeGreaterThanOrEqual(MAIN_ITERATIONS);
    },
    60_000,
  );
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runVerifyCorpus } from './verify-corpus';

const here = dirname(fileURLToPath(import.meta.url));
/** The shared fixtures folder sits beside the clone: <clone>/../shared/fixtures/statements. */
const corpus = join(here, '../../../../shared/fixtures/statements');

if (!existsSync(corpus))
  throw new Error(`statement corpus not found at ${corpus}: ../shared must sit beside the clone`);

describe('verify-corpus', () => {
  it('matches every expected figure of the shared corpus', () => {
    const lines: string[] = [];
    const code = runVerifyCorpus([corpus], (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith('FAIL') || l.includes(' !! '))).toEqual([]);
    expect(code).toBe(0);
  });

  it('exits 0 as a command restricted to one format', () => {
    const tsx = join(here, '../node_modules/.bin/tsx');
    const out = execFileSync(tsx, [join(here, 'verify-corpus.ts'), corpus, '--only', 'mt4-tester', '--quiet'], {
      encoding: 'utf8',
    });
    expect(out).toContain('4/4 files pass');
  });

  it('returns a usage error without a folder', () => {
    expect(runVerifyCorpus([], () => undefined)).toBe(2);
  });
});

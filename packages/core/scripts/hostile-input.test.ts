import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../src/shared';
import { STATEMENT_LIMITS } from '../src/statements/limits';
import { parseStatement } from '../src/statements/parse-statement';
import { ParsedStatementSchema, type ParsedStatement } from '../src/statements/parsed-statement';
import { buildMt4Statement, MT4_COLUMNS, utf8, type SyntheticTrade } from '../src/statements/synthetic-reports';
import { latin1, fromLatin1, listCorpus, readCorpus } from './corpus-files';

/** Acceptance: every hostile input is rejected or parsed, with a clear result, within 2 s. */
const BUDGET_MS = 2000;

type Outcome = { ok: true; statement: ParsedStatement; ms: number } | { ok: false; code: string; ms: number };

/** Runs the parser, failing the test on anything but a schema-valid statement or a DomainError. */
function attempt(bytes: Uint8Array): Outcome {
  const start = performance.now();
  try {
    const statement = ParsedStatementSchema.parse(parseStatement(bytes));
    return { ok: true, statement, ms: performance.now() - start };
  } catch (e) {
    if (!isDomainError(e)) throw new Error(`not a DomainError: ${String(e)}`, { cause: e });
    return { ok: false, code: e.code, ms: performance.now() - start };
  }
}

function expectRejected(bytes: Uint8Array, code: string): Outcome {
  const out = attempt(bytes);
  expect(out).toMatchObject({ ok: false, code });
  expect(out.ms).toBeLessThan(BUDGET_MS);
  return out;
}

/** Seeded xorshift32: hostile bytes that reproduce. */
function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const trade = (n: number, over: Partial<SyntheticTrade> = {}): SyntheticTrade => ({
  ticket: String(1000 + n),
  open: '2024.01.02 10:00:00',
  type: 'buy',
  size: '0.10',
  item: 'eurusd',
  price: '1.10000',
  close: '2024.01.02 12:00:00',
  closePrice: '1.10100',
  commission: '-0.70',
  swap: '0.00',
  profit: '10.00',
  ...over,
});

/** Patches a 32-bit little-endian field of every central-directory record. */
function patchCentralDirectory(zip: Uint8Array, offset: number, value: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++)
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + offset, value, true);
  return out;
}

describe('parseStatement on truncated and garbage input', () => {
  it.each(listCorpus())('rejects %s cut in half', (file) => {
    const bytes = readCorpus(file);
    const out = attempt(bytes.subarray(0, bytes.length >> 1));
    expect(out.ok).toBe(false);
    expect(out.ms).toBeLessThan(BUDGET_MS);
  });

  it('rejects an empty file', () => {
    expectRejected(new Uint8Array(0), 'statement.malformed');
  });

  it.each([1, 2, 3])('rejects 1 MB of binary garbage (seed %i)', (seed) => {
    expectRejected(randomBytes(1 << 20, seed), 'statement.malformed');
  });

  it('rejects garbage behind a zip signature', () => {
    const bytes = randomBytes(1 << 20, 7);
    bytes.set([0x50, 0x4b, 0x03, 0x04]);
    expectRejected(bytes, 'statement.malformed');
  });
});

describe('parseStatement on zip bombs', () => {
  const sheet = strToU8(
    '<worksheet><sheetData><row><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
  );

  it('refuses a spreadsheet declaring a huge uncompressed part, before inflating it', () => {
    const zip = patchCentralDirectory(zipSync({ 'xl/worksheets/sheet1.xml': sheet }), 24, 0xfffffff0);
    expectRejected(zip, 'statement.too_large');
  });

  it('refuses a spreadsheet with thousands of entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5000; i++) files[`xl/worksheets/sheet${i}.xml`] = sheet;
    expectRejected(zipSync(files), 'statement.too_large');
  });

  it('refuses a part that inflates past the size it declares', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expectRejected(patchCentralDirectory(bomb, 24, 1000), 'statement.malformed');
  });

  it('bounds a part of honest size that is all rows: stops at the row limit', () => {
    const row = '<row><c r="A1" t="inlineStr"><is><t>1</t></is></c></row>';
    const rows = Math.floor((STATEMENT_LIMITS.maxInflatedBytes * 0.9) / row.length);
    const xml = strToU8(`<worksheet><sheetData>${row.repeat(rows)}</sheetData></worksheet>`);
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': xml }, { level: 9 });
    expect(bomb.length).toBeLessThan(STATEMENT_LIMITS.maxInputBytes);
    expectRejected(bomb, 'statement.too_large');
  });
});

describe('parseStatement on hostile HTML', () => {
  it('treats scripts and encoded markup as inert text: nothing runs, no markup comes out', () => {
    const g = globalThis as { __statementPwned?: boolean };
    const html = buildMt4Statement(
      [
        trade(1, { item: 'eurusd<script>globalThis.__statementPwned = true</script>' }),
        trade(2, { item: '&lt;img src=x onerror=alert(1)&gt;gbpusd' }),
      ],
      MT4_COLUMNS,
      '<script>globalThis.__statementPwned = true</script><img src=x onerror="globalThis.__statementPwned = true">',
    );
    const out = attempt(utf8(html));
    if (!out.ok) throw new Error(out.code);
    expect(g.__statementPwned).toBeUndefined();
    expect(JSON.stringify(out.statement)).not.toMatch(/[<>]/);
    expect(out.statement.closedTrades.map((t) => t.symbol)).toEqual(['eurusd', 'img src=x onerror=alert(1)gbpusd']);
  });

  it('finds every column by its header when the columns are shuffled', () => {
    const trades = [trade(1), trade(2, { type: 'sell', profit: '-5.50', swap: '-0.12' })];
    const shuffled = [...MT4_COLUMNS.slice(7), ...MT4_COLUMNS.slice(0, 7)];
    const reordered = attempt(utf8(buildMt4Statement(trades, shuffled)));
    const plain = attempt(utf8(buildMt4Statement(trades)));
    if (!reordered.ok || !plain.ok) throw new Error('expected both to parse');
    expect(reordered.statement.closedTrades).toEqual(plain.statement.closedTrades);
  });

  it('names the missing required column', () => {
    const bytes = utf8(
      buildMt4Statement(
        [trade(1)],
        MT4_COLUMNS.filter((c) => c !== 'Profit'),
      ),
    );
    const start = performance.now();
    expect(() => parseStatement(bytes)).toThrow(
      expect.objectContaining({
        code: 'statement.missing_columns',
        details: { fields: [{ path: 'profit', message: 'Column not found' }] },
      }),
    );
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
  });
});

describe('parseStatement on oversized input', () => {
  const real = latin1(readCorpus('mt4-statement/ronnaru-jpy-detailed.htm'));

  it('refuses a 50 MB statement with statement.too_large before decoding it', () => {
    const row = /<tr[^>]*><td title=[^>]*>\d+<\/td>[\s\S]*?<\/tr>\n?/.exec(real)?.[0] ?? '';
    const padded = real.replace('</table>', `${row.repeat(Math.ceil((50 << 20) / row.length))}</table>`);
    const out = expectRejected(fromLatin1(padded), 'statement.too_large');
    expect(out.ms).toBeLessThan(50);
  });

  it('parses a statement just under the size limit within the budget', () => {
    const junk = `<tr><td>${'x'.repeat(200)}</td></tr>\n`;
    const room = STATEMENT_LIMITS.maxInputBytes - real.length - 1024;
    const padded = real.replace('</body>', `<table>${junk.repeat(Math.floor(room / junk.length) - 1)}</table></body>`);
    const out = attempt(fromLatin1(padded));
    expect(out).toMatchObject({ ok: true });
    expect(out.ms).toBeLessThan(BUDGET_MS);
  });

  it('bounds a document of a million empty rows', () => {
    const html = `<html><body><table>${'<tr><td>'.repeat(1_200_000)}</table></body></html>`;
    expect(html.length).toBeLessThan(STATEMENT_LIMITS.maxInputBytes);
    expectRejected(utf8(html), 'statement.too_large');
  });

  it('refuses thousands of never-closed elements (quadratic in the tokenizer) quickly', () => {
    const html = buildMt4Statement([trade(1)], MT4_COLUMNS, `${'<b>'.repeat(300_000)}${'</i>'.repeat(300_000)}`);
    expectRejected(utf8(html), 'statement.malformed');
  });

  it('bounds one giant cell', () => {
    const html = buildMt4Statement([trade(1, { item: 'y'.repeat(9 << 20) })]);
    const out = attempt(utf8(html));
    expect(out.ms).toBeLessThan(BUDGET_MS);
    if (out.ok)
      expect(out.statement.closedTrades[0]?.symbol.length).toBeLessThanOrEqual(STATEMENT_LIMITS.maxCellChars + 64);
  });
});

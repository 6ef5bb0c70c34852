import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared';
import { parseStatement } from './parse-statement';
import { ParsedStatementSchema } from './parsed-statement';
import { buildMt4Statement, MT4_COLUMNS, utf8, type SyntheticTrade } from './synthetic-reports';

const trade = (over: Partial<SyntheticTrade> = {}): SyntheticTrade => ({
  ticket: '11',
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

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isDomainError(e) ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
}

describe('parseStatement', () => {
  it('reads a synthetic MT4 statement into the normalized model', () => {
    const p = parseStatement(
      utf8(buildMt4Statement([trade(), trade({ ticket: '12', type: 'sell', profit: '-5.50' })])),
    );
    expect(ParsedStatementSchema.parse(p)).toEqual(p);
    expect(p.format).toBe('mt4-statement');
    expect(p.account).toMatchObject({
      login: '1001',
      currency: 'USD',
      leverage: '1:100',
      broker: 'Example Broker Ltd',
    });
    expect(p.closedTrades.map((t) => [t.ticket, t.side, t.profit, t.commission, t.openPrice, t.closePrice])).toEqual([
      ['11', 'buy', 1000, -70, '1.10000', '1.10100'],
      ['12', 'sell', -550, -70, '1.10000', '1.10100'],
    ]);
    expect(p.stated.balance).toBe('1000.00');
  });

  it('finds columns by header text when they are reordered', () => {
    const reordered = [...MT4_COLUMNS].reverse();
    const p = parseStatement(utf8(buildMt4Statement([trade()], reordered)));
    const t = p.closedTrades[0];
    expect(t?.profit).toBe(1000);
    expect(t?.symbol).toBe('eurusd');
    // generic "Price" headers are told apart by order of appearance: open, then close
    expect([t?.openPrice, t?.closePrice]).toEqual(['1.10000', '1.10100']);
  });

  it('refuses a statement whose required column is missing', () => {
    const columns = MT4_COLUMNS.filter((c) => c !== 'Profit');
    expect(errorCode(() => parseStatement(utf8(buildMt4Statement([trade()], columns))))).toBe(
      'statement.missing_columns',
    );
  });

  it('treats script contents as text, never as table rows', () => {
    const script = `<script>document.write("<table><tr><td>Ticket</td><td>Open Time</td><td>Type</td><td>Size</td><td>Item</td><td>Profit</td></tr></table>")</script>`;
    const p = parseStatement(utf8(buildMt4Statement([trade()], MT4_COLUMNS, script)));
    expect(p.closedTrades).toHaveLength(1);
  });

  it('refuses a truncated report', () => {
    const html = buildMt4Statement([trade()]);
    expect(errorCode(() => parseStatement(utf8(html.slice(0, html.length / 2))))).toBe('statement.malformed');
  });

  it('refuses binary garbage and empty input', () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    expect(errorCode(() => parseStatement(garbage))).toBe('statement.malformed');
    expect(errorCode(() => parseStatement(new Uint8Array()))).toBe('statement.malformed');
  });

  it('refuses text that is not a MetaTrader report', () => {
    expect(
      errorCode(() => parseStatement(utf8('<html><body><table><tr><td>hello</td></tr></table></body></html>'))),
    ).toBe('statement.unsupported_format');
  });

  it('refuses a zip bomb before inflating it', () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
    expect(zip.length).toBeLessThan(1024 * 1024);
    expect(errorCode(() => parseStatement(zip))).toBe('statement.too_large');
  });

  it('refuses a zip with too many parts', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 300; i++) files[`part${i}.xml`] = new Uint8Array(1);
    expect(errorCode(() => parseStatement(zipSync(files)))).toBe('statement.too_large');
  });

  it('refuses a truncated spreadsheet', () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': utf8('<worksheet><sheetData/></worksheet>') });
    expect(errorCode(() => parseStatement(zip.subarray(0, zip.length - 30)))).toBe('statement.malformed');
  });

  // Linear-time parsing: 20 000 rows of number-like cells must finish well within the timeout.
  it('stays linear on a pathological document', { timeout: 5000 }, () => {
    const row = '<tr><td>' + '1 '.repeat(50) + '</td><td>' + '('.repeat(200) + '</td></tr>';
    const html = `<html><body><table>${row.repeat(20000)}</table></body></html>`;
    expect(errorCode(() => parseStatement(utf8(html)))).toBe('statement.unsupported_format');
  });
});

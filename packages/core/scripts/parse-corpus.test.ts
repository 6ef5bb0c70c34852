import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/statements/decode-text';
import { parseStatement } from '../src/statements/parse-statement';
import { ParsedStatementSchema } from '../src/statements/parsed-statement';

/** The shared corpus beside the clone (CI has it there); its absence fails the run, never skips it. */
const corpus = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures/statements');
const read = (file: string) => new Uint8Array(readFileSync(join(corpus, file)));
if (!existsSync(corpus))
  throw new Error(`statement corpus not found at ${corpus}: ../shared must sit beside the clone`);
const run = describe;

run('parseStatement on the real corpus', () => {
  it.each([
    ['mt4-statement/fxtrade-ja-sjis-detailed.htm', 'shift_jis'],
    ['mt4-statement/pepperstone-eur-2011-partials.htm', 'windows-1252'],
    ['mt4-tester/ukrgasbank-ru-cp1251.htm', 'windows-1251'],
    ['mt4-tester/klastrading-tr-utf8bom.htm', 'utf-8'],
    ['mt5-history-html/oanda-jp-ja-utf16.html', 'utf-16le'],
  ])('decodes %s as %s', (file, encoding) => {
    expect(decodeText(read(file)).encoding).toBe(encoding);
  });

  it('MT4 statement: attaches magic/comment sub-rows and skips cancelled orders', () => {
    const p = parseStatement(read('mt4-statement/pepperstone-eur-2011-partials.htm'));
    expect(p.closedTrades).toHaveLength(104);
    expect(p.closedTrades[0]?.magic).toMatch(/^\d+$/);
    expect(p.balanceOperations.map((b) => b.kind)).toEqual(['deposit']);
    expect(p.account.leverage).toBeNull();
  });

  it('MT4 statement: balance rows are deposits/withdrawals, never trades', () => {
    const p = parseStatement(read('mt4-statement/fyntura-magic-subrows-detailed.htm'));
    expect(p.balanceOperations.map((b) => [b.kind, b.amount])).toEqual([
      ['deposit', 39700],
      ['withdrawal', -35000],
      ['withdrawal', -45000],
    ]);
    expect(p.closedTrades.every((t) => t.side === 'buy' || t.side === 'sell')).toBe(true);
  });

  it('MT4 tester: replays the order log including swap close/open', () => {
    const p = parseStatement(read('mt4-tester/ukrgasbank-ru-cp1251.htm'));
    expect(p.format).toBe('mt4-tester');
    expect(p.closedTrades).toHaveLength(87);
    expect(p.closedTrades.filter((t) => t.side === 'sell')).toHaveLength(40);
  });

  it('MT5 history HTML (UTF-16, Japanese): hidden cells do not shift columns', () => {
    const p = parseStatement(read('mt5-history-html/oanda-jp-ja-utf16.html'));
    expect(p.format).toBe('mt5-history-html');
    expect(p.account).toMatchObject({ login: '400078005', currency: 'JPY' });
    expect(p.closedTrades).toHaveLength(85);
    expect(p.closedTrades[0]?.openPrice).toMatch(/^1\.\d{5}$/);
    expect(p.stated.totalsRow).toEqual({ commission: '0', fee: '0', swap: '0', profit: '3002745' });
  });

  it('MT5 history XLSX: type comes from content, not the file name', () => {
    const p = parseStatement(read('mt5-history-xlsx/achiever-real-en-named-reporttrade.xlsx'));
    expect(p.format).toBe('mt5-history-xlsx');
    expect(p.closedTrades).toHaveLength(1156);
  });

  it('MT5 trade account report: open positions and placed orders only', () => {
    const p = parseStatement(read('other/mt5-trade-oanda-jp-ja-utf16.html'));
    expect([p.format, p.openPositions.length, p.pendingOrders.length, p.closedTrades.length]).toEqual([
      'mt5-trade-html',
      1,
      9,
      0,
    ]);
  });

  it.each([
    ['mt5-tester-html/metaquotes-demo-goldhedge-utf16.html', 'mt5-tester-html', 145],
    ['mt5-tester-xlsx/vantage-dailybreakout.xlsx', 'mt5-tester-xlsx', 909],
    ['other/mt5-trade-exness-usc.xlsx', 'mt5-trade-xlsx', 0],
  ])('%s is %s with %i closed trades', (file, format, trades) => {
    const p = ParsedStatementSchema.parse(parseStatement(read(file)));
    expect(p.format).toBe(format);
    expect(p.closedTrades).toHaveLength(trades);
  });
});

/**
 * Small, self-consistent MT4 detailed statements for tests in every runtime (Node, workerd,
 * the on-prem seed): no real account data, and the same shape MetaTrader prints (header,
 * Closed Transactions with a deposit row and totals, Summary, Details).
 */
import { MT4_COLUMNS } from '../statements/synthetic-reports';

export type SyntheticStatementOptions = {
  login?: string;
  broker?: string;
  /** Opening deposit in cents. */
  deposit?: number;
  /** Net profit of each closed trade in cents, one trade per day. */
  profits?: number[];
  /** First trade day, YYYY-MM-DD. */
  start?: string;
  /** First ticket number; later trades count up. */
  firstTicket?: number;
  /** Edits one trade's profit without fixing the totals, as a forger in a hurry would. */
  tamper?: boolean;
  /**
   * Trades with their own symbols and times, replacing `profits` and `start` (the deposit
   * is then booked a day before the first open, or on `depositOn`). Printed in the order given.
   */
  trades?: readonly SyntheticClosedTrade[];
  /** The deposit's day (UTC) with `trades`, e.g. before a season whose return should count. */
  depositOn?: Date;
};

/** One closed trade of a synthetic statement; times are broker server time (a UTC+0 server). */
export type SyntheticClosedTrade = {
  /** Net result in cents. */
  profit: number;
  /** Defaults to `eurusd` (MT4 prints lower case; the parser normalizes). */
  symbol?: string;
  openedAt: Date;
  closedAt: Date;
};

/** A trade as printed: MT4 "YYYY.MM.DD HH:MM:SS" times. */
type PrintedTrade = { profit: number; symbol: string; open: string; close: string };

/** The columns MT4 prints under Closed Transactions (shared with the parser's unit tests). */
const HEADER = MT4_COLUMNS;

/** Cents -> "1 234.56" as MT4 prints money. */
function money(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${neg ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY.MM.DD" as MT4 prints a date. */
function mt4Date(t: Date): string {
  return `${t.getUTCFullYear()}.${pad(t.getUTCMonth() + 1)}.${pad(t.getUTCDate())}`;
}

/** "YYYY.MM.DD HH:MM:SS" as MT4 prints a time. */
function mt4Time(t: Date): string {
  return `${mt4Date(t)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

function day(start: string, offset: number): string {
  const [y, m, d] = start.split('-').map(Number);
  return mt4Date(new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1, (d ?? 1) + offset)));
}

/** The trades to print and the deposit's date: from `trades`, else one trade a day from `start`. */
function printedTrades(o: SyntheticStatementOptions): { trades: PrintedTrade[]; depositDay: string } {
  if (o.trades && o.trades.length > 0) {
    const firstOpen = Math.min(...o.trades.map((t) => t.openedAt.getTime()));
    return {
      trades: o.trades.map((t) => ({
        profit: t.profit,
        symbol: t.symbol ?? 'eurusd',
        open: mt4Time(t.openedAt),
        close: mt4Time(t.closedAt),
      })),
      depositDay: mt4Date(o.depositOn ?? new Date(firstOpen - 86_400_000)),
    };
  }
  const start = o.start ?? '2026-01-05';
  const profits = o.profits ?? [2_500, -1_200, 3_100, -400, 1_800];
  return {
    trades: profits.map((profit, i) => ({
      profit,
      symbol: 'eurusd',
      open: `${day(start, i)} 09:00:00`,
      close: `${day(start, i)} 15:00:00`,
    })),
    depositDay: day(start, -1),
  };
}

const cell = (v: string) => `<td>${v}</td>`;
const labelled = (label: string, value: string) =>
  `<td colspan=2><b>${label}</b></td><td colspan=2><b>${value}</b></td>`;

/** The statement as HTML text. */
export function buildSyntheticStatementHtml(o: SyntheticStatementOptions = {}): string {
  const login = o.login ?? '7001';
  const broker = o.broker ?? 'Demo Broker Ltd';
  const deposit = o.deposit ?? 100_000;
  const { trades, depositDay } = printedTrades(o);
  const profits = trades.map((t) => t.profit);
  const first = o.firstTicket ?? 5_000;
  const rows = trades.map((t, i) => {
    const printed = o.tamper && i === 0 ? t.profit + 10_000 : t.profit;
    const side = i % 2 === 0 ? 'buy' : 'sell';
    return `<tr align=right>${[String(first + i), t.open, side, '0.10', t.symbol, '1.10000', '0.00000', '0.00000', t.close, '1.10100', '0.00', '0.00', '0.00', money(printed)].map(cell).join('')}</tr>`;
  });
  const net = profits.reduce((a, b) => a + b, 0);
  const gross = profits.filter((p) => p >= 0).reduce((a, b) => a + b, 0);
  const loss = profits.filter((p) => p < 0).reduce((a, b) => a + b, 0);
  return `<html><head><title>Statement: ${login} - Demo Trader</title></head><body>
<div align=center><div style="font: 20pt Times New Roman"><b>${broker}</b></div><br>
<table cellspacing=1 cellpadding=3 border=0>
<tr align=left><td colspan=2><b>Account: ${login}</b></td><td colspan=5><b>Name: Demo Trader</b></td><td colspan=2><b>Currency: USD</b></td><td colspan=2><b>Leverage: 1:100</b></td><td colspan=3 align=right><b>2026 March 1, 10:00</b></td></tr>
<tr align=left><td colspan=13><b>Closed Transactions:</b></td></tr>
<tr align=center>${HEADER.map(cell).join('')}</tr>
<tr align=right><td title="Deposit">${first - 1}</td><td class=msdate nowrap>${depositDay} 08:00</td><td>balance</td><td colspan=10 align=left>Deposit</td><td class=mspt>${money(deposit)}</td></tr>
${rows.join('\n')}
<tr align=right><td colspan=10>&nbsp;</td><td>0.00</td><td>0.00</td><td>0.00</td><td>${money(net)}</td></tr>
<tr align=right><td colspan=12 align=right><b>Closed P/L:</b></td><td colspan=2 align=right><b>${money(net)}</b></td></tr>
<tr align=left><td colspan=14><b>Summary:</b></td></tr>
<tr align=right>${labelled('Deposit/Withdrawal:', money(deposit))}<td colspan=4><b>Credit Facility:</b></td><td><b>0.00</b></td></tr>
<tr align=right>${labelled('Closed Trade P/L:', money(net))}</tr>
<tr align=right>${labelled('Balance:', money(deposit + net))}</tr>
<tr align=left><td colspan=14><b>Details:</b></td></tr>
<tr align=right>${labelled('Gross Profit:', money(gross))}<td colspan=4><b>Gross Loss:</b></td><td><b>${money(-loss)}</b></td><td colspan=3><b>Total Net Profit:</b></td><td colspan=2><b>${money(net)}</b></td></tr>
<tr align=right>${labelled('Total Trades:', String(profits.length))}</tr>
</table></div></body></html>
`;
}

/** The statement as UTF-8 bytes, ready to upload. */
export function buildSyntheticStatement(o: SyntheticStatementOptions = {}): Uint8Array {
  return utf8(buildSyntheticStatementHtml(o));
}

/** UTF-8 bytes of a string (core has no DOM lib types; TextEncoder exists in every runtime). */
export function utf8(text: string): Uint8Array {
  const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;
  return new Encoder().encode(text);
}

/**
 * Builders for small synthetic MetaTrader reports used by the unit tests (no real
 * account data). Column order and presence are parameters so tests can reorder or drop them.
 */
export type SyntheticTrade = {
  ticket: string;
  open: string;
  type: string;
  size: string;
  item: string;
  price: string;
  close: string;
  closePrice: string;
  commission: string;
  swap: string;
  profit: string;
};

export const MT4_COLUMNS = [
  'Ticket',
  'Open Time',
  'Type',
  'Size',
  'Item',
  'Price',
  'S / L',
  'T / P',
  'Close Time',
  'Price',
  'Commission',
  'Taxes',
  'Swap',
  'Profit',
];

function valueFor(column: string, occurrence: number, t: SyntheticTrade): string {
  const byColumn: Record<string, string> = {
    Ticket: t.ticket,
    'Open Time': t.open,
    Type: t.type,
    Size: t.size,
    Item: t.item,
    'S / L': '0.00000',
    'T / P': '0.00000',
    'Close Time': t.close,
    Commission: t.commission,
    Taxes: '0.00',
    Swap: t.swap,
    Profit: t.profit,
  };
  if (column === 'Price') return occurrence === 0 ? t.price : t.closePrice;
  return byColumn[column] ?? '';
}

function buildRow(columns: string[], t: SyntheticTrade): string {
  const seen = new Map<string, number>();
  const cells = columns.map((c) => {
    const n = seen.get(c) ?? 0;
    seen.set(c, n + 1);
    return `<td>${valueFor(c, n, t)}</td>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}

/** An MT4 detailed statement with the given trades and header columns (default order). */
export function buildMt4Statement(trades: SyntheticTrade[], columns: string[] = MT4_COLUMNS, extra = ''): string {
  const header = columns.map((c) => `<td>${c}</td>`).join('');
  const rows = trades.map((t) => buildRow(columns, t)).join('\n');
  return `<html><head><title>Statement: 1 - Test</title></head><body>
<div><b>Example Broker Ltd</b></div>${extra}
<table>
<tr><td colspan=2><b>Account: 1001</b></td><td colspan=5><b>Name: Test Trader</b></td><td colspan=2><b>Currency: USD</b></td><td colspan=2><b>Leverage: 1:100</b></td><td colspan=3><b>2024 May 1, 10:00</b></td></tr>
<tr><td colspan=13><b>Closed Transactions:</b></td></tr>
<tr>${header}</tr>
${rows}
<tr><td colspan=14><b>Summary:</b></td></tr>
<tr><td colspan=2><b>Deposit/Withdrawal:</b></td><td colspan=2><b>0.00</b></td><td colspan=4><b>Credit Facility:</b></td><td><b>0.00</b></td></tr>
<tr><td colspan=2><b>Balance:</b></td><td colspan=2><b>1 000.00</b></td></tr>
</table></body></html>`;
}

/** UTF-8 bytes of a string (TextEncoder is available in Node and Workers). */
export function utf8(text: string): Uint8Array {
  const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;
  return new Encoder().encode(text);
}

import { filledCells, type Grid, type GridRow } from './grid';
import type { Account } from './model';
import { emptyAccount } from './parsed-statement';
import { normalizeLabel } from './summary-labels';

const LABELS: [string, string[]][] = [
  ['name', ['Name', '名前', 'Имя', 'Nombre', 'İsim']],
  ['account', ['Account', '口座', 'Счет', 'Cuenta', 'Hesap']],
  ['company', ['Company', '会社', 'Компания', 'Compañía', 'Şirket']],
  ['date', ['Date', '日付', 'Дата', 'Fecha', 'Tarih']],
  ['currency', ['Currency', '通貨', 'Валюта', 'Divisa']],
  ['leverage', ['Leverage', 'レバレッジ', 'Плечо', 'Apalancamiento']],
  ['broker', ['Broker', 'ブローカー', 'Брокер']],
];
const BY_LABEL = new Map<string, string>();
for (const [key, labels] of LABELS) for (const l of labels) BY_LABEL.set(normalizeLabel(l), key);

/** Same as /[:：]$/.test(text), without a regex per cell. */
function endsWithColon(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x3a || last === 0xff1a;
}

/** First "Label: | value" pairs of an MT5 report's header and Settings block. */
function readHeaderPairs(grid: Grid): Map<string, string> {
  const pairs = new Map<string, string>();
  const filled: string[] = []; // the row's non-empty texts, reused across rows
  const n = Math.min(grid.rows.length, 400);
  for (let r = 0; r < n; r++) {
    filled.length = 0;
    for (const t of (grid.rows[r] as GridRow).texts) if (t !== '') filled.push(t);
    for (let i = 0; i + 1 < filled.length; i++) {
      const label = filled[i] as string;
      if (!endsWithColon(label)) continue;
      const key = BY_LABEL.get(normalizeLabel(label));
      const value = filled[i + 1] as string;
      if (key && !pairs.has(key) && !endsWithColon(value)) pairs.set(key, value);
    }
  }
  return pairs;
}

/**
 * Reads the MT5 header ("Account: 57174315 (USD, Server, demo, Hedge)", Name, Company,
 * Date) or, for tester reports, the Settings block (Company, Currency, Leverage) and the
 * "Server (Build n)" line under the title.
 */
export function readMt5Account(grid: Grid): Account {
  const pairs = readHeaderPairs(grid);
  const account = emptyAccount();
  account.name = pairs.get('name') || null;
  account.broker = pairs.get('company') || pairs.get('broker') || null;
  account.reportTime = pairs.get('date') || null;
  const acc = /^(\d+)\s*\(([^,()]*),\s*([^,()]*)/.exec(pairs.get('account') ?? '');
  if (acc) {
    account.login = acc[1] ?? null;
    account.currency = (acc[2] ?? '').trim() || null;
    account.server = (acc[3] ?? '').trim() || null;
  }
  const currency = pairs.get('currency');
  if (currency && /^[A-Z]{3,4}$/.test(currency)) account.currency = currency;
  const leverage = pairs.get('leverage');
  if (leverage && /^\d+:\d+$/.test(leverage)) account.leverage = leverage;
  if (!account.server) {
    const build = grid.rows
      .slice(0, 4)
      .map((r) => filledCells(r)[0]?.text ?? '')
      .find((t) => /\(Build \d+\)$/.test(t));
    if (build) account.server = build.replace(/\s*\(Build \d+\)$/, '');
  }
  return account;
}

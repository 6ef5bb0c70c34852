import { filledCells, type Grid } from './grid';
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

/** First "Label: | value" pairs of an MT5 report's header and Settings block. */
function readHeaderPairs(grid: Grid): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const row of grid.rows.slice(0, 400)) {
    const cells = filledCells(row);
    for (let i = 0; i + 1 < cells.length; i++) {
      const label = cells[i]?.text ?? '';
      if (!/[:：]$/.test(label)) continue;
      const key = BY_LABEL.get(normalizeLabel(label));
      const value = cells[i + 1]?.text ?? '';
      if (key && !pairs.has(key) && !/[:：]$/.test(value)) pairs.set(key, value);
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
    const build = grid.rows.slice(0, 4).map((r) => filledCells(r)[0]?.text ?? '').find((t) => /\(Build \d+\)$/.test(t));
    if (build) account.server = build.replace(/\s*\(Build \d+\)$/, '');
  }
  return account;
}

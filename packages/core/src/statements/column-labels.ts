import { normalizeLabel } from './summary-labels';

/** Canonical column ids shared by every trade table. */
export type ColumnId =
  | 'ticket'
  | 'time'
  | 'openTime'
  | 'closeTime'
  | 'type'
  | 'direction'
  | 'volume'
  | 'symbol'
  | 'price'
  | 'openPrice'
  | 'closePrice'
  | 'marketPrice'
  | 'stopLoss'
  | 'takeProfit'
  | 'commission'
  | 'fee'
  | 'swap'
  | 'profit'
  | 'balance'
  | 'comment'
  | 'order'
  | 'deal'
  | 'position'
  | 'state'
  | 'cost';

/**
 * Column header texts per language (English, Spanish, Russian, Turkish, Japanese). Generic
 * "Time"/"Price"/"Commission" that appear twice in one header are told apart by order:
 * open then close, and commission then fee (Japanese MT5 prints 手数料 for both).
 */
const COLUMNS: [ColumnId, string[]][] = [
  ['ticket', ['Ticket', 'チケット番号', '#', '№']],
  ['openTime', ['Open Time', '成立日時', '約定時刻']],
  ['closeTime', ['Close Time', '決済日時']],
  ['time', ['Time', 'Zaman', 'Tiempo', 'Время', '時間']],
  ['type', ['Type', 'Tür', 'Tipo', 'Тип', 'タイプ', '取引種別']],
  ['direction', ['Direction', '新規・決済']],
  ['volume', ['Size', 'Volume', 'Miktar', 'Volumen', 'Объем', '数量', '取引額']],
  ['symbol', ['Item', 'Symbol', '銘柄', '通貨ペア']],
  ['price', ['Price', 'Fiyat', 'Precio', 'Цена', '価格']],
  ['openPrice', ['約定レート']],
  ['closePrice', ['仕切りレート']],
  ['marketPrice', ['Market Price', '市場価格', '現在レート']],
  ['stopLoss', ['S / L', 'S/L', 'S/L:逆指値', '決済逆指値(S/L)']],
  ['takeProfit', ['T / P', 'T/P', 'T/P:指値', '決済指値(T/P)']],
  ['commission', ['Commission', '手数料']],
  ['fee', ['Taxes', 'Fee', '税分']],
  ['swap', ['Swap', 'スワップ']],
  ['profit', ['Profit', 'Kar', 'Beneficios', 'Прибыль', '損益']],
  ['balance', ['Balance', 'Bakiye', 'Баланс', '残高']],
  ['comment', ['Comment', 'コメント']],
  ['order', ['Order', 'Emir', 'Orden', 'Ордер', '注文']],
  ['deal', ['Deal', '約定']],
  ['position', ['Position', 'ポジション情報']],
  ['state', ['State', '状況']],
  ['cost', ['Cost']],
];

const BY_LABEL = new Map<string, ColumnId>();
for (const [id, labels] of COLUMNS) for (const l of labels) BY_LABEL.set(normalizeLabel(l), id);

/** Column id -> starting grid column, resolved from one header row. */
export type ColumnMap = Map<ColumnId, number>;

/**
 * Maps header cells to canonical columns by their text (never by position), resolving the
 * duplicated generic headers by order of appearance.
 */
export function mapColumns(header: { col: number; text: string }[]): ColumnMap {
  const map: ColumnMap = new Map();
  const put = (id: ColumnId, col: number) => {
    if (!map.has(id)) map.set(id, col);
  };
  for (const cell of header) {
    const id = BY_LABEL.get(normalizeLabel(cell.text));
    if (!id) continue;
    if (id === 'time') put(map.has('openTime') || map.has('time') ? 'closeTime' : 'time', cell.col);
    else if (id === 'price') put(map.has('openPrice') || map.has('price') ? 'closePrice' : 'price', cell.col);
    else if (id === 'commission' && map.has('commission')) put('fee', cell.col);
    else put(id, cell.col);
  }
  const time = map.get('time');
  if (time !== undefined && map.has('closeTime') && !map.has('openTime')) map.set('openTime', time);
  const price = map.get('price');
  if (price !== undefined && map.has('closePrice') && !map.has('openPrice')) map.set('openPrice', price);
  return map;
}

/**
 * Whether at least `min` of a row's cell texts name known columns (header rows do). Data rows are rejected without normalizing any
 * label when fewer than `min` of their texts could be labels at all (most data cells are
 * numbers, times or prices).
 */
export function namesKnownColumns(texts: string[], min: number): boolean {
  let candidates = 0;
  for (const t of texts) if (mayBeLabel(t)) candidates++;
  if (candidates < min) return false;
  let n = 0;
  for (const t of texts) if (isColumnLabel(t) && ++n >= min) return true;
  return false;
}

/** False for texts no column label can be: empty, or starting with a digit, a sign or a dot. */
function mayBeLabel(text: string): boolean {
  if (text === '') return false;
  const c = text.charCodeAt(0);
  return !((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e);
}

/**
 * Whether a cell text names a known column. Data cells (numbers, times, prices) are the
 * vast majority and are rejected without normalizing: no column label starts with a digit,
 * a sign or a dot (cell texts are trimmed, so the first character is the label's).
 */
function isColumnLabel(text: string): boolean {
  return mayBeLabel(text) && BY_LABEL.has(normalizeLabel(text));
}

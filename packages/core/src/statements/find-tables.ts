import { mapColumns, namesKnownColumns, type ColumnMap } from './column-labels';
import type { Grid, GridRow } from './grid';
import { normalizeLabel } from './summary-labels';

/** The report sections that hold trade tables or summaries. */
export type SectionId =
  | 'closed'
  | 'open'
  | 'working'
  | 'positions'
  | 'orders'
  | 'deals'
  | 'openPositions'
  | 'workingOrders'
  | 'summary'
  | 'details'
  | 'results'
  | 'settings';

const SECTIONS: [SectionId, string[]][] = [
  ['closed', ['Closed Transactions', '決済情報']],
  ['open', ['Open Trades', 'オープンポジション情報']],
  ['working', ['Working Orders', '注文情報']],
  ['positions', ['Positions', 'ポジション一覧']],
  ['orders', ['Orders', '注文']],
  ['deals', ['Deals', '約定']],
  ['openPositions', ['Open Positions', 'ポジション']],
  ['workingOrders', ['現在のオーダー']],
  ['summary', ['Summary', 'レポート概要']],
  ['details', ['Details', 'レポート詳細']],
  ['results', ['Results', '結果']],
  ['settings', ['Settings', '設定']],
];
const SECTION_BY_LABEL = new Map<string, SectionId>();
for (const [id, labels] of SECTIONS) for (const l of labels) SECTION_BY_LABEL.set(normalizeLabel(l), id);

/** The section a single-cell heading row opens, if it is one. */
export function readHeading(row: GridRow): SectionId | undefined {
  let only: string | undefined;
  for (const text of row.texts) {
    if (text === '') continue;
    if (only !== undefined) return undefined;
    only = text;
  }
  return only !== undefined ? SECTION_BY_LABEL.get(normalizeLabel(only)) : undefined;
}

/** A row with a filled cell ending in a colon ("Label:") is a summary row. */
function hasLabelCell(row: GridRow): boolean {
  for (const text of row.texts) {
    const last = text.charCodeAt(text.length - 1);
    if (last === 0x3a || last === 0xff1a) return true;
  }
  return false;
}

/** A header row with the rows after it, up to the next heading or header. */
export type FoundTable = {
  section: SectionId | undefined;
  columns: ColumnMap;
  headerIndex: number;
  /** Rows between this header and the next heading/header (data, sub-rows, totals). */
  body: GridRow[];
  /** Index just past the body. */
  endIndex: number;
};

const MIN_HEADER_COLUMNS = 5;

/**
 * Finds every trade table: a row naming at least five known columns is a header; the
 * heading above it names the section. The body runs to the next heading, header or
 * summary row (a row with a "Label:" cell).
 * Linear in the number of rows.
 */
export function findTables(grid: Grid): FoundTable[] {
  // Format detection and the format's parser both ask for the tables of the same grid.
  let tables = FOUND.get(grid);
  if (tables) return tables;
  tables = scanTables(grid);
  FOUND.set(grid, tables);
  return tables;
}

/** Tables already found per grid (grids are never modified after they are read). */
const FOUND = new WeakMap<Grid, FoundTable[]>();

function scanTables(grid: Grid): FoundTable[] {
  const tables: FoundTable[] = [];
  let section: SectionId | undefined;
  let current: FoundTable | null = null;
  grid.rows.forEach((row, i) => {
    const heading = readHeading(row);
    const isHeader = !heading && namesKnownColumns(row.texts, MIN_HEADER_COLUMNS);
    const isSummary = !heading && !isHeader && hasLabelCell(row);
    if (heading || isHeader || isSummary) {
      if (current) current.endIndex = i;
      current = null;
    }
    if (heading) section = heading;
    else if (isHeader) {
      current = { section, columns: mapColumns(row.cells), headerIndex: i, body: [], endIndex: grid.rows.length };
      tables.push(current);
    } else if (current) current.body.push(row);
  });
  return tables;
}

/**
 * The rows outside every table of `tables` (header and body rows, which run from
 * headerIndex to endIndex), in document order; `keep` is kept even inside a table.
 */
export function rowsOutside(grid: Grid, tables: FoundTable[], keep: GridRow | null = null): GridRow[] {
  const inside = new Uint8Array(grid.rows.length);
  for (const t of tables) inside.fill(1, t.headerIndex, t.endIndex);
  const out: GridRow[] = [];
  for (let i = 0; i < grid.rows.length; i++) {
    const row = grid.rows[i] as GridRow;
    if (inside[i] === 0 || row === keep) out.push(row);
  }
  return out;
}

/**
 * The shape every report is reduced to before format-specific parsing: rows of cells
 * placed at a column index. HTML tables and XLSX sheets both become a Grid, so the MT5
 * HTML and XLSX parsers share one implementation.
 */
export type GridCell = {
  /** Zero-based column where the cell starts (HTML: sum of earlier visible colspans). */
  col: number;
  /** Columns covered (HTML colspan; 1 for spreadsheet cells). */
  span: number;
  /** Visible text, whitespace collapsed and trimmed. */
  text: string;
  /** `title` attribute (MT4 puts "[sl]", "cancelled", "#magic comment" there). */
  title?: string;
};

export type GridRow = { cells: GridCell[] };

export type Grid = {
  rows: GridRow[];
  /** Document title (HTML `<title>`; empty for spreadsheets). */
  title: string;
  /** Text blocks outside tables, in order (MT4 banner, tester headings). */
  blocks: string[];
  /** `<meta name=... content=...>` pairs. */
  meta: Record<string, string>;
};

/**
 * Collapses whitespace (including NBSP and ideographic space) and trims. Angle brackets
 * are dropped: report text is data, and entity-encoded markup (`&lt;script&gt;`) must not
 * come out of the parser as markup. No MetaTrader label or value uses them.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/[<>]/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** The non-empty cells of a row. */
export function filledCells(row: GridRow): GridCell[] {
  return row.cells.filter((c) => c.text !== '');
}

/** The cell covering column `col`, if any. */
export function cellAt(row: GridRow, col: number): GridCell | undefined {
  return row.cells.find((c) => c.col <= col && col < c.col + c.span);
}

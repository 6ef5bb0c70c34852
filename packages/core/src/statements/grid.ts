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
  return isNormal(text) ? text : text.replace(/[<>]/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * True when normalizeSpace would return `text` unchanged: no angle bracket, no leading or
 * trailing space, and no space character other than a lone ASCII space. Most cells are
 * already normal, so this scan saves the regex replacements and their copies.
 */
function isNormal(text: string): boolean {
  const n = text.length;
  let prevSpace = true; // a leading space is not normal
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      if (c === 0x3c || c === 0x3e) return false;
      prevSpace = false;
    } else if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 0x20 || c === 0x7f || isUnicodeSpace(c)) return false;
    else prevSpace = false;
  }
  return !prevSpace || n === 0;
}

/** Characters other than ASCII that the `\s` class (plus NBSP and U+3000) matches. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The non-empty cells of a row. */
export function filledCells(row: GridRow): GridCell[] {
  return row.cells.filter((c) => c.text !== '');
}

/** The cell covering column `col`, if any. */
export function cellAt(row: GridRow, col: number): GridCell | undefined {
  for (const c of row.cells) if (c.col <= col && col < c.col + c.span) return c;
  return undefined;
}

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

/**
 * One table row, stored column-wise: the readers append cells straight from the tokenizer
 * callbacks as strings and numbers, with no object per cell. Trade-table readers use the
 * arrays; `cells` builds GridCell objects on first use (header, heading and summary rows).
 * Rows are never modified after the grid is read.
 */
export class GridRow {
  /** Cell texts (visible text, whitespace collapsed and trimmed). */
  readonly texts: string[] = [];
  /** Zero-based column where each cell starts. */
  readonly cols: number[] = [];
  /** Columns each cell covers. */
  readonly spans: number[] = [];
  /** `title` attributes per cell; null while no cell of the row has one. */
  titles: (string | undefined)[] | null = null;
  private cellList: GridCell[] | null = null;

  push(col: number, span: number, text: string, title?: string): void {
    if (title) {
      if (!this.titles) this.titles = new Array<string | undefined>(this.texts.length).fill(undefined);
      this.titles.push(title);
    } else if (this.titles) this.titles.push(undefined);
    this.texts.push(text);
    this.cols.push(col);
    this.spans.push(span);
  }

  get length(): number {
    return this.texts.length;
  }

  /** The cells as objects (built once). */
  get cells(): GridCell[] {
    if (this.cellList) return this.cellList;
    const list: GridCell[] = [];
    for (let i = 0; i < this.texts.length; i++) {
      const title = this.titles?.[i];
      const cell: GridCell = {
        col: this.cols[i] as number,
        span: this.spans[i] as number,
        text: this.texts[i] as string,
      };
      if (title) cell.title = title;
      list.push(cell);
    }
    this.cellList = list;
    return list;
  }
}

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
  return isNormal(text)
    ? text
    : text
        .replace(/[<>]/g, '')
        .replace(/[\s\u00a0\u3000]+/g, ' ')
        .trim();
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
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The non-empty cells of a row. */
export function filledCells(row: GridRow): GridCell[] {
  return row.cells.filter((c) => c.text !== '');
}

/**
 * The text of the cell that starts at column `col`; '' when no cell covers it or the cell
 * covering it starts further left (a colspan).
 */
export function textAt(row: GridRow, col: number): string {
  const { cols, spans } = row;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i] as number;
    if (c <= col && col < c + (spans[i] as number)) return c === col ? (row.texts[i] as string) : '';
  }
  return '';
}

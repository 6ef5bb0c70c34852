import { Parser } from 'htmlparser2';
import { DomainError } from '../shared';
import { createDepthGuard } from './depth-guard';
import { GridRow, normalizeSpace, type Grid } from './grid';
import { STATEMENT_LIMITS } from './limits';

/**
 * Tokenises report HTML into a Grid in one linear pass (htmlparser2 is a streaming
 * tokenizer; nothing here backtracks). Cells with `class="hidden"` are dropped without
 * advancing the column, which keeps MT5's hidden comment/cost cells from shifting data
 * against the headers. Script and style contents are ignored as text.
 * @throws DomainError `statement.too_large` past STATEMENT_LIMITS.maxRows.
 */
export function readHtmlGrid(html: string): Grid {
  const rows: GridRow[] = [];
  const blocks: string[] = [];
  const meta: Record<string, string> = {};
  let title = '';
  let row: GridRow | null = null;
  // The open cell as scalars (no object per cell; a closed cell is appended to the row's arrays): `inCell` while a
  // td/th is open; `nextCol` is where the next cell of the row starts.
  let inCell = false;
  let cellCol = 0;
  let cellSpan = 1;
  let cellHidden = false;
  let cellTitle: string | undefined;
  let cellText = '';
  let cellChars = 0;
  let nextCol = 0;
  let skipDepth = 0;
  let inTitle = false;
  let tableDepth = 0;
  let block: string[] = [];
  const depth = createDepthGuard();
  const maxCellChars = STATEMENT_LIMITS.maxCellChars;

  const closeCell = () => {
    if (!inCell) return;
    inCell = false;
    if (!row || cellHidden) return;
    row.push(cellCol, cellSpan, normalizeSpace(cellText), cellTitle);
    nextCol = cellCol + cellSpan;
  };
  const closeRow = () => {
    closeCell();
    if (row) rows.push(row);
    row = null;
    nextCol = 0;
    if (rows.length > STATEMENT_LIMITS.maxRows) {
      throw new DomainError('statement.too_large', 'The report has too many table rows.');
    }
  };
  const flushBlock = () => {
    const text = normalizeSpace(block.join(' '));
    if (text) blocks.push(text);
    block = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth.open();
        if (name === 'td' || name === 'th') {
          closeCell();
          if (!row) {
            row = new GridRow();
            nextCol = 0;
          }
          const colspan = attrs.colspan;
          cellSpan = colspan === undefined ? 1 : Math.min(Math.max(Number.parseInt(colspan, 10) || 1, 1), 1000);
          const cls = attrs.class;
          cellHidden = cls !== undefined && cls.includes('hidden') && /(^|\s)hidden(\s|$)/.test(cls);
          cellCol = nextCol;
          cellText = '';
          cellChars = 0;
          cellTitle = attrs.title ? normalizeSpace(attrs.title) : undefined;
          inCell = true;
        } else if (name === 'tr') {
          closeRow();
          row = new GridRow();
        } else if (name === 'script' || name === 'style') skipDepth++;
        else if (name === 'title') inTitle = true;
        else if (name === 'meta' && attrs.name) meta[attrs.name.toLowerCase()] = attrs.content ?? '';
        else if (name === 'table') {
          if (tableDepth === 0) flushBlock();
          tableDepth++;
        } else if (name === 'br' && inCell) cellText += ' ';
        else if ((name === 'div' || name === 'br') && tableDepth === 0) flushBlock();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inTitle) title += text;
        else if (inCell) {
          if (cellChars < maxCellChars)
            cellText += cellChars + text.length <= maxCellChars ? text : text.slice(0, maxCellChars - cellChars);
          cellChars += text.length;
        } else if (tableDepth === 0) block.push(text);
      },
      onclosetag(name) {
        depth.close();
        if (name === 'td' || name === 'th') closeCell();
        else if (name === 'tr') closeRow();
        else if (name === 'script' || name === 'style') skipDepth = Math.max(0, skipDepth - 1);
        else if (name === 'title') inTitle = false;
        else if (name === 'table') {
          closeRow();
          tableDepth = Math.max(0, tableDepth - 1);
        } else if (name === 'div' && tableDepth === 0) flushBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  closeRow();
  flushBlock();
  return { rows, title: normalizeSpace(title), blocks, meta };
}

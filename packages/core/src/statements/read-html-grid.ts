import { Parser } from 'htmlparser2';
import { DomainError } from '../shared';
import { createDepthGuard } from './depth-guard';
import { normalizeSpace, type Grid, type GridCell, type GridRow } from './grid';
import { STATEMENT_LIMITS } from './limits';

type OpenCell = { col: number; span: number; hidden: boolean; title?: string; text: string; chars: number };

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
  let cell: OpenCell | null = null;
  let skipDepth = 0;
  let inTitle = false;
  let tableDepth = 0;
  let block: string[] = [];
  const depth = createDepthGuard();

  const closeCell = () => {
    if (!cell || !row) return (cell = null);
    if (!cell.hidden) {
      const out: GridCell = { col: cell.col, span: cell.span, text: normalizeSpace(cell.text) };
      if (cell.title) out.title = cell.title;
      row.cells.push(out);
    }
    cell = null;
  };
  const closeRow = () => {
    closeCell();
    if (row) rows.push(row);
    row = null;
    if (rows.length > STATEMENT_LIMITS.maxRows) {
      throw new DomainError('statement.too_large', 'The report has too many table rows.');
    }
  };
  const flushBlock = () => {
    const text = normalizeSpace(block.join(' '));
    if (text) blocks.push(text);
    block = [];
  };
  const nextCol = (): number => {
    const cells = (row as GridRow | null)?.cells ?? [];
    const last = cells[cells.length - 1];
    return last ? last.col + last.span : 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth.open();
        if (name === 'script' || name === 'style') return void skipDepth++;
        if (name === 'title') inTitle = true;
        else if (name === 'meta' && attrs.name) meta[attrs.name.toLowerCase()] = attrs.content ?? '';
        else if (name === 'table') {
          if (tableDepth === 0) flushBlock();
          tableDepth++;
        } else if (name === 'tr') {
          closeRow();
          row = { cells: [] };
        } else if (name === 'td' || name === 'th') {
          closeCell();
          if (!row) row = { cells: [] };
          const colspan = attrs.colspan;
          const span = colspan === undefined ? 1 : Math.min(Math.max(Number.parseInt(colspan, 10) || 1, 1), 1000);
          const cls = attrs.class;
          const hidden = cls !== undefined && cls.includes('hidden') && /(^|\s)hidden(\s|$)/.test(cls);
          cell = { col: nextCol(), span, hidden, text: '', chars: 0 };
          if (attrs.title) cell.title = normalizeSpace(attrs.title);
        } else if (name === 'br' && cell) cell.text += ' ';
        else if ((name === 'div' || name === 'br') && tableDepth === 0) flushBlock();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inTitle) title += text;
        else if (cell) {
          if (cell.chars < STATEMENT_LIMITS.maxCellChars) cell.text += text.slice(0, STATEMENT_LIMITS.maxCellChars - cell.chars);
          cell.chars += text.length;
        } else if (tableDepth === 0) block.push(text);
      },
      onclosetag(name) {
        depth.close();
        if (name === 'script' || name === 'style') skipDepth = Math.max(0, skipDepth - 1);
        else if (name === 'title') inTitle = false;
        else if (name === 'td' || name === 'th') closeCell();
        else if (name === 'tr') closeRow();
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

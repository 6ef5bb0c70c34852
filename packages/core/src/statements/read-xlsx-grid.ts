import { Parser } from 'htmlparser2';
import { DomainError } from '../shared';
import { decodeText } from './decode-text';
import { createDepthGuard } from './depth-guard';
import { normalizeSpace, type Grid, type GridRow } from './grid';
import { STATEMENT_LIMITS } from './limits';
import { inflateZipEntry, readZipDirectory, type ZipEntry } from './read-zip';

function readPart(bytes: Uint8Array, entry: ZipEntry): string {
  return decodeText(inflateZipEntry(bytes, entry)).text;
}

/** Shared strings in order; rich-text runs (`<r><t>`) are concatenated. */
function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  const depth = createDepthGuard();
  const parser = new Parser(
    {
      onopentag(name) {
        depth.open();
        if (name === 'si') current = [];
        else if (name === 't') inText = true;
      },
      ontext(text) {
        if (inText && current) current.push(text);
      },
      onclosetag(name) {
        depth.close();
        if (name === 't') inText = false;
        else if (name === 'si' && current) {
          out.push(normalizeSpace(current.join('')));
          current = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}

/** "AB12" -> 27 (zero-based column). */
function columnOf(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function readSheetRows(xml: string, shared: string[]): GridRow[] {
  const rows: GridRow[] = [];
  let row: GridRow | null = null;
  let cell: { col: number; type: string; parts: string[] } | null = null;
  let capture = false;
  const depth = createDepthGuard();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        depth.open();
        if (name === 'row') row = { cells: [] };
        else if (name === 'c') cell = { col: columnOf(attrs.r ?? ''), type: attrs.t ?? 'n', parts: [] };
        else if (name === 'v' || name === 't') capture = true;
      },
      ontext(text) {
        if (capture && cell && cell.parts.length < 64) cell.parts.push(text.slice(0, STATEMENT_LIMITS.maxCellChars));
      },
      onclosetag(name) {
        depth.close();
        if (name === 'v' || name === 't') capture = false;
        else if (name === 'c' && cell && row) {
          const raw = cell.parts.join('');
          const text = cell.type === 's' ? (shared[Number(raw)] ?? '') : normalizeSpace(raw);
          if (text !== '' && cell.col >= 0) row.cells.push({ col: cell.col, span: 1, text });
          cell = null;
        } else if (name === 'row' && row) {
          rows.push(row);
          row = null;
          if (rows.length > STATEMENT_LIMITS.maxRows) throw new DomainError('statement.too_large', 'The spreadsheet has too many rows.');
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return rows;
}

/**
 * Reads the first worksheet of an XLSX file into a Grid. MT5 writes one sheet with every
 * block stacked vertically; Excel re-saves keep that layout. Only the parts needed are
 * inflated, after the zip directory has been checked against the size limits.
 * @throws DomainError `statement.malformed` | `statement.too_large`
 */
export function readXlsxGrid(bytes: Uint8Array): Grid {
  const entries = readZipDirectory(bytes);
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name));
  const sheet = sheets[0];
  if (!sheet) throw new DomainError('statement.unsupported_format', 'The zip file is not a spreadsheet with a worksheet.');
  const sharedEntry = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const shared = sharedEntry ? readSharedStrings(readPart(bytes, sharedEntry)) : [];
  return { rows: readSheetRows(readPart(bytes, sheet), shared), title: '', blocks: [], meta: {} };
}

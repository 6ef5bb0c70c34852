import { DomainError } from '../shared';
import {
  assertLooksLikeText,
  createStreamDecoder,
  decodeText,
  ENCODING_HEAD_BYTES,
  encodingFromHead,
} from './decode-text';
import { GridRow, normalizeSpace, type Grid } from './grid';
import { STATEMENT_LIMITS } from './limits';
import { inflateZipEntryChunks, readZipDirectory, type ZipEntry } from './read-zip';
import { XmlReader } from './xml-reader';

type TextSink = { write(text: string): void; end(): void };

/** Decoded characters checked by assertLooksLikeText before any text reaches the parser. */
const TEXT_SAMPLE = 4096;

/**
 * Inflates, decodes and hands one XML part to `sink` piece by piece, never holding the whole
 * part or its text (an MT5 sheet is UTF-16 XML ~13x the size of the .xlsx). The result is
 * the same as decodeText(inflateZipEntry(...)) written in one piece:
 * - the encoding comes from the same head bytes decodeText looks at; when only the whole
 *   text can tell (no BOM, NUL pattern or charset), the part is buffered and decodeText used;
 * - text is cut just before a '<', so the tokenizer sees the same text runs as in one write;
 * - errors keep their precedence: an inflate error wins over the binary-text check, which
 *   wins over anything the sink throws; the part is inflated to its end in every case.
 */
function streamPart(bytes: Uint8Array, entry: ZipEntry, sink: TextSink): void {
  const declared = entry.uncompressedSize;
  let head: Uint8Array | null = new Uint8Array(Math.min(declared, ENCODING_HEAD_BYTES));
  let headLength = 0;
  let whole: Uint8Array | null = null;
  let wholeLength = 0;
  let decoder: ReturnType<typeof createStreamDecoder> | null = null;
  let skip = 0; // BOM bytes still to drop
  let limit = declared; // bytes that reach the decoder (UTF-16: an odd last byte is dropped)
  let fed = 0;
  let pending = '';
  let checked = false;
  let failure: unknown = null;
  let textFailure: unknown = null;

  const emit = (text: string, final: boolean) => {
    if (failure !== null || textFailure !== null) return;
    pending += text;
    if (!checked) {
      if (pending.length < TEXT_SAMPLE && !final) return;
      checked = true;
      try {
        assertLooksLikeText(pending);
      } catch (e) {
        textFailure = e;
        return;
      }
    }
    const cut = final ? pending.length : pending.lastIndexOf('<');
    if (cut <= 0) return;
    const piece = cut === pending.length ? pending : pending.slice(0, cut);
    pending = cut === pending.length ? '' : pending.slice(cut);
    try {
      sink.write(piece);
      if (final) sink.end();
    } catch (e) {
      failure = e;
    }
  };
  const feed = (chunk: Uint8Array) => {
    if (!decoder) return;
    let part = chunk;
    if (skip > 0) {
      const n = Math.min(skip, part.length);
      skip -= n;
      fed += n;
      part = part.subarray(n);
    }
    if (fed + part.length > limit) part = part.subarray(0, Math.max(0, limit - fed));
    fed += part.length;
    if (part.length > 0) emit(decoder.decode(part, { stream: true }), false);
  };
  const start = () => {
    const h = head as Uint8Array;
    head = null;
    const found = encodingFromHead(h);
    if (!found) {
      whole = new Uint8Array(declared);
      whole.set(h);
      wholeLength = h.length;
      return;
    }
    decoder = createStreamDecoder(found.encoding);
    skip = found.bomLength;
    if (found.encoding.startsWith('utf-16') && (declared - found.bomLength) % 2 === 1) limit = declared - 1;
    feed(h);
  };

  inflateZipEntryChunks(bytes, entry, (chunk) => {
    if (head) {
      const n = Math.min(head.length - headLength, chunk.length);
      head.set(chunk.subarray(0, n), headLength);
      headLength += n;
      if (headLength < head.length) return;
      start();
      chunk = chunk.subarray(n);
    }
    if (whole) {
      whole.set(chunk, wholeLength);
      wholeLength += chunk.length;
    } else feed(chunk);
  });
  if (head) start(); // a part shorter than the head (declared size 0)
  if (whole) {
    const text = decodeText(whole).text;
    whole = null;
    sink.write(text);
    sink.end();
    return;
  }
  if (decoder) emit((decoder as ReturnType<typeof createStreamDecoder>).decode(), true);
  if (textFailure !== null) throw textFailure;
  if (failure !== null) throw failure;
}

/** Shared strings in order; rich-text runs (`<r><t>`) are concatenated. */
function readSharedStrings(bytes: Uint8Array, entry: ZipEntry): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  const reader = new XmlReader({
    keep: () => null,
    open(name) {
      if (name === 'si') current = [];
      else if (name === 't') inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si' && current) {
        out.push(normalizeSpace(current.join('')));
        current = null;
      }
    },
  });
  streamPart(bytes, entry, reader);
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

function readSheetRows(bytes: Uint8Array, entry: ZipEntry, shared: string[]): GridRow[] {
  const rows: GridRow[] = [];
  let row: GridRow | null = null;
  // The open cell as scalars (no object per cell): its column, type, and the text of at
  // most 64 runs (each cut to maxCellChars).
  let inCell = false;
  let cellCol = 0;
  let cellType = 'n';
  let cellRaw = '';
  let cellParts = 0;
  let capture = false;
  const CELL_ATTRS = ['r', 't'];
  const reader = new XmlReader({
    keep: (name) => (name === 'c' ? CELL_ATTRS : null),
    open(name, attrs) {
      if (name === 'row') row = new GridRow();
      else if (name === 'c') {
        inCell = true;
        cellCol = columnOf(attrs[0] ?? '');
        cellType = attrs[1] ?? 'n';
        cellRaw = '';
        cellParts = 0;
      } else if (name === 'v' || name === 't') capture = true;
    },
    text(text) {
      if (capture && inCell && cellParts < 64) {
        cellParts++;
        cellRaw += text.length <= STATEMENT_LIMITS.maxCellChars ? text : text.slice(0, STATEMENT_LIMITS.maxCellChars);
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && inCell && row) {
        const text = cellType === 's' ? (shared[Number(cellRaw)] ?? '') : normalizeSpace(cellRaw);
        if (text !== '' && cellCol >= 0) row.push(cellCol, 1, text);
        inCell = false;
      } else if (name === 'row' && row) {
        rows.push(row);
        row = null;
        if (rows.length > STATEMENT_LIMITS.maxRows)
          throw new DomainError('statement.too_large', 'The spreadsheet has too many rows.');
      }
    },
  });
  streamPart(bytes, entry, reader);
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
  if (!sheet)
    throw new DomainError('statement.unsupported_format', 'The zip file is not a spreadsheet with a worksheet.');
  const sharedEntry = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  const shared = sharedEntry ? readSharedStrings(bytes, sharedEntry) : [];
  return { rows: readSheetRows(bytes, sheet, shared), title: '', blocks: [], meta: {} };
}

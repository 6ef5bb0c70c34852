import { Inflate, inflateSync } from 'fflate';
import { DomainError } from '../shared';
import { STATEMENT_LIMITS } from './limits';

/** One central-directory record: what the archive claims before anything is inflated. */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function malformed(message: string): DomainError {
  return new DomainError('statement.malformed', `The spreadsheet is damaged: ${message}`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const dv = view(bytes);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  throw malformed('no zip directory (truncated file?)');
}

/**
 * Reads the zip central directory and refuses, before inflating anything, archives with
 * too many entries or whose declared sizes exceed the limits (zip bombs). ZIP64 archives
 * are refused: an MT5 report never needs one.
 * @throws DomainError `statement.malformed` | `statement.too_large`
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const eocd = findEndOfDirectory(bytes);
  const count = dv.getUint16(eocd + 10, true);
  const dirOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw malformed('ZIP64 archives are not supported');
  if (count > STATEMENT_LIMITS.maxZipEntries) {
    throw new DomainError(
      'statement.too_large',
      `The spreadsheet has ${count} parts; at most ${STATEMENT_LIMITS.maxZipEntries} are accepted.`,
    );
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) throw malformed('bad directory record');
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) throw malformed('bad directory record');
    entries.push({
      name: new TextDecoderShim().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > STATEMENT_LIMITS.maxInflatedBytes) {
    throw new DomainError('statement.too_large', 'The spreadsheet expands to more data than is accepted.');
  }
  return entries;
}

/** Zip entry names are ASCII in every XLSX; decode bytes as Latin-1 without a TextDecoder. */
class TextDecoderShim {
  decode(b: Uint8Array): string {
    let s = '';
    for (const c of b) s += String.fromCharCode(c);
    return s;
  }
}

/** The entry's stored bytes, after checking its local header; refuses unknown methods. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIGNATURE)
    throw malformed(`bad local header for ${entry.name}`);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw malformed(`${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method !== 0 && entry.method !== 8) throw malformed(`unsupported compression method ${entry.method}`);
  return data;
}

/** Compressed bytes handed to the inflater at a time (~100-200 KB of XML out per slice). */
const INFLATE_SLICE = 16 * 1024;

/**
 * inflateZipEntry without holding the whole part: `onData` receives the inflated bytes in
 * order, in chunks, cut at the declared size exactly as inflateZipEntry cuts them. The whole
 * stream is still inflated (so a corrupt tail is refused as before), and the same errors are
 * thrown, after the chunks handed out so far. `onData` must not throw.
 * @throws DomainError `statement.malformed` on a corrupt or truncated entry.
 */
export function inflateZipEntryChunks(bytes: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const data = entryData(bytes, entry);
  // Stored and empty entries take the one-shot path (inflateSync returns a zero-filled
  // buffer of the declared size for an empty stream; keep that behaviour exactly).
  if (entry.method === 0 || data.length === 0) {
    onData(inflateZipEntry(bytes, entry));
    return;
  }
  const declared = entry.uncompressedSize;
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    if (produced < declared && chunk.length > 0)
      onData(produced + chunk.length <= declared ? chunk : chunk.subarray(0, declared - produced));
    produced += chunk.length;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_SLICE) {
      inflater.push(data.subarray(i, i + INFLATE_SLICE), i + INFLATE_SLICE >= data.length);
    }
  } catch {
    throw malformed(`${entry.name} cannot be inflated`);
  }
  if (produced < declared) throw malformed(`${entry.name} size mismatch`);
  // A part that inflates past its declared size: the one-shot inflate into a buffer of that
  // size refuses some of these (a stored block overflowing the buffer) and truncates others.
  // Its verdict decides; when it accepts, it yields exactly the chunks already handed out.
  if (produced > declared) inflateZipEntry(bytes, entry);
}

/**
 * Inflates one entry into a buffer of exactly its declared size, so a lying header can
 * never make it allocate more (fflate stops writing at the end of a supplied buffer).
 * @throws DomainError `statement.malformed` on a corrupt or truncated entry.
 */
export function inflateZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = entryData(bytes, entry);
  if (entry.method === 0) return data;
  try {
    const out = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    if (out.length !== entry.uncompressedSize) throw malformed(`${entry.name} size mismatch`);
    return out;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw malformed(`${entry.name} cannot be inflated`);
  }
}

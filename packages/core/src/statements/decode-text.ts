import { DomainError } from '../shared';

type TextDecoderLike = { decode(input: Uint8Array): string };
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;

/** TextDecoder exists in Node and Workers; core's lib setting has no DOM types, so type it here. */
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

/** Encodings MetaTrader reports come in (MT4 writes the Windows ANSI code page of the UI language). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252' | 'shift_jis';

/** Text plus the encoding it was read with, kept for diagnostics. */
export type DecodedText = { text: string; encoding: TextEncodingName };

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array, fatal = false): string {
  return new Decoder(encoding, { fatal }).decode(bytes);
}

function tryDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return decodeWith(encoding, bytes, true);
  } catch {
    return null;
  }
}

/** UTF-16 without BOM still shows itself by NUL bytes in every other position of ASCII markup. */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.6 && evenNul < half * 0.1) return 'utf-16le';
  if (evenNul > half * 0.6 && oddNul < half * 0.1) return 'utf-16be';
  return null;
}

function declaredCharset(bytes: Uint8Array): TextEncodingName | null {
  const head = decodeWith('windows-1252', bytes.subarray(0, 2048)).toLowerCase();
  const m = /charset\s*=\s*["']?([a-z0-9_-]{1,20})/.exec(head);
  const label = m?.[1];
  if (!label) return null;
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  if (label === 'windows-1251' || label === 'cp1251') return 'windows-1251';
  if (label === 'windows-1252' || label === 'iso-8859-1' || label === 'latin1') return 'windows-1252';
  if (label === 'shift_jis' || label === 'sjis' || label === 'cp932' || label === 'windows-31j') return 'shift_jis';
  return null;
}

/**
 * False when the bytes cannot decode to `min` kana as Shift_JIS: every kana (U+3040-U+30FF)
 * Shift_JIS decodes to has a lead byte 0x81-0x83 (checked over all byte pairs), so fewer
 * such bytes mean fewer kana. Saves the strict Shift_JIS decode of Western reports.
 */
function mayHoldKana(bytes: Uint8Array, min: number): boolean {
  let leads = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x81 && b <= 0x83 && ++leads >= min) return true;
  }
  return false;
}

/**
 * Chooses among legacy code pages by byte statistics: Russian words are long runs of
 * bytes >= 0xC0 (windows-1251), Japanese text decodes cleanly as Shift_JIS and contains kana, and anything else is read as windows-1252 (Western European accents).
 */
function guessLegacy(bytes: Uint8Array): { encoding: TextEncodingName; text?: string } {
  const sjis = mayHoldKana(bytes, 5) ? tryDecode('shift_jis', bytes) : null;
  if (sjis !== null) {
    // Kana occur in any Japanese sentence; Western accented bytes never decode to kana.
    let kana = 0;
    for (let i = 0; i < sjis.length; i++) {
      const c = sjis.charCodeAt(i);
      if (c >= 0x3040 && c <= 0x30ff && ++kana >= 5) return { encoding: 'shift_jis', text: sjis };
    }
  }
  let run = 0;
  let longRuns = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0xc0) {
      run++;
      high++;
      if (run === 3) longRuns++;
    } else run = 0;
  }
  return { encoding: high > 0 && longRuns * 6 >= high / 3 ? 'windows-1251' : 'windows-1252' };
}

/** Bytes of the head that encodingFromHead looks at. */
export const ENCODING_HEAD_BYTES = 2048;

/**
 * The encoding shown by the first ENCODING_HEAD_BYTES (or all the bytes, if fewer): a BOM,
 * UTF-16 NUL patterns or a declared charset. Null when only the whole text can tell (strict
 * UTF-8, else a legacy code page guess). decodeText and the streaming XLSX reader share it.
 */
export function encodingFromHead(head: Uint8Array): { encoding: TextEncodingName; bomLength: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sniffed = sniffUtf16(head) ?? declaredCharset(head);
  return sniffed ? { encoding: sniffed, bomLength: 0 } : null;
}

/** A streaming decoder for `encoding` (non-fatal, as decodeText decodes). */
export function createStreamDecoder(encoding: TextEncodingName): {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
} {
  return new (
    Decoder as unknown as new (label: string) => { decode(input?: Uint8Array, options?: { stream?: boolean }): string }
  )(encoding);
}

/**
 * Decodes report bytes to text: BOM first, then UTF-16 by NUL pattern, then a declared
 * charset, then strict UTF-8, then a legacy code page guess. A trailing odd byte in
 * UTF-16 (seen in the wild after an editor appended a newline) is dropped.
 * @throws DomainError `statement.malformed` when the bytes are not text at all.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let encoding: TextEncodingName;
  let body = bytes;
  const marked = encodingFromHead(bytes);
  if (marked) {
    encoding = marked.encoding;
    body = bytes.subarray(marked.bomLength);
  } else {
    // A strict decode that succeeds is the text itself: it is not decoded a second time.
    let decoded: string | null | undefined;
    if ((decoded = tryDecode('utf-8', bytes)) !== null) encoding = 'utf-8';
    else ({ encoding, text: decoded } = guessLegacy(bytes));
    if (decoded != null && !encoding.startsWith('utf-16')) {
      assertLooksLikeText(decoded);
      return { text: decoded, encoding };
    }
  }
  if (encoding.startsWith('utf-16') && body.length % 2 === 1) body = body.subarray(0, body.length - 1);
  const text = decodeWith(encoding, body);
  assertLooksLikeText(text);
  return { text, encoding };
}

/** Binary garbage decodes to many control and replacement characters; markup does not. */
export function assertLooksLikeText(text: string): void {
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  if (sample.length === 0 || bad > sample.length * 0.05) {
    throw new DomainError('statement.malformed', 'The file is not a text report (it looks like binary data).');
  }
}

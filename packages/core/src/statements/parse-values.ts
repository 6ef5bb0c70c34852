import type { Cents } from './model';

const SPACES = /[\s\u00a0\u202f\u2009\u3000']+/g;
const DECIMAL = /^[-+]?\d+(\.\d+)?$/;

/**
 * "1 088.72" -> "1088.72", "-348 604" -> "-348604", "50.940000" -> "50.940000".
 * Thousands separators (spaces, NBSP, apostrophes) are removed; '.' is the decimal point
 * in every MetaTrader export. Returns null for anything that is not a plain number.
 */
export function parseDecimal(text: string): string | null {
  if (isPlainDecimal(text)) return text;
  const compact = text.replace(SPACES, '').replace(/^\+/, '');
  if (compact.length > 40 || !DECIMAL.test(compact)) return null;
  if (/^-0+(\.0+)?$/.test(compact)) return compact.slice(1);
  return compact;
}

/**
 * True when `text` is already parseDecimal's answer: '-'?, digits, optionally '.' and
 * digits, at most 40 characters, and not a negative zero. Most cells are; the scan saves
 * the regex replacements. Anything else takes the regex path, so results are identical.
 */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 40) return false;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const start = i;
  let nonZero = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) break;
    if (c < 0x30 || c > 0x39) return false;
    if (c !== 0x30) nonZero = true;
  }
  if (i === start) return false;
  if (i < n) {
    const fracStart = ++i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return false;
      if (c !== 0x30) nonZero = true;
    }
    if (i === fracStart) return false;
  }
  return start === 0 || nonZero;
}

/** Like parseDecimal but for binary-float artefacts ("69293.399999999994"): rounds to `digits`. */
export function roundDecimal(value: string, digits: number): string {
  const cents = decimalToScaled(value, digits);
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  const frac = digits > 0 ? `.${abs.slice(abs.length - digits)}` : '';
  return `${neg ? '-' : ''}${int}${frac}`;
}

/** Scales a decimal string to an integer with `digits` decimals, rounding half away from zero. */
export function decimalToScaled(value: string, digits: number): bigint {
  const neg = value.startsWith('-');
  const [intPart = '0', fracPart = ''] = value.replace(/^[-+]/, '').split('.');
  const kept = (fracPart + '0'.repeat(digits)).slice(0, digits);
  let scaled = BigInt(intPart + kept);
  if ((fracPart[digits] ?? '0') >= '5') scaled += 1n;
  return neg ? -scaled : scaled;
}

/** Decimal string -> integer hundredths of the account currency. */
export function toCents(value: string): Cents {
  const fast = smallCents(value);
  if (fast !== null) return fast;
  const scaled = decimalToScaled(value, 2);
  const n = Number(scaled);
  if (!Number.isSafeInteger(n)) throw new RangeError('Money value out of range');
  return n;
}

/**
 * toCents for the common case, without BigInt: an optional '-', 1 to 13 integer digits,
 * optionally '.' and fraction digits (exact in a double). Anything else returns null and
 * takes the BigInt path, so the result is always identical.
 */
function smallCents(value: string): Cents | null {
  const n = value.length;
  const neg = value.charCodeAt(0) === 0x2d;
  let i = neg ? 1 : 0;
  let scaled = 0;
  const intStart = i;
  for (; i < n; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d === 0x2e - 0x30) break;
    if (d < 0 || d > 9) return null;
    scaled = scaled * 10 + d;
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 13) return null;
  let frac = 0;
  let fracDigits = 0;
  let roundUp = false;
  for (i++; i < n; i++, fracDigits++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    if (fracDigits < 2) frac = frac * 10 + d;
    else if (fracDigits === 2) roundUp = d >= 5;
  }
  if (fracDigits === 0) frac = 0;
  else if (fracDigits === 1) frac *= 10;
  scaled = scaled * 100 + frac + (roundUp ? 1 : 0);
  return neg && scaled !== 0 ? -scaled : scaled;
}

/** Cell text -> cents; empty or non-numeric cells count as zero (MT prints blanks for 0). */
export function cellCents(text: string | undefined): Cents {
  const d = text === undefined ? null : parseDecimal(text);
  return d === null ? 0 : toCents(d);
}

/** Integer hundredths -> "12.34". */
export function centsToDecimal(cents: Cents): string {
  const neg = cents < 0;
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** "12.07%" -> 12.07; null when not a percentage. */
export function parsePercent(text: string): number | null {
  const m = /^(-?[\d\s.]+)%$/.exec(text.trim());
  const d = m?.[1] ? parseDecimal(m[1]) : null;
  return d === null ? null : Number(d);
}

/** Splits "132.55 (12.07%)" into ["132.55", "12.07%"]; a single value gives [value]. */
export function splitComposite(text: string): [string, string | undefined] {
  const m = /^([^()]*)\(([^()]*)\)\s*$/.exec(text);
  if (!m) return [text.trim(), undefined];
  return [(m[1] ?? '').trim(), (m[2] ?? '').trim()];
}

/** "9.000000" -> 9; null unless the value is a whole number. */
export function parseCount(text: string): number | null {
  const d = parseDecimal(text);
  if (d === null || !/^-?\d+(\.0+)?$/.test(d)) return null;
  return Number(d.split('.')[0]);
}

/**
 * "2018.05.14 20:45:48" or "2011.10.13 12:00" -> "2018-05-14T20:45:48" (server time, as printed).
 * Returns null when the text is not a MetaTrader timestamp.
 */
export function parseServerTime(text: string): string | null {
  const fast = plainServerTime(text);
  if (fast !== null) return fast;
  const m = /^(\d{4})\.(\d{2})\.(\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '00', s = '00'] = m;
  return `${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi}:${s}`;
}

/** Whether text[from, to) are all ASCII digits. */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * parseServerTime for the forms reports print, "yyyy.mm.dd hh:mm:ss" and "yyyy.mm.dd hh:mm",
 * without a regex match per cell; anything else returns null and takes the regex path.
 */
function plainServerTime(text: string): string | null {
  const n = text.length;
  if (n !== 19 && n !== 16) return null;
  if (
    text.charCodeAt(4) !== 0x2e ||
    text.charCodeAt(7) !== 0x2e ||
    text.charCodeAt(10) !== 0x20 ||
    text.charCodeAt(13) !== 0x3a ||
    (n === 19 && text.charCodeAt(16) !== 0x3a)
  )
    return null;
  if (!digitsAt(text, 0, 4) || !digitsAt(text, 5, 7) || !digitsAt(text, 8, 10) || !digitsAt(text, 11, 13)) return null;
  if (!digitsAt(text, 14, 16) || (n === 19 && !digitsAt(text, 17, 19))) return null;
  // One string built from the digits (slices and concatenation would allocate several).
  const s1 = n === 19 ? text.charCodeAt(17) : 0x30;
  const s2 = n === 19 ? text.charCodeAt(18) : 0x30;
  // prettier-ignore
  return String.fromCharCode(text.charCodeAt(0), text.charCodeAt(1), text.charCodeAt(2), text.charCodeAt(3), 0x2d,
    text.charCodeAt(5), text.charCodeAt(6), 0x2d, text.charCodeAt(8), text.charCodeAt(9), 0x54, text.charCodeAt(11),
    text.charCodeAt(12), 0x3a, text.charCodeAt(14), text.charCodeAt(15), 0x3a, s1, s2);
}

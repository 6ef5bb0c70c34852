import type { QueryType } from './model';

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * The form under which equal questions meet in the cache: Unicode-normalised, lower
 * case, Persian/Arabic digits and letters unified, whitespace collapsed, trailing
 * punctuation (including "؟") dropped.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .replace(/[۰-۹]/g, (d) => String(PERSIAN_DIGITS.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/\u200c/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.؟،,;:]+$/u, '');
}

/** Two 32-bit FNV-1a passes over UTF-16 units (different seeds), 16 hex digits: short, stable keys. */
export function fnv1a64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193) >>> 0;
    b = Math.imul(b ^ unit, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * Cache key of an answer. Answers that used the caller's private data are keyed per
 * user (`scope` = user id) so they never reach anyone else; all others are `public`.
 */
export function answerCacheKey(args: {
  question: string;
  queryType: QueryType;
  contextVersion: string;
  scope: string;
}): string {
  const q = fnv1a64(normalizeQuestion(args.question));
  return `ai:v1:${args.contextVersion}:${args.queryType}:${args.scope}:${q}`;
}

import type { Locale } from '@clantrader/core';

const NUMBER_LOCALE: Record<Locale, string> = { en: 'en-US', fa: 'fa-IR' };
/** Persian users read the Solar Hijri (Jalali) calendar. */
const DATE_LOCALE: Record<Locale, string> = { en: 'en-GB', fa: 'fa-IR-u-ca-persian' };

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], options).format(value);
}

/** A calendar date (no time); `timeZone` defaults to UTC so server and browser agree. */
export function formatDate(locale: Locale, value: Date | string, timeZone = 'UTC'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(locale: Locale, value: Date | string, timeZone = 'UTC'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** Integer cents as an exact decimal string ("-1234" → "-12.34"); no float rounding. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Money from integer cents of the account currency. Intl formats the decimal string
 * exactly; a currency Intl does not know (or none) falls back to a plain amount + code.
 */
export function formatMoney(locale: Locale, cents: number, currency: string | null): string {
  const amount = centsToDecimal(cents) as Intl.StringNumericLiteral;
  const code = currency?.trim().toUpperCase() ?? '';
  if (/^[A-Z]{3}$/.test(code)) {
    try {
      return new Intl.NumberFormat(NUMBER_LOCALE[locale], { style: 'currency', currency: code }).format(amount);
    } catch {
      // not an ISO 4217 code Intl accepts: fall through
    }
  }
  const plain = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
  return code ? `${plain} ${code}` : plain;
}

/** A value already in percent (55.5 → "55.5%"), at most two decimals. */
export function formatPercent(locale: Locale, pct: number): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[locale], { style: 'percent', maximumFractionDigits: 2 }).format(pct / 100);
}

/**
 * A statement month ("2024-03"). Statement months are Gregorian buckets of broker time,
 * so Persian keeps the Gregorian month (a Jalali name would cover different days).
 */
export function formatMonth(locale: Locale, month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  const tag = locale === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 15),
  );
}

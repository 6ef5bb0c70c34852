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

import type { Locale } from '@clantrader/core';

const TIME_LOCALE: Record<Locale, string> = { en: 'en-GB', fa: 'fa-IR' };

/** A message's time of day in the reader's own time zone ("14:05", "۱۴:۰۵"). Browser only. */
export function formatChatTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(TIME_LOCALE[locale], { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The full date and time, for the tooltip. */
export function formatChatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

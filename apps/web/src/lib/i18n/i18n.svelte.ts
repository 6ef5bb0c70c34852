import type { Locale } from '@clantrader/core';
import { page } from '$app/state';
import { formatDate, formatDateTime, formatMoney, formatMonth, formatNumber, formatPercent } from './format';
import { isMessageKey, textDirection, translate, type MessageKey, type Vars } from './index';

/**
 * The current language for components. It reads `page.data.locale` on every access,
 * so anything rendered through it follows a language switch without a reload.
 */
class I18n {
  get locale(): Locale {
    return page.data.locale ?? 'en';
  }
  get dir(): 'rtl' | 'ltr' {
    return textDirection(this.locale);
  }
  t = (key: MessageKey, vars?: Vars): string => translate(this.locale, key, vars);
  /** For keys built from API codes: unknown codes show `fallback` instead of failing. */
  tOr = (key: string, fallback: string): string => (isMessageKey(key) ? translate(this.locale, key) : fallback);
  number = (value: number, options?: Intl.NumberFormatOptions): string => formatNumber(this.locale, value, options);
  money = (cents: number, currency: string | null): string => formatMoney(this.locale, cents, currency);
  percent = (pct: number): string => formatPercent(this.locale, pct);
  month = (month: string): string => formatMonth(this.locale, month);
  date = (value: Date | string, timeZone?: string): string => formatDate(this.locale, value, timeZone);
  dateTime = (value: Date | string, timeZone?: string): string => formatDateTime(this.locale, value, timeZone);
}

export const i18n = new I18n();

import type { Locale } from '@clantrader/core';
import { page } from '$app/state';
import { formatDate, formatDateTime, formatNumber } from './format';
import { textDirection, translate, type MessageKey, type Vars } from './index';

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
  number = (value: number): string => formatNumber(this.locale, value);
  date = (value: Date | string, timeZone?: string): string => formatDate(this.locale, value, timeZone);
  dateTime = (value: Date | string, timeZone?: string): string => formatDateTime(this.locale, value, timeZone);
}

export const i18n = new I18n();

import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fa } from './fa';
import { centsToDecimal, formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from './format';
import { localeFromAcceptLanguage, resolveLocale, translate } from './index';

describe('dictionaries', () => {
  it('have exactly the same keys in English and Persian', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it('keep the same placeholders in every translation', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fa[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translate('en', 'home.welcome', { name: 'Sara' })).toBe('Welcome, Sara');
  });
});

describe('format helpers', () => {
  it('write Persian digits for fa', () => {
    expect(formatNumber('fa', 1234567)).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
  });

  it('write a Jalali date for fa', () => {
    // 21 March 2025 is 1 Farvardin 1404, the Persian new year.
    const text = formatDate('fa', new Date('2025-03-21T12:00:00Z'));
    expect(text).toContain('۱۴۰۴');
    expect(text).toContain('فروردین');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('write a Gregorian date for en', () => {
    expect(formatDate('en', '2025-03-21T12:00:00Z')).toBe('21 March 2025');
  });
});

describe('money and percent', () => {
  it('turns integer cents into an exact decimal', () => {
    expect(centsToDecimal(123456)).toBe('1234.56');
    expect(centsToDecimal(-5)).toBe('-0.05');
    expect(centsToDecimal(0)).toBe('0.00');
  });

  it('formats cents in the account currency, with Persian digits for fa', () => {
    expect(formatMoney('en', 123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney('en', -5, 'EUR')).toBe('-€0.05');
    expect(formatMoney('fa', 123456, 'USD')).toContain('۱٬۲۳۴٫۵۶');
    expect(formatMoney('fa', 123456, 'USD')).not.toMatch(/[0-9]/);
  });

  it('keeps the code when Intl does not know the currency or there is none', () => {
    expect(formatMoney('en', 100, null)).toBe('1.00');
    expect(formatMoney('en', 100, 'cent')).toBe('1.00 CENT');
  });

  it('formats percentages and statement months', () => {
    expect(formatPercent('en', 55.5)).toBe('55.5%');
    expect(formatPercent('fa', 12)).toBe('۱۲٪');
    expect(formatMonth('en', '2024-03')).toBe('Mar 2024');
    expect(formatMonth('fa', '2024-03')).toContain('۲۰۲۴');
  });
});

describe('locale resolution', () => {
  it('prefers profile, then cookie, then Accept-Language', () => {
    expect(resolveLocale({ profile: 'fa', cookie: 'en' })).toBe('fa');
    expect(resolveLocale({ cookie: 'fa', acceptLanguage: 'en' })).toBe('fa');
    expect(resolveLocale({ cookie: 'xx', acceptLanguage: 'de, fa;q=0.8, en;q=0.5' })).toBe('fa');
    expect(resolveLocale({})).toBe('en');
  });

  it('ignores languages with q=0', () => {
    expect(localeFromAcceptLanguage('fa;q=0, en;q=0.1')).toBe('en');
  });
});

import { z } from 'zod';

export const THEMES = ['dark', 'light'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

export const LOCALE_COOKIE = 'locale';
export const THEME_COOKIE = 'theme';
/** One year: these are preferences, not credentials. */
export const PREFERENCE_MAX_AGE = 60 * 60 * 24 * 365;

/** Only same-site relative paths, so a crafted link cannot bounce users elsewhere. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback;
  if (value.includes('\\')) return fallback;
  return value;
}

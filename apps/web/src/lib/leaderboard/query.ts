import { TRADING_STYLES, type Locale } from '@clantrader/core';
import { SORTS, type Sort } from './schemas';

export type TradingStyle = (typeof TRADING_STYLES)[number];

/** What the leaderboard URL asks for. Anything malformed is dropped, never sent on. */
export type BoardQuery = {
  sort: Sort;
  instrument: string;
  style: TradingStyle | '';
  cursor: string | null;
  season: string | null;
};

const SEASON_ID = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Uppercase symbol ("eurusd" → "EURUSD"); broker suffixes like ".m" or "#" are kept. */
export function normalizeInstrument(raw: string | null): string {
  const value = (raw ?? '').trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9._#-]{0,23}$/.test(value) ? value : '';
}

export function readBoardQuery(url: URL): BoardQuery {
  const p = url.searchParams;
  const sort = p.get('sort');
  const style = p.get('style');
  const cursor = p.get('cursor');
  const season = p.get('season');
  return {
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'score',
    instrument: normalizeInstrument(p.get('instrument')),
    style: (TRADING_STYLES as readonly string[]).includes(style ?? '') ? (style as TradingStyle) : '',
    cursor: cursor && /^[\w.~=+/-]{1,512}$/.test(cursor) ? cursor : null,
    season: season && SEASON_ID.test(season) ? season : null,
  };
}

export function hasFilters(q: BoardQuery): boolean {
  return q.instrument !== '' || q.style !== '';
}

/** The query string of the API call. */
export function apiQuery(q: BoardQuery, limit: number): string {
  const params = new URLSearchParams({ sort: q.sort, limit: String(limit) });
  if (q.season) params.set('season', q.season);
  if (q.instrument) params.set('instrument', q.instrument);
  if (q.style) params.set('style', q.style);
  if (q.cursor) params.set('cursor', q.cursor);
  return params.toString();
}

/**
 * The query string of a leaderboard link: the current view with `changes` applied.
 * Changing anything but the cursor goes back to the first page. Defaults are left out.
 */
export function boardSearch(q: BoardQuery, changes: Partial<BoardQuery> = {}): string {
  const next: BoardQuery = { ...q, cursor: null, ...changes };
  const params = new URLSearchParams();
  if (next.season) params.set('season', next.season);
  if (next.sort !== 'score') params.set('sort', next.sort);
  if (next.instrument) params.set('instrument', next.instrument);
  if (next.style) params.set('style', next.style);
  if (next.cursor) params.set('cursor', next.cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A season's name: its id ("2026-11") in English; in Persian the Jalali month and year
 * that hold the middle of the season ("آبان ۱۴۰۵"), in Persian digits.
 */
export function formatSeasonName(locale: Locale, id: string): string {
  if (!SEASON_ID.test(id)) return id;
  if (locale !== 'fa') return id;
  const [y, m] = id.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 15),
  );
}

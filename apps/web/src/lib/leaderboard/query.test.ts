import { describe, expect, it } from 'vitest';
import { apiQuery, boardSearch, formatSeasonName, normalizeInstrument, readBoardQuery } from './query';

const url = (search: string) => new URL(`http://x/leaderboard${search}`);

describe('leaderboard query', () => {
  it('reads sort, filters and cursor, dropping anything malformed', () => {
    expect(readBoardQuery(url('?sort=sharpe&instrument=eurusd&style=scalper&cursor=abc'))).toEqual({
      sort: 'sharpe',
      instrument: 'EURUSD',
      style: 'scalper',
      cursor: 'abc',
      season: null,
    });
    expect(readBoardQuery(url('?sort=evil&style=ninja&instrument=%3Cb%3E&season=2026-13'))).toEqual({
      sort: 'score',
      instrument: '',
      style: '',
      cursor: null,
      season: null,
    });
  });

  it('keeps broker suffixes in symbols', () => {
    expect(normalizeInstrument(' xauusd.m ')).toBe('XAUUSD.M');
    expect(normalizeInstrument('')).toBe('');
  });

  it('builds the API query and links that reset the cursor', () => {
    const q = readBoardQuery(url('?instrument=EURUSD&cursor=c1'));
    expect(apiQuery(q, 25)).toBe('sort=score&limit=25&instrument=EURUSD&cursor=c1');
    expect(boardSearch(q, { sort: 'return' })).toBe('?sort=return&instrument=EURUSD');
    expect(boardSearch(q, { cursor: 'c2' })).toBe('?instrument=EURUSD&cursor=c2');
    expect(boardSearch(readBoardQuery(url('')))).toBe('');
  });

  it('names a season by its id in English and by its Jalali month in Persian', () => {
    expect(formatSeasonName('en', '2026-11')).toBe('2026-11');
    const fa = formatSeasonName('fa', '2026-11');
    expect(fa).toContain('آبان');
    expect(fa).toContain('۱۴۰۵');
    expect(fa).not.toMatch(/[0-9]/);
  });
});

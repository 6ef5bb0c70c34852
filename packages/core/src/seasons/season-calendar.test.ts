import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { daysLeft, nextSeason, previousSeason, seasonById, seasonFor, weekEnding } from './season-calendar';

const at = (iso: string) => new Date(iso);

describe('seasonFor', () => {
  it('is the UTC calendar month, start inclusive and end exclusive', () => {
    expect(seasonFor(at('2026-11-30T23:59:59.999Z'))).toEqual({
      id: '2026-11',
      startsAt: at('2026-11-01T00:00:00Z'),
      endsAt: at('2026-12-01T00:00:00Z'),
    });
    expect(seasonFor(at('2026-12-01T00:00:00Z')).id).toBe('2026-12');
  });
});

describe('nextSeason and previousSeason', () => {
  it('roll over the year boundary both ways', () => {
    expect(nextSeason(seasonById('2026-12'))).toEqual(seasonById('2027-01'));
    expect(previousSeason(seasonById('2027-01'))).toEqual(seasonById('2026-12'));
    expect(seasonById('2028-02').endsAt).toEqual(at('2028-03-01T00:00:00Z'));
  });
});

describe('seasonById', () => {
  it('rejects an id that is not YYYY-MM', () => {
    expect(() => seasonById('2026-13')).toThrow(DomainError);
    expect(() => seasonById('2026-1')).toThrow(DomainError);
  });
});

describe('daysLeft', () => {
  it('counts partial days up, shows 1 on the last day and 0 once ended', () => {
    const nov = seasonById('2026-11');
    expect(daysLeft(nov, at('2026-11-01T00:00:00Z'))).toBe(30);
    expect(daysLeft(nov, at('2026-11-29T00:00:01Z'))).toBe(2);
    expect(daysLeft(nov, at('2026-11-30T23:00:00Z'))).toBe(1);
    expect(daysLeft(nov, at('2026-12-01T00:00:00Z'))).toBe(0);
    expect(daysLeft(nov, at('2027-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('weekEnding', () => {
  it('is the seven days before now', () => {
    expect(weekEnding(at('2026-11-16T00:00:00Z'))).toEqual({
      startsAt: at('2026-11-09T00:00:00Z'),
      endsAt: at('2026-11-16T00:00:00Z'),
    });
  });
});

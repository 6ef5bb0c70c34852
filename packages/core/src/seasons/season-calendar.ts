import { DomainError } from '../shared/domain-error';
import { type Season, SeasonIdSchema, type Window } from './model';

const DAY_MS = 86_400_000;

function monthSeason(year: number, monthIndex: number): Season {
  const startsAt = new Date(Date.UTC(year, monthIndex, 1));
  const endsAt = new Date(Date.UTC(year, monthIndex + 1, 1));
  const y = startsAt.getUTCFullYear();
  const m = startsAt.getUTCMonth() + 1;
  return { id: `${y}-${String(m).padStart(2, '0')}`, startsAt, endsAt };
}

/** The season (calendar month in UTC) that contains `date`. */
export function seasonFor(date: Date): Season {
  return monthSeason(date.getUTCFullYear(), date.getUTCMonth());
}

/**
 * The season with this id.
 * @throws DomainError `validation.failed` when the id is not "YYYY-MM".
 */
export function seasonById(id: string): Season {
  const parsed = SeasonIdSchema.safeParse(id);
  if (!parsed.success)
    throw new DomainError('validation.failed', 'Invalid season id', {
      fields: [{ path: 'seasonId', message: 'Season id must look like 2026-11' }],
    });
  const [y, m] = parsed.data.split('-').map(Number) as [number, number];
  return monthSeason(y, m - 1);
}

/** The season right after `season` (December rolls into January). */
export function nextSeason(season: Season): Season {
  return seasonFor(season.endsAt);
}

/** The season right before `season`. */
export function previousSeason(season: Season): Season {
  return seasonFor(new Date(season.startsAt.getTime() - 1));
}

/**
 * Days left to show on a countdown: whole or partial days until the season ends, so the
 * last day shows 1 and a season that has ended shows 0.
 */
export function daysLeft(season: Season, now: Date): number {
  return Math.max(0, Math.ceil((season.endsAt.getTime() - now.getTime()) / DAY_MS));
}

/** The seven days up to `now` (UTC, end exclusive), the window of weekly highlights. */
export function weekEnding(now: Date): Window {
  return { startsAt: new Date(now.getTime() - 7 * DAY_MS), endsAt: new Date(now.getTime()) };
}

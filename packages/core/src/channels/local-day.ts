import type { TimeZoneOffsets } from './ports';

/** A user's calendar day ('YYYY-MM-DD' in their time zone) and the instant it ends. */
export type LocalDay = { day: string; resetsAt: Date };

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The calendar day `at` falls on in `timeZone`, and the next local midnight as a UTC
 * instant. Pure arithmetic over the zone's offset (the port answers it), so it handles
 * half-hour zones and takes the offset at the next midnight itself, which is right across
 * daylight-saving changes.
 */
export function localDayOf(zones: TimeZoneOffsets, timeZone: string, at: Date): LocalDay {
  const offset = zones.offsetMinutes(timeZone, at);
  const local = at.getTime() + offset * MINUTE;
  const startOfLocalDay = Math.floor(local / DAY) * DAY;
  const nextMidnightWall = startOfLocalDay + DAY;
  const guess = nextMidnightWall - offset * MINUTE;
  const offsetThen = zones.offsetMinutes(timeZone, new Date(guess));
  return {
    day: new Date(startOfLocalDay).toISOString().slice(0, 10),
    resetsAt: new Date(nextMidnightWall - offsetThen * MINUTE),
  };
}

import { systemClock } from '@clantrader/adapters';
import type { Clock } from '@clantrader/core';

/**
 * A clock that reads `startsAt` when created and then runs at the real clock's pace (so
 * ids, rate-limit windows and expiries keep moving). For demos and end-to-end tests that
 * must see the same day of the month on any date (`CLANTRADER_NOW`); never in production.
 */
export function createShiftedClock(startsAt: Date, real: Clock = systemClock): Clock {
  const offsetMs = startsAt.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offsetMs) };
}

import type { Clock } from '@clantrader/core';

/** The real wall clock; the only place outside tests where "now" is read. */
export const systemClock: Clock = { now: () => new Date() };

import type { RankedTrader } from './model';

/** A leaderboard frozen at some moment (e.g. every Monday 00:00 UTC): trader -> position. */
export type StandingsSnapshot = readonly Pick<RankedTrader, 'traderId' | 'position'>[];

export type MovementDirection = 'up' | 'down' | 'same' | 'new';

/** One arrow: `delta` > 0 means climbed that many places; 0 for `same` and `new`. */
export type Movement = {
  traderId: string;
  position: number;
  previousPosition: number | null;
  direction: MovementDirection;
  delta: number;
};

/**
 * Movement arrows for the current leaderboard against an earlier snapshot: `new` when the
 * trader was not in it (or there is none), else up / down / same by position. Traders
 * who left the board get no row. Output follows the current order.
 */
export function movement(previous: StandingsSnapshot | null, current: StandingsSnapshot): Movement[] {
  const before = new Map((previous ?? []).map((r) => [r.traderId, r.position]));
  return [...current]
    .sort((a, b) => a.position - b.position)
    .map(({ traderId, position }) => {
      const previousPosition = before.get(traderId) ?? null;
      if (previousPosition === null)
        return { traderId, position, previousPosition, direction: 'new' as const, delta: 0 };
      const delta = previousPosition - position;
      const direction: MovementDirection = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
      return { traderId, position, previousPosition, direction, delta };
    });
}

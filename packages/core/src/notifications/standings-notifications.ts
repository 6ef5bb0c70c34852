import type { Tier } from '../ranking/model';
import type { NotificationDraft } from './model';

/** How far a trader must move in one day for a rank notification, and the bands that always count. */
export const RANK_NOTIFY_RULES = { minPlaces: 5, topBands: [3, 10, 100] } as const;

/** One trader's place on today's board and on the previous daily snapshot. */
export type StandingChange = {
  traderId: string;
  position: number;
  /** Null when the trader was not on the previous snapshot. */
  previousPosition: number | null;
  eligible: boolean;
  tier: Tier | null;
  previousTier: Tier | null;
};

/**
 * Rank-change notifications of one day's board: a climb or drop of at least
 * `minPlaces`, or crossing into / out of the top 3, 10 or 100, and a tier change against
 * the previous day's tier (none when either is unranked). Ineligible traders get none
 * (their place is not a ranking). Rank moves: one of each kind per trader per day
 * (`dedupeKey`), however often the board is recomputed that day; tier changes: one per
 * trader per season and new tier.
 */
export function standingsNotifications(
  changes: readonly StandingChange[],
  at: { seasonId: string; day: string },
): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  for (const c of changes) {
    if (!c.eligible) continue;
    const key = (kind: string) => `${kind}:${at.seasonId}:${at.day}`;
    const previous = c.previousPosition;
    if (previous !== null && previous !== c.position) {
      const delta = previous - c.position;
      const crossed = RANK_NOTIFY_RULES.topBands.some((band) => c.position <= band !== previous <= band);
      if (Math.abs(delta) >= RANK_NOTIFY_RULES.minPlaces || crossed) {
        const kind = delta > 0 ? 'rank.climbed' : 'rank.dropped';
        out.push({
          userId: c.traderId,
          kind,
          data: { seasonId: at.seasonId, position: c.position, previous, places: Math.abs(delta) },
          dedupeKey: key(kind),
        });
      }
    }
    if (c.previousTier !== null && c.tier !== null && c.tier !== c.previousTier) {
      out.push({
        userId: c.traderId,
        kind: 'tier.changed',
        data: { seasonId: at.seasonId, tier: c.tier, previous: c.previousTier },
        // Once per (season, tier): a trader who bounces around a boundary hears of each tier once.
        dedupeKey: `tier.changed:${at.seasonId}:${c.tier}`,
      });
    }
  }
  return out;
}

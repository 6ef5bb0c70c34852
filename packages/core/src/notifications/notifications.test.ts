import { describe, expect, it } from 'vitest';
import type { SeasonArchive } from '../seasons/model';
import { ManualClock, SequentialIds } from '../testing/basics';
import { listNotifications, markNotificationsRead } from './inbox';
import { notify } from './notify';
import { seasonEndNotifications } from './season-notifications';
import { standingsNotifications, type StandingChange } from './standings-notifications';
import { MemoryNotificationStore } from './testing/memory-notification-store';

const at = { seasonId: '2026-11', day: '2026-11-21' };
const row = (over: Partial<StandingChange>): StandingChange => ({
  traderId: 't',
  position: 50,
  previousPosition: 50,
  eligible: true,
  tier: 'gold',
  previousTier: 'gold',
  ...over,
});

describe('standingsNotifications', () => {
  it('tells big movers and band crossers, not small moves, newcomers or ineligible traders', () => {
    const drafts = standingsNotifications(
      [
        row({ traderId: 'climber', position: 40, previousPosition: 47 }),
        row({ traderId: 'small', position: 48, previousPosition: 50 }),
        row({ traderId: 'top10', position: 10, previousPosition: 11 }),
        row({ traderId: 'fell', position: 4, previousPosition: 3 }),
        row({ traderId: 'new', position: 1, previousPosition: null }),
        row({ traderId: 'out', position: 2, previousPosition: 90, eligible: false }),
      ],
      at,
    );
    expect(drafts.map((d) => [d.userId, d.kind, d.data.places])).toEqual([
      ['climber', 'rank.climbed', 7],
      ['top10', 'rank.climbed', 1],
      ['fell', 'rank.dropped', 1],
    ]);
    expect(drafts[0]?.dedupeKey).toBe('rank.climbed:2026-11:2026-11-21');
  });

  it('tells a tier change with the old and the new tier, once per season and new tier', () => {
    const [d] = standingsNotifications([row({ tier: 'diamond', previousTier: 'gold' })], at);
    expect(d).toMatchObject({
      kind: 'tier.changed',
      data: { seasonId: '2026-11', tier: 'diamond', previous: 'gold' },
      dedupeKey: 'tier.changed:2026-11:diamond',
    });
    const [later] = standingsNotifications([row({ tier: 'diamond', previousTier: 'silver' })], {
      seasonId: '2026-11',
      day: '2026-11-25',
    });
    expect(later?.dedupeKey).toBe(d?.dedupeKey);
  });

  it('tells no tier change into or out of unranked', () => {
    const drafts = standingsNotifications(
      [row({ tier: 'gold', previousTier: null }), row({ tier: null, previousTier: 'gold', eligible: false })],
      at,
    );
    expect(drafts).toEqual([]);
  });
});

describe('seasonEndNotifications + notify', () => {
  const archive = {
    seasonId: '2026-10',
    standings: [
      { traderId: 'a', position: 1, eligible: true, tier: 'legendary' },
      { traderId: 'b', position: 2, eligible: false, tier: null },
    ],
    clans: [],
    awards: [
      { kind: 'overall_champion', traderId: 'a', value: 90 },
      { kind: 'instrument_specialist', traderId: 'a', value: 12, instrument: 'XAUUSD' },
    ],
  } as unknown as SeasonArchive;

  it('notifies final places, awards and the new season once, however often rollover runs', async () => {
    const deps = { notifications: new MemoryNotificationStore(), clock: new ManualClock(), ids: new SequentialIds() };
    const drafts = seasonEndNotifications(archive, { seasonId: '2026-11' });
    expect(await notify(deps, drafts)).toBe(4);
    expect(await notify(deps, seasonEndNotifications(archive, { seasonId: '2026-11' }))).toBe(0);
    const page = await listNotifications(deps, 'a', { limit: 3 });
    expect(page.unread).toBe(4);
    expect(page.items.map((n) => n.kind)).toEqual(['award.won', 'award.won', 'season.started']);
    expect(page.nextCursor).toBe(page.items[2]?.id);
    const rest = await listNotifications(deps, 'a', { limit: 3, cursor: page.nextCursor ?? '' });
    expect(rest.items.map((n) => n.kind)).toEqual(['season.ended']);
    expect(rest.nextCursor).toBeNull();
    expect(await listNotifications(deps, 'b', { limit: 10 })).toEqual({ items: [], unread: 0, nextCursor: null });

    expect(await markNotificationsRead(deps, 'a', page.items[1]?.id)).toEqual({ marked: 3, unread: 1 });
    expect(await markNotificationsRead(deps, 'a')).toEqual({ marked: 1, unread: 0 });
  });
});

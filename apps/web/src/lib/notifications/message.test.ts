import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Vars } from '$lib/i18n';
import { formatMonth, formatNumber } from '$lib/i18n/format';
import { notificationMessage, type MessageTools } from './message';
import type { NotificationItem } from './schemas';

function tools(locale: 'en' | 'fa'): MessageTools {
  return {
    t: (key: MessageKey, vars?: Vars) => translate(locale, key, vars),
    tOr: (key: string, fallback: string) => {
      try {
        return translate(locale, key as MessageKey);
      } catch {
        return fallback;
      }
    },
    number: (v: number) => formatNumber(locale, v),
    month: (m: string) => formatMonth(locale, m),
  };
}
const item = (kind: string, data: NotificationItem['data']): NotificationItem => ({
  id: '1',
  kind,
  data,
  createdAt: '2026-11-21T00:00:00Z',
  readAt: null,
});

describe('notificationMessage', () => {
  it('says a rank change with places, position and the season as a month', () => {
    expect(
      notificationMessage(
        item('rank.climbed', { seasonId: '2026-11', position: 3, previous: 9, places: 6 }),
        tools('en'),
      ),
    ).toBe('You climbed 6 places to #3 in season Nov 2026.');
  });

  it('names tiers and awards in the reader’s language, with Persian digits', () => {
    expect(
      notificationMessage(
        item('tier.changed', { seasonId: '2026-11', tier: 'diamond', previous: 'gold' }),
        tools('en'),
      ),
    ).toBe('Your tier changed from Gold to Diamond in season Nov 2026.');
    expect(
      notificationMessage(
        item('award.won', { seasonId: '2026-10', award: 'specialist', instrument: 'XAUUSD' }),
        tools('en'),
      ),
    ).toBe('You won the XAUUSD Specialist award in season Oct 2026!');
    const fa = notificationMessage(
      item('season.ended', { seasonId: '2026-10', position: 12, tier: 'gold' }),
      tools('fa'),
    );
    expect(fa).toContain('۱۲');
    expect(fa).not.toMatch(/[0-9]/);
  });

  it('never fails on a kind it does not know', () => {
    expect(notificationMessage(item('clan.exploded', {}), tools('en'))).toBe('Something happened on your account.');
  });
});

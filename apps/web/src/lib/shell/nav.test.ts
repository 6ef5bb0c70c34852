import { describe, expect, it } from 'vitest';
import { conversationItems, matchesQuery, navItems } from './nav';

describe('matchesQuery', () => {
  it('matches case-insensitively and ignores surrounding space', () => {
    expect(matchesQuery('Leaderboard', '  LEAD ')).toBe(true);
    expect(matchesQuery('Clans', 'chan')).toBe(false);
  });

  it('matches Persian labels', () => {
    expect(matchesQuery('کانال‌ها', 'کانال')).toBe(true);
  });

  it('lists the profile of the signed-in user', () => {
    expect(navItems('sara').find((item) => item.id === 'profile')?.href).toBe('/u/sara');
  });

  it('lists statement verification for everyone and the review queue only for admins', () => {
    expect(navItems('sara').map((item) => item.id)).toContain('statements');
    expect(navItems('sara').map((item) => item.id)).not.toContain('admin-review');
    expect(navItems('root', 'admin').find((item) => item.id === 'admin-review')?.href).toBe('/admin/review');
  });

  it('badges clans with clan chat unread and channels with channel and subscriber chat unread', () => {
    const rooms = [
      { kind: 'clan' as const, id: 'c1', title: 'Gold', unread: 3 },
      { kind: 'subs' as const, id: 'c1', title: 'Gold', unread: 2 },
      { kind: 'channel' as const, id: 'c2', title: 'Signals', unread: 5 },
    ];
    const items = navItems('sara', 'user', rooms);
    expect(items.find((item) => item.id === 'clans')?.unread).toBe(3);
    expect(items.find((item) => item.id === 'channels')?.unread).toBe(7);
    expect(conversationItems(rooms).map((item) => [item.href, item.unread])).toEqual([
      ['/clans/c1/chat', 3],
      ['/channels/c1/chat', 2],
      ['/channels/c2', 5],
    ]);
  });
});

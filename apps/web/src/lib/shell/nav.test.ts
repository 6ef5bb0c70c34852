import { describe, expect, it } from 'vitest';
import { matchesQuery, navItems } from './nav';

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
});

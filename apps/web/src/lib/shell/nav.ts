import { resolve } from '$app/paths';
import type { MessageKey } from '$lib/i18n';

export type NavItem = {
  id: string;
  /** Already resolved against the base path. */
  href: string;
  labelKey: MessageKey;
  icon: string;
  /** Unread items; 0 until clan chat and channels report real counts (no badge is shown for 0). */
  unread: number;
};

/** The left-pane list. Clans, channels and AI are placeholders for now. */
export function navItems(handle: string, role: 'user' | 'admin' = 'user'): NavItem[] {
  const items: NavItem[] = [
    {
      id: 'clans',
      href: resolve('/[section=section]', { section: 'clans' }),
      labelKey: 'nav.clans',
      icon: '⚔',
      unread: 0,
    },
    {
      id: 'channels',
      href: resolve('/[section=section]', { section: 'channels' }),
      labelKey: 'nav.channels',
      icon: '☰',
      unread: 0,
    },
    { id: 'leaderboard', href: resolve('/leaderboard'), labelKey: 'nav.leaderboard', icon: '★', unread: 0 },
    { id: 'ai', href: resolve('/[section=section]', { section: 'ai' }), labelKey: 'nav.ai', icon: '✦', unread: 0 },
    { id: 'statements', href: resolve('/statements'), labelKey: 'nav.statements', icon: '✔', unread: 0 },
    { id: 'profile', href: resolve('/u/[handle]', { handle }), labelKey: 'nav.profile', icon: '☺', unread: 0 },
    { id: 'settings', href: resolve('/settings/profile'), labelKey: 'nav.settings', icon: '✎', unread: 0 },
  ];
  if (role === 'admin') {
    items.push({
      id: 'admin-review',
      href: resolve('/admin/review'),
      labelKey: 'nav.adminReview',
      icon: '⚖',
      unread: 0,
    });
  }
  return items;
}

/** Case- and accent-insensitive "contains" match, so Persian and Latin both filter. */
export function matchesQuery(label: string, query: string): boolean {
  const normalize = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const q = normalize(query.trim());
  return q === '' || normalize(label).includes(q);
}

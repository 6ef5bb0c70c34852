import { resolve } from '$app/paths';
import type { SidebarRoom } from '$lib/chat/schemas';
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

/** The left-pane list. AI is a placeholder for now. */
export function navItems(
  handle: string,
  role: 'user' | 'admin' = 'user',
  rooms: readonly SidebarRoom[] = [],
): NavItem[] {
  const unreadOf = (kinds: SidebarRoom['kind'][]) =>
    rooms.filter((r) => kinds.includes(r.kind)).reduce((sum, r) => sum + r.unread, 0);
  const items: NavItem[] = [
    {
      id: 'clans',
      href: resolve('/clans'),
      labelKey: 'nav.clans',
      icon: '⚔',
      unread: unreadOf(['clan']),
    },
    {
      id: 'channels',
      href: resolve('/channels'),
      labelKey: 'nav.channels',
      icon: '☰',
      unread: unreadOf(['channel', 'subs']),
    },
    { id: 'feed', href: resolve('/feed'), labelKey: 'feed.title', icon: '⌂', unread: 0 },
    { id: 'leaderboard', href: resolve('/leaderboard'), labelKey: 'nav.leaderboard', icon: '★', unread: 0 },
    { id: 'ai', href: resolve('/ai'), labelKey: 'nav.ai', icon: '✦', unread: 0 },
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

/** One conversation in the sidebar: a clan chat, a subscriber chat or a followed channel. */
export type ConversationItem = {
  id: string;
  kind: SidebarRoom['kind'];
  /** Already resolved against the base path. */
  href: string;
  /** The clan's or channel's own name (not translated). */
  title: string;
  icon: string;
  unread: number;
};

const CONVERSATION_ICONS: Record<SidebarRoom['kind'], string> = { clan: '❖', subs: '✉', channel: '☰' };

/** The sidebar's conversations, in the order the API gave them, each linking to its page. */
export function conversationItems(rooms: readonly SidebarRoom[]): ConversationItem[] {
  return rooms.map((room) => ({
    id: `${room.kind}-${room.id}`,
    kind: room.kind,
    href:
      room.kind === 'clan'
        ? resolve('/clans/[id]/chat', { id: room.id })
        : room.kind === 'subs'
          ? resolve('/channels/[clanId]/chat', { clanId: room.id })
          : resolve('/channels/[id]', { id: room.id }),
    title: room.title,
    icon: CONVERSATION_ICONS[room.kind],
    unread: room.unread,
  }));
}

/** Case- and accent-insensitive "contains" match, so Persian and Latin both filter. */
export function matchesQuery(label: string, query: string): boolean {
  const normalize = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const q = normalize(query.trim());
  return q === '' || normalize(label).includes(q);
}

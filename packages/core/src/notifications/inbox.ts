import type { Notification } from './model';
import type { NotificationDeps } from './notify';

export type NotificationPage = { items: Notification[]; unread: number; nextCursor: string | null };

/** The user's notifications, newest first, with the unread count for the bell. */
export async function listNotifications(
  deps: Pick<NotificationDeps, 'notifications'>,
  userId: string,
  page: { cursor?: string; limit: number },
): Promise<NotificationPage> {
  const [items, unread] = await Promise.all([
    deps.notifications.list(userId, { ...page, limit: page.limit + 1 }),
    deps.notifications.unreadCount(userId),
  ]);
  const more = items.length > page.limit;
  const shown = more ? items.slice(0, page.limit) : items;
  return { items: shown, unread, nextCursor: more ? (shown.at(-1)?.id ?? null) : null };
}

/** Marks notifications read (all, or up to one id); returns the unread count left. */
export async function markNotificationsRead(
  deps: Pick<NotificationDeps, 'notifications' | 'clock'>,
  userId: string,
  upTo?: string,
): Promise<{ marked: number; unread: number }> {
  const marked = await deps.notifications.markRead(userId, deps.clock.now(), upTo);
  return { marked, unread: await deps.notifications.unreadCount(userId) };
}

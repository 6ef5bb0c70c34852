import type { Notification } from '../model';
import type { NotificationStore } from '../ports';

/** Notifications in an array, unique by (user, dedupeKey) like the table. */
export class MemoryNotificationStore implements NotificationStore {
  readonly rows: (Notification & { dedupeKey: string })[] = [];
  async add(drafts: Parameters<NotificationStore['add']>[0]) {
    let added = 0;
    for (const d of drafts) {
      if (this.rows.some((r) => r.userId === d.userId && r.dedupeKey === d.dedupeKey)) continue;
      this.rows.push({ ...d, readAt: null });
      added += 1;
    }
    return added;
  }
  async list(userId: string, page: { cursor?: string; limit: number }) {
    return this.rows
      .filter((r) => r.userId === userId && (!page.cursor || r.id < page.cursor))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, page.limit)
      .map(({ dedupeKey: _, ...n }) => n);
  }
  async unreadCount(userId: string) {
    return this.rows.filter((r) => r.userId === userId && r.readAt === null).length;
  }
  async markRead(userId: string, at: Date, upTo?: string) {
    let n = 0;
    for (const r of this.rows) {
      if (r.userId !== userId || r.readAt !== null || (upTo !== undefined && r.id > upTo)) continue;
      r.readAt = at;
      n += 1;
    }
    return n;
  }
}

import type { notifications as core } from '@clantrader/core';
import { and, count, desc, eq, isNull, lt, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { notifications } from '../schema/index';

const CHUNK = 1_000;

/** The NotificationStore port on PostgreSQL (any driver). */
export function createNotificationStore(db: Database): core.NotificationStore {
  return {
    async add(drafts) {
      let added = 0;
      for (let i = 0; i < drafts.length; i += CHUNK) {
        const rows = await db
          .insert(notifications)
          .values(drafts.slice(i, i + CHUNK).map((d) => ({ ...d, readAt: null })))
          .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
          .returning({ id: notifications.id });
        added += rows.length;
      }
      return added;
    },
    async list(userId, page) {
      const mine = eq(notifications.userId, userId);
      const rows = await db
        .select({
          id: notifications.id,
          userId: notifications.userId,
          kind: notifications.kind,
          data: notifications.data,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .where(page.cursor ? and(mine, lt(notifications.id, page.cursor)) : mine)
        .orderBy(desc(notifications.id))
        .limit(page.limit);
      return rows;
    },
    async unreadCount(userId) {
      const rows = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return rows[0]?.n ?? 0;
    },
    async markRead(userId, at, upTo) {
      const where: SQL[] = [eq(notifications.userId, userId), isNull(notifications.readAt)];
      if (upTo) where.push(lte(notifications.id, upTo));
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(...where))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}

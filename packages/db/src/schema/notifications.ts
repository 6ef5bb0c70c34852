import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { notifications as core } from '@clantrader/core';
import { users } from './accounts';

/**
 * A user's notifications (rank changes, season events). Ids are UUIDv7, so the inbox
 * pages by id; (user, dedupe_key) is unique so jobs that run hourly or on two servers
 * create each one once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['rank.climbed', 'rank.dropped', 'tier.changed', 'season.ended', 'season.started', 'award.won'],
    }).notNull(),
    data: jsonb('data').$type<core.NotificationData>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_unique').on(t.userId, t.dedupeKey),
    index('notifications_user_id_idx').on(t.userId, t.id),
  ],
);

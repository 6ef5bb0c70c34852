import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Fixed-window counters for the RateLimiter port; one row per key, rewritten in place. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  count: integer('count').notNull(),
});

/** Mail "sent" in development, so a local sign-up can be verified without a mail server. */
export const devOutbox = pgTable('dev_outbox', {
  id: uuid('id').primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

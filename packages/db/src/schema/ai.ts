import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Small expiring key/value rows for the AI ports on a database (the edge has no shared
 * memory): answer cache (`cache:`), breaker states (`health:`), the force-local switch and
 * the last probe (`conn:`), and daily question counters (`quota:`, using `count`).
 */
export const aiState = pgTable(
  'ai_state',
  {
    key: text('key').primaryKey(),
    value: jsonb('value'),
    count: integer('count').notNull().default(0),
    /** Null: never expires. Expired rows read as absent and are overwritten in place. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('ai_state_expires_idx').on(t.expiresAt)],
);

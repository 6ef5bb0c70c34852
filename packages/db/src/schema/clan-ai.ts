import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clans } from './clans';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The weekly AI performance summary of a clan (docs/ai.md, "Clan assistant"): one per
 * clan and ISO week (`2026-W47`), written by the scheduled job with the cheapest tier
 * that answered, read by the clan's members. The unique index makes the job idempotent.
 */
export const clanAiSummaries = pgTable(
  'clan_ai_summaries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    weekStart: at('week_start').notNull(),
    weekEnd: at('week_end').notNull(),
    text: text('text').notNull(),
    tier: text('tier', { enum: ['cloud', 'local'] }).notNull(),
    model: text('model').notNull(),
    providerId: text('provider_id').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('clan_ai_summaries_clan_week_unique').on(t.clanId, t.week),
    index('clan_ai_summaries_week_idx').on(t.week),
    check('clan_ai_summaries_tier_known', sql`${t.tier} in ('cloud', 'local')`),
  ],
);

import type { clanAi } from '@clantrader/core';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { clanAiSummaries } from '../schema/index';
import { rowsOf } from './season-sql';

/**
 * Weekly clan summaries (table `clan_ai_summaries`): UNIQUE(clan_id, week) makes a racing
 * second writer insert nothing, so the scheduled job is idempotent.
 */
export function createClanSummaryStore(db: Database): clanAi.ClanSummaryStore {
  return {
    async clansWithoutSummary(week, createdBefore, limit) {
      const rows = rowsOf<{ id: string }>(
        await db.execute(sql`
          select c.id from clans c
          where c.disbanded_at is null and c.created_at < ${createdBefore.toISOString()}
            and not exists (select 1 from clan_ai_summaries s where s.clan_id = c.id and s.week = ${week})
          order by c.id
          limit ${limit}`),
      );
      return rows.map((r) => r.id);
    },
    async save(summary) {
      const rows = await db
        .insert(clanAiSummaries)
        .values(summary)
        .onConflictDoNothing({ target: [clanAiSummaries.clanId, clanAiSummaries.week] })
        .returning({ id: clanAiSummaries.id });
      return rows.length > 0;
    },
    async list(clanId, limit) {
      const rows = await db
        .select()
        .from(clanAiSummaries)
        .where(eq(clanAiSummaries.clanId, clanId))
        .orderBy(desc(clanAiSummaries.week))
        .limit(limit);
      return rows.map(({ id: _id, ...row }) => row);
    },
  };
}

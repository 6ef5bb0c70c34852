import type { clans as c, ranking } from '@clantrader/core';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { rowsOf } from './season-sql';
import { currentBoard } from './current-board';

type AgentRow = {
  user_id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  style: c.FreeAgentRow['tradingStyle'];
  preferred_pairs: string[];
  session_preference: c.FreeAgentRow['sessionPreference'];
  instruments: string[] | null;
  max_dd: number | string;
  tier: ranking.Tier | null;
  broker: boolean;
};

/**
 * Verified traders in no clan. "Verified" and the numbers come from the newest verified
 * statement of each trading account (as on the public profile): risk from the worst max
 * drawdown among them, pairs from the profile's preferred pairs or any traded instrument,
 * style from the profile or else the one the season board derived, tier from the board of
 * `seasonId`. One statement; ordered by handle for keyset paging.
 */
export async function listFreeAgents(db: Database, f: c.FreeAgentFilter): Promise<c.FreeAgentRow[]> {
  const where: SQL[] = [sql`not exists (select 1 from clan_members m where m.user_id = a.user_id)`];
  if (f.style) where.push(sql`coalesce(p.trading_style, le.style) = ${f.style}`);
  if (f.pair) where.push(sql`(${f.pair} = any(p.preferred_pairs) or ${f.pair} = any(a.instruments))`);
  if (f.tier) where.push(sql`le.tier = ${f.tier}`);
  if (f.session) where.push(sql`p.session_preference in (${f.session}, 'any')`);
  if (f.drawdown) {
    where.push(sql`a.max_dd >= ${f.drawdown.minPct}`);
    if (f.drawdown.maxPct !== null) where.push(sql`a.max_dd < ${f.drawdown.maxPct}`);
  }
  if (f.after) where.push(sql`p.handle > ${f.after}`);
  const rows = rowsOf<AgentRow>(
    await db.execute(sql`
      with latest as (
        select distinct on (s.trading_account_id) s.user_id, s.label, s.report
        from statements s
        where s.status = 'verified' and s.trading_account_id is not null and s.report is not null
        order by s.trading_account_id, s.verified_at desc, s.id desc
      ), a as (
        select l.user_id,
          max(coalesce((l.report->'stats'->>'maxDrawdownPct')::float8, 0)) as max_dd,
          bool_or(l.label = 'broker_verified') as broker,
          array(select distinct jsonb_array_elements_text(i.report->'instruments')
                from latest i where i.user_id = l.user_id order by 1) as instruments
        from latest l
        group by l.user_id
      )
      select a.user_id, p.handle, p.display_name, p.avatar_url, coalesce(p.trading_style, le.style) as style,
        p.preferred_pairs, p.session_preference, a.instruments, a.max_dd, le.tier, a.broker
      from a
      join profiles p on p.user_id = a.user_id
      left join leaderboard_entries le on le.user_id = a.user_id and le.board = ${currentBoard(f.seasonId)}
      where ${sql.join(where, sql` and `)}
      order by p.handle
      limit ${f.limit}`),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    handle: r.handle,
    displayName: r.display_name,
    avatarUrl: r.avatar_url,
    tradingStyle: r.style,
    preferredPairs: r.preferred_pairs,
    sessionPreference: r.session_preference,
    instruments: r.instruments ?? [],
    maxDrawdownPct: Number(r.max_dd),
    tier: r.tier,
    label: r.broker ? 'broker_verified' : 'self_reported',
  }));
}

import { seasonFor } from '../seasons/season-calendar';
import type { ClanDeps } from './deps';
import {
  RISK_THRESHOLDS,
  riskLevelOf,
  type FreeAgent,
  type FreeAgentFilter,
  type FreeAgentQuery,
  type Page,
} from './model';

/**
 * The free-agent market: verified traders who are in no clan, filtered by trading style,
 * pair (declared or traded), performance tier (this season's board), risk level (worst
 * verified max drawdown, RISK_THRESHOLDS) and session (a trader who trades "any" session
 * matches every session). Ordered by handle; `nextCursor` is the last handle of the page.
 */
export async function listFreeAgents(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  query: FreeAgentQuery,
): Promise<Page<FreeAgent>> {
  const filter: FreeAgentFilter = {
    seasonId: seasonFor(deps.clock.now()).id,
    limit: query.limit + 1,
    ...(query.style ? { style: query.style } : {}),
    ...(query.pair ? { pair: query.pair } : {}),
    ...(query.tier ? { tier: query.tier } : {}),
    ...(query.risk ? { drawdown: RISK_THRESHOLDS[query.risk] } : {}),
    ...(query.session ? { session: query.session } : {}),
    ...(query.cursor ? { after: query.cursor } : {}),
  };
  const rows = await deps.store.listFreeAgents(filter);
  const items = rows.slice(0, query.limit).map(({ userId: _userId, ...row }) => ({
    ...row,
    riskLevel: riskLevelOf(row.maxDrawdownPct),
  }));
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.handle ?? null) : null };
}

import { z } from 'zod';
import { TRADING_STYLES } from '../../accounts/model';
import type { AiToolName } from '../models';
import { ClanTag, Limit } from './args';
import { compareClans, searchFreeAgents } from './clan-tools';
import { defineTool, type AiTool, type ToolAccess } from './registry';

const Handle = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9_]{3,30}$/, 'a trader handle like @alice')
  .transform((h) => h.replace(/^@/, '').toLowerCase());
const Scope = z.enum(['public', 'private']).default('public');

const PUBLIC: ToolAccess = { ok: true, scope: 'public', subject: null };

const topClans = defineTool({
  name: 'top_clans',
  description: 'Leaderboard of clans for the current season or week.',
  args: z.strictObject({ limit: Limit, period: z.enum(['season', 'week']).default('season') }),
  authorize: async () => PUBLIC,
  run: async ({ data }, args) => data.topClans(args),
});

const trendingInstruments = defineTool({
  name: 'trending_instruments',
  description: 'Instruments traded most by verified traders recently.',
  args: z.strictObject({ limit: Limit, window: z.enum(['24h', '7d']).default('24h') }),
  authorize: async () => PUBLIC,
  run: async ({ data }, args) => data.trendingInstruments(args),
});

const searchTraders = defineTool({
  name: 'search_traders',
  description: 'Find traders by trading style, instrument and maximum drawdown (public data only).',
  args: z.strictObject({
    style: z.enum(TRADING_STYLES).optional(),
    pair: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9.]{3,12}$/, 'an instrument like EURUSD')
      .optional(),
    maxDrawdownPct: z.number().min(0).max(100).optional(),
    limit: Limit,
  }),
  authorize: async () => PUBLIC,
  run: async ({ data }, a) =>
    data.searchTraders({
      style: a.style ?? null,
      pair: a.pair ?? null,
      maxDrawdownPct: a.maxDrawdownPct ?? null,
      limit: a.limit,
    }),
});

const traderStats = defineTool({
  name: 'trader_stats',
  description:
    "Verified statistics of a trader. scope=private (balance, open positions) only for the caller's own account.",
  args: z.strictObject({ handle: Handle, scope: Scope }),
  /** Rule: public stats for anyone; private stats only when the trader IS the caller. */
  authorize: async ({ caller, data }, args): Promise<ToolAccess> => {
    const trader = await data.findTrader(args.handle);
    if (!trader) return { ok: false, error: 'not_found', message: `No trader @${args.handle}.` };
    if (args.scope === 'private' && trader.userId !== caller.userId) {
      return { ok: false, error: 'forbidden', message: 'Private statistics are only shown to the trader themself.' };
    }
    return { ok: true, scope: args.scope, subject: trader.userId };
  },
  run: async ({ data }, _args, access) => {
    const id = access.subject ?? '';
    return (access.scope === 'private' ? await data.traderPrivateStats(id) : await data.traderPublicStats(id)) ?? null;
  },
});

const clanStats = defineTool({
  name: 'clan_stats',
  description: "Verified statistics of a clan. scope=private (member breakdown) only for the clan's own members.",
  args: z.strictObject({ tag: ClanTag, scope: Scope }),
  /** Rule: public stats for anyone; private stats only for members of that clan. */
  authorize: async ({ caller, data }, args): Promise<ToolAccess> => {
    const clan = await data.findClan(args.tag);
    if (!clan) return { ok: false, error: 'not_found', message: `No clan #${args.tag}.` };
    if (args.scope === 'private' && !caller.clanIds.includes(clan.clanId)) {
      return { ok: false, error: 'forbidden', message: "A clan's private statistics are only shown to its members." };
    }
    return { ok: true, scope: args.scope, subject: clan.clanId };
  },
  run: async ({ data }, _args, access) => {
    const id = access.subject ?? '';
    return (access.scope === 'private' ? await data.clanPrivateStats(id) : await data.clanPublicStats(id)) ?? null;
  },
});

/** Every tool the assistant has, by name. A query type is offered a subset (models.ts). */
export const AI_TOOLS: Record<AiToolName, AiTool> = {
  top_clans: topClans as AiTool,
  trending_instruments: trendingInstruments as AiTool,
  search_traders: searchTraders as AiTool,
  trader_stats: traderStats as AiTool,
  clan_stats: clanStats as AiTool,
  search_free_agents: searchFreeAgents as AiTool,
  compare_clans: compareClans as AiTool,
};

/** The tools offered for a list of names (from the query profile). */
export function toolsNamed(names: readonly AiToolName[]): AiTool[] {
  return names.map((n) => AI_TOOLS[n]);
}

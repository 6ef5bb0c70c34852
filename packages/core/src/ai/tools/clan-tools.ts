import { z } from 'zod';
import { PairSchema, TRADING_STYLES } from '../../accounts/model';
import { RISK_LEVELS } from '../../clans/model';
import { TIERS } from '../../ranking/model';
import type { JsonValue } from '../model';
import { ClanTag } from './args';
import type { ClanActivity, ClanActivityPrivate } from './ports';
import { defineTool, type ToolAccess, type ToolContext } from './registry';

const DAY_MS = 86_400_000;

/**
 * Recruiting: the free-agent market (verified traders in no clan). Public data only —
 * the same figures `GET /free-agents` shows anyone — so anyone may call it.
 */
export const searchFreeAgents = defineTool({
  name: 'search_free_agents',
  description:
    'Find free agents (verified traders in no clan) to recruit, by style, instrument, tier, risk level ' +
    '(low: max drawdown < 10 %, medium: < 25 %, high) and session. Lowest drawdown first.',
  args: z.strictObject({
    style: z.enum(TRADING_STYLES).optional(),
    pair: PairSchema.optional(),
    tier: z.enum(TIERS).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    session: z.enum(['asian', 'london', 'new_york']).optional(),
    maxDrawdownPct: z.number().min(0).max(100).optional(),
    limit: z.number().int().min(1).max(10).default(5),
  }),
  authorize: async (): Promise<ToolAccess> => ({ ok: true, scope: 'public', subject: null }),
  run: async ({ data }, a) => {
    const agents: JsonValue = await data.searchFreeAgents({
      style: a.style ?? null,
      pair: a.pair ?? null,
      tier: a.tier ?? null,
      risk: a.risk ?? null,
      session: a.session ?? null,
      maxDrawdownPct: a.maxDrawdownPct ?? null,
      limit: a.limit,
    });
    return agents;
  },
});

/**
 * Rival analysis: two clans' verified results in the last `days` against the `days`
 * before. `clan` defaults to the caller's own clan. Rule: a clan's per-member figures
 * (top contributors) only for members of that clan; the other side always gets the
 * public figures (members, joins, trades, median return, worst drawdown).
 */
export const compareClans = defineTool({
  name: 'compare_clans',
  description:
    "Compare two clans' verified results: the last `days` days against the `days` before (members joined, " +
    "trades, median member return, worst drawdown, and the change). `clan` defaults to the asker's own clan; " +
    'top contributors are shown only for a clan the asker belongs to.',
  args: z.strictObject({
    rival: ClanTag,
    clan: ClanTag.optional(),
    days: z.number().int().min(1).max(30).default(7),
  }),
  authorize: async ({ caller, data }, args): Promise<ToolAccess> => {
    const rival = await data.findClan(args.rival);
    if (!rival) return { ok: false, error: 'not_found', message: `No clan #${args.rival}.` };
    let own: string | null = caller.clanIds[0] ?? null;
    if (args.clan) {
      const named = await data.findClan(args.clan);
      if (!named) return { ok: false, error: 'not_found', message: `No clan #${args.clan}.` };
      own = named.clanId;
    }
    if (!own) return { ok: false, error: 'not_found', message: 'Name the clan to compare with `clan`.' };
    if (own === rival.clanId) return { ok: false, error: 'not_found', message: 'Name two different clans.' };
    const member = caller.clanIds.includes(own);
    return { ok: true, scope: member ? 'private' : 'public', subject: `${own}|${rival.clanId}` };
  },
  run: async (ctx, args, access) => {
    const [own = '', rival = ''] = (access.subject ?? '').split('|');
    if (!ctx.clock) throw new Error('compare_clans needs a clock');
    const now = ctx.clock.now().getTime();
    const span = args.days * DAY_MS;
    const recent = { from: new Date(now - span), to: new Date(now) };
    const before = { from: new Date(now - 2 * span), to: new Date(now - span) };
    const [us, them] = await Promise.all([
      side(ctx, own, access.scope === 'private', recent, before),
      side(ctx, rival, false, recent, before),
    ]);
    if (!us || !them) return null;
    const gap = diff(us.recent.returnPct, them.recent.returnPct);
    const result: JsonValue = {
      days: args.days,
      recentWindow: { from: recent.from.toISOString(), to: recent.to.toISOString() },
      beforeWindow: { from: before.from.toISOString(), to: before.to.toISOString() },
      us: { ...us, role: 'asker clan' },
      rival: { ...them, role: 'rival' },
      recentReturnGapPct: gap,
    };
    return result;
  },
});

type Window = { from: Date; to: Date };

async function side(ctx: ToolContext, clanId: string, detailed: boolean, recent: Window, before: Window) {
  const read = (w: Window): Promise<ClanActivity | ClanActivityPrivate | null> =>
    detailed ? ctx.data.clanActivityPrivate(clanId, w) : ctx.data.clanActivity(clanId, w);
  const [r, b] = await Promise.all([read(recent), read(before)]);
  if (!r || !b) return null;
  const figures = (a: ClanActivity) => ({
    trades: a.trades,
    winRatePct: a.winRatePct,
    returnPct: a.returnPct,
    maxDrawdownPct: a.maxDrawdownPct,
  });
  const base = {
    tag: r.tag,
    name: r.name,
    members: r.members,
    verifiedMembers: r.verifiedMembers,
    joinedRecently: r.joined,
    recent: figures(r),
    before: figures(b),
    change: {
      trades: r.trades - b.trades,
      returnPct: diff(r.returnPct, b.returnPct),
      maxDrawdownPct: diff(r.maxDrawdownPct, b.maxDrawdownPct),
    },
  };
  if (!('contributors' in r) || !('contributors' in b)) return base;
  const earlier = new Map(b.contributors.map((c) => [c.handle, c]));
  return {
    ...base,
    topContributors: r.contributors.slice(0, 5).map((c) => ({
      handle: c.handle,
      trades: c.trades,
      returnPct: c.returnPct,
      returnPctBefore: earlier.get(c.handle)?.returnPct ?? null,
      maxDrawdownPct: c.maxDrawdownPct,
    })),
  };
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round((a - b) * 100) / 100;
}

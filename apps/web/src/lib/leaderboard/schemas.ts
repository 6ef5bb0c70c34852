import { z } from 'zod';

/**
 * Shapes of the competition API answers (docs/ranking.md, apps/workers/src/api/routes/
 * seasons.ts and leaderboard.ts). Lenient on purpose: an unknown tier or award kind is
 * kept as a string and shown through a fallback, never a failed page.
 */
export const SORTS = ['score', 'return', 'sharpe', 'drawdown', 'activity'] as const;
export type Sort = (typeof SORTS)[number];

export const MOVEMENTS = ['up', 'down', 'same', 'new'] as const;

const num = z
  .number()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const SeasonCurrentSchema = z.object({
  season: z.object({
    id: z.string(),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
    daysLeft: z.number(),
  }),
  me: z
    .object({
      position: num,
      score: num,
      tier: z
        .string()
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      eligible: z.boolean().default(false),
    })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** The signed-in trader's clan on the clan board (null: no clan, or signed out). */
  clan: z
    .object({ id: z.string(), name: z.string(), position: z.number(), score: num })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type SeasonCurrent = z.infer<typeof SeasonCurrentSchema>;

export const LeaderboardItemSchema = z.object({
  position: z.number(),
  handle: z.string(),
  displayName: z.string().default(''),
  score: num,
  tier: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  eligible: z.boolean().default(true),
  movement: z
    .object({ direction: z.enum(MOVEMENTS).catch('same'), delta: z.number().default(0) })
    .nullable()
    .optional()
    .transform((v) => v ?? { direction: 'new' as const, delta: 0 }),
  components: z
    .object({ return: num, sharpe: num, drawdown: num, activity: num })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  metrics: z.object({
    returnPct: num,
    sharpe: num,
    maxDrawdownPct: num,
    trades: num,
    tradingDays: num,
  }),
});
export type LeaderboardItem = z.infer<typeof LeaderboardItemSchema>;

export const LeaderboardPageSchema = z.object({
  season: z.object({ id: z.string() }).passthrough(),
  updatedAt: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  items: z.array(LeaderboardItemSchema),
  nextCursor: z
    .union([z.string(), z.number()])
    .nullable()
    .optional()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
});
export type LeaderboardPage = z.infer<typeof LeaderboardPageSchema>;

const AwardSchema = z.union([
  // the archive stores "kind" or "specialist:SYMBOL"
  z.string().transform((award) => {
    const at = award.indexOf(':');
    return {
      kind: at < 0 ? award : award.slice(0, at),
      instrument: at < 0 ? null : award.slice(at + 1),
      value: null as number | null,
    };
  }),
  z.object({
    kind: z.string(),
    instrument: z
      .string()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    value: num,
  }),
]);
export type SeasonAward = z.infer<typeof AwardSchema>;

export const SeasonHistorySchema = z.object({
  items: z.array(
    z.object({
      seasonId: z.string(),
      position: num,
      tier: z
        .string()
        .nullable()
        .optional()
        .transform((v) => v ?? null),
      score: num,
      awards: z.array(AwardSchema).default([]),
    }),
  ),
});
export type SeasonHistory = z.infer<typeof SeasonHistorySchema>;

/** GET /leaderboard/clans: the clan board (docs/api.md). */
export const ClanBoardSchema = z.object({
  season: z.object({ id: z.string() }),
  items: z.array(
    z.object({
      position: z.number(),
      clanId: z.string(),
      name: z.string(),
      slug: z.string(),
      score: num,
      members: z.number(),
      eligibleMembers: z.number(),
      bestMemberPosition: num,
    }),
  ),
});
export type ClanBoard = z.infer<typeof ClanBoardSchema>;

const HighlightWho = { handle: z.string(), displayName: z.string() };

/** GET /leaderboard/highlights: the week's highlights stored at recompute (docs/api.md); null = nobody. */
export const HighlightsSchema = z.object({
  season: z.object({ id: z.string() }),
  weekStartsAt: z.string().nullable(),
  biggestClimber: z
    .object({ ...HighlightWho, places: z.number(), position: z.number(), previousPosition: z.number() })
    .nullable(),
  mostConsistent: z
    .object({ ...HighlightWho, profitableDays: z.number(), losingDays: z.number(), tradingDays: z.number() })
    .nullable(),
  highestSingleTrade: z
    .object({ ...HighlightWho, returnPct: z.number(), symbol: z.string(), closedAt: z.string() })
    .nullable(),
});
export type Highlights = z.infer<typeof HighlightsSchema>;

import { clans, SESSIONS, TRADING_STYLES } from '@clantrader/core';
import { z } from 'zod';

/**
 * Shapes of the clan API's answers (apps/workers/src/api/routes/clans.ts). Dates stay ISO
 * strings: pages only format them. Enums the UI only prints are plain strings, so a new
 * value on the server shows as text instead of breaking the page.
 */
export const ClanSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().default(''),
  avatarUrl: z.string().nullable().default(null),
  tradingFocus: z.string(),
  privacy: z.enum(clans.CLAN_PRIVACIES),
  plan: z.string(),
  telegramUrl: z.string().nullable().default(null),
  createdAt: z.string(),
  memberCount: z.number().int(),
  sizeLimit: z.number().int(),
});
export type ClanSummary = z.infer<typeof ClanSummarySchema>;

export const ClanRoleSchema = z.enum(clans.CLAN_ROLES);
export type ClanRole = z.infer<typeof ClanRoleSchema>;

export const ClanMemberSchema = z.object({
  userId: z.string(),
  handle: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable().default(null),
  role: ClanRoleSchema,
  joinedAt: z.string(),
  verified: z.boolean().default(false),
  verificationLabel: z.string().nullable().default(null),
});
export type ClanMember = z.infer<typeof ClanMemberSchema>;

export const CombinedStatsSchema = z.object({
  verifiedMembers: z.number().int(),
  tradeCount: z.number().int(),
  winRatePct: z.number().nullable(),
  netProfit: z.array(z.object({ currency: z.string(), amount: z.number() })),
  worstDrawdownPct: z.number().nullable(),
  medianGainPct: z.number().nullable(),
});
export type CombinedStats = z.infer<typeof CombinedStatsSchema>;

export const ClanProfileSchema = ClanSummarySchema.extend({
  members: z.array(ClanMemberSchema),
  stats: CombinedStatsSchema,
  badges: z.array(z.object({ award: z.string(), seasonId: z.string(), handle: z.string() })).default([]),
});
export type ClanProfile = z.infer<typeof ClanProfileSchema>;

export const ClanPageSchema = z.object({ items: z.array(ClanSummarySchema), nextCursor: z.string().nullable() });
export type ClanPage = z.infer<typeof ClanPageSchema>;

export const MyClanSchema = z.object({ clan: ClanSummarySchema.nullable(), role: ClanRoleSchema.nullable() });
export type MyClan = z.infer<typeof MyClanSchema>;

export const JoinOutcomeSchema = z.object({ status: z.enum(['joined', 'requested']) });

/** GET /clans/:id/join-request: the signed-in trader's pending request to this clan, if any. */
export const MyJoinRequestSchema = z.object({
  request: z.object({ id: z.string(), message: z.string(), createdAt: z.string() }).nullable(),
});

/** GET /me/join-requests: the trader's pending requests, newest first. */
export const MyJoinRequestsSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), clanId: z.string(), clanName: z.string(), message: z.string(), createdAt: z.string() }),
  ),
});
export type MyJoinRequests = z.infer<typeof MyJoinRequestsSchema>;

export const LeaveOutcomeSchema = z.object({ disbanded: z.boolean() });

export const CreatedInviteSchema = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;

export const InviteListSchema = z.object({
  items: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), uses: z.number().int() })),
});
export type InviteItem = z.infer<typeof InviteListSchema>['items'][number];

export const JoinRequestListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      userId: z.string(),
      handle: z.string(),
      displayName: z.string(),
      message: z.string().default(''),
      createdAt: z.string(),
    }),
  ),
});
export type JoinRequestItem = z.infer<typeof JoinRequestListSchema>['items'][number];

export const InvitePreviewSchema = z.object({ clan: ClanSummarySchema, expiresAt: z.string() });
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

export const AcceptedInviteSchema = z.object({ clanId: z.string() });

export const FreeAgentSchema = z.object({
  handle: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable().default(null),
  tradingStyle: z.enum(TRADING_STYLES).nullable().default(null),
  preferredPairs: z.array(z.string()).default([]),
  sessionPreference: z.enum(SESSIONS).nullable().default(null),
  instruments: z.array(z.string()).default([]),
  maxDrawdownPct: z.number(),
  tier: z.string().nullable().default(null),
  label: z.string(),
  riskLevel: z.enum(clans.RISK_LEVELS),
});
export type FreeAgent = z.infer<typeof FreeAgentSchema>;

export const FreeAgentPageSchema = z.object({ items: z.array(FreeAgentSchema), nextCursor: z.string().nullable() });
export type FreeAgentPage = z.infer<typeof FreeAgentPageSchema>;

/** GET /leaderboard/clans/:id/history: the clan's archived places, newest first. */
export const ClanSeasonHistorySchema = z.object({
  items: z.array(
    z.object({
      seasonId: z.string(),
      position: z.number().int(),
      score: z.number().nullable(),
      clans: z.number().int(),
      eligibleMembers: z.number().int(),
    }),
  ),
});
export type ClanSeasonHistory = z.infer<typeof ClanSeasonHistorySchema>;

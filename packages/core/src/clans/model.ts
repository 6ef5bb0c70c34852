import { z } from 'zod';
import { PairSchema, TRADING_STYLES, type SESSIONS } from '../accounts/model';
import { TIERS, type Tier } from '../ranking/model';
import type { VerificationLabel } from '../statement-uploads/model';

export const CLAN_ROLES = ['leader', 'co_leader', 'member'] as const;
export type ClanRole = (typeof CLAN_ROLES)[number];

export const CLAN_PLANS = ['free', 'pro'] as const;
export type ClanPlan = (typeof CLAN_PLANS)[number];

/** How many members a clan may have, by plan (docs/clans.md). The store enforces it atomically. */
export const CLAN_SIZE_LIMITS: Readonly<Record<ClanPlan, number>> = { free: 3, pro: 6 };

/** open: anyone joins at once; request: a leader or co-leader approves; invite: by link only. */
export const CLAN_PRIVACIES = ['open', 'request', 'invite'] as const;
export type ClanPrivacy = (typeof CLAN_PRIVACIES)[number];

export const TRADING_FOCUSES = ['forex', 'gold', 'indices', 'commodities', 'crypto', 'stocks', 'mixed'] as const;
export type TradingFocus = (typeof TRADING_FOCUSES)[number];

/** An invite link is valid this long after it was made, unless revoked first. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const NameSchema = z
  .string()
  .trim()
  .min(3, 'Clan name must be at least 3 characters')
  .max(32, 'Clan name must be at most 32 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, "Clan name may contain letters, digits, spaces and . _ ' -")
  .transform((s) => s.replace(/\s+/g, ' '));

const DescriptionSchema = z.string().trim().max(500, 'Description must be at most 500 characters');

const AvatarUrlSchema = z
  .url({ protocol: /^https$/, message: 'Avatar must be an https:// URL' })
  .max(500, 'Avatar URL must be at most 500 characters');

/** Public groups (t.me/name), private links (t.me/+code) and old joinchat links. */
const TelegramUrlSchema = z
  .string()
  .trim()
  .max(200, 'Telegram link must be at most 200 characters')
  .regex(
    /^https:\/\/t\.me\/(?:\+|joinchat\/)?[A-Za-z0-9_-]{4,64}\/?$/,
    'Telegram link must look like https://t.me/yourgroup or https://t.me/+invite',
  );

export const CreateClanSchema = z.strictObject({
  name: NameSchema,
  description: DescriptionSchema.default(''),
  avatarUrl: AvatarUrlSchema.nullable().default(null),
  tradingFocus: z.enum(TRADING_FOCUSES, { message: `Trading focus must be one of ${TRADING_FOCUSES.join(', ')}` }),
  privacy: z.enum(CLAN_PRIVACIES, { message: 'Privacy must be open, request or invite' }).default('request'),
  telegramUrl: TelegramUrlSchema.nullable().default(null),
});
export type CreateClanInput = z.infer<typeof CreateClanSchema>;

export const UpdateClanSchema = z
  .strictObject({
    name: NameSchema.optional(),
    description: DescriptionSchema.optional(),
    avatarUrl: AvatarUrlSchema.nullable().optional(),
    tradingFocus: z.enum(TRADING_FOCUSES).optional(),
    privacy: z.enum(CLAN_PRIVACIES).optional(),
    telegramUrl: TelegramUrlSchema.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to update' });
export type UpdateClanInput = z.infer<typeof UpdateClanSchema>;

export const ChangeRoleSchema = z.strictObject({
  role: z.enum(['co_leader', 'member'], { message: 'Role must be co_leader or member' }),
});
export const TransferSchema = z.strictObject({ userId: z.uuid({ message: 'userId must be a member id' }) });
export const JoinRequestInputSchema = z.strictObject({
  message: z.string().trim().max(300, 'Message must be at most 300 characters').default(''),
});

export const ClanSearchSchema = z.strictObject({
  q: z.string().trim().max(32, 'Search text must be at most 32 characters').optional(),
  focus: z.enum(TRADING_FOCUSES).optional(),
  privacy: z.enum(CLAN_PRIVACIES).optional(),
  cursor: z.uuid({ message: 'cursor must come from nextCursor' }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ClanSearch = z.infer<typeof ClanSearchSchema>;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * Risk level from the worst max drawdown (percent of peak) over a trader's currently
 * verified accounts: low < 10 %, medium 10 % to < 25 %, high >= 25 %. Bounds are
 * [min, max) so each drawdown has exactly one level.
 */
export const RISK_THRESHOLDS: Readonly<Record<RiskLevel, { minPct: number; maxPct: number | null }>> = {
  low: { minPct: 0, maxPct: 10 },
  medium: { minPct: 10, maxPct: 25 },
  high: { minPct: 25, maxPct: null },
};

export function riskLevelOf(maxDrawdownPct: number): RiskLevel {
  for (const level of RISK_LEVELS) {
    const { minPct, maxPct } = RISK_THRESHOLDS[level];
    if (maxDrawdownPct >= minPct && (maxPct === null || maxDrawdownPct < maxPct)) return level;
  }
  return 'low';
}

export const FreeAgentQuerySchema = z.strictObject({
  style: z.enum(TRADING_STYLES, { message: `style must be one of ${TRADING_STYLES.join(', ')}` }).optional(),
  pair: PairSchema.optional(),
  tier: z.enum(TIERS, { message: `tier must be one of ${TIERS.join(', ')}` }).optional(),
  risk: z.enum(RISK_LEVELS, { message: 'risk must be low, medium or high' }).optional(),
  session: z.enum(['asian', 'london', 'new_york'], { message: 'session must be asian, london or new_york' }).optional(),
  cursor: z.string().max(24).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type FreeAgentQuery = z.infer<typeof FreeAgentQuerySchema>;

export type Clan = {
  id: string;
  name: string;
  slug: string;
  description: string;
  avatarUrl: string | null;
  tradingFocus: TradingFocus;
  privacy: ClanPrivacy;
  plan: ClanPlan;
  telegramUrl: string | null;
  createdBy: string;
  createdAt: Date;
  disbandedAt: Date | null;
};

/** A clan as lists show it: the row plus how full it is. */
export type ClanSummary = Omit<Clan, 'createdBy' | 'disbandedAt'> & { memberCount: number; sizeLimit: number };

export type ClanMember = {
  userId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  role: ClanRole;
  joinedAt: Date;
};

export type ClanInvite = {
  id: string;
  clanId: string;
  tokenHash: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  uses: number;
};

export type JoinRequestStatus = 'pending' | 'approved' | 'denied' | 'cancelled';

export type JoinRequest = {
  id: string;
  clanId: string;
  userId: string;
  message: string;
  status: JoinRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
};

/** A pending request as a leader sees it. */
export type JoinRequestView = JoinRequest & { handle: string; displayName: string };

/** A trader's own pending request, as they see it in their list of requests. */
export type MyJoinRequest = {
  id: string;
  clanId: string;
  clanName: string;
  message: string;
  createdAt: Date;
};

/** The free-agent filter as the store runs it: every rule already turned into numbers. */
export type FreeAgentFilter = {
  style?: (typeof TRADING_STYLES)[number];
  pair?: string;
  tier?: Tier;
  drawdown?: { minPct: number; maxPct: number | null };
  session?: Exclude<(typeof SESSIONS)[number], 'any'>;
  /** The season whose board gives the tier. */
  seasonId: string;
  /** Handle of the last item of the previous page. */
  after?: string;
  limit: number;
};

/** One verified trader without a clan, as the store reads it. */
export type FreeAgentRow = {
  userId: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  tradingStyle: (typeof TRADING_STYLES)[number] | null;
  preferredPairs: string[];
  sessionPreference: (typeof SESSIONS)[number] | null;
  instruments: string[];
  maxDrawdownPct: number;
  tier: Tier | null;
  label: VerificationLabel;
};

export type FreeAgent = Omit<FreeAgentRow, 'userId'> & { riskLevel: RiskLevel };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type JoinOutcome = { status: 'joined' } | { status: 'requested'; requestId: string };

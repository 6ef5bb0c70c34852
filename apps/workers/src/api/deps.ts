import type {
  AccountDeps,
  ai,
  channels,
  clanAi,
  ChatReadDeps,
  clans,
  leaderboard,
  notifications,
  RateLimiter,
  RoomTicketSigner,
  StatementDeps,
  User,
} from '@clantrader/core';
import type { Context } from 'hono';

/** A message of the development outbox as `/dev/outbox` shows it. */
export type OutboxMessage = { id: string; to: string; subject: string; text: string; createdAt: Date };

/** One structured log line; each home decides where it goes (console, file, Logpush). */
export type LogEntry = {
  level: 'info' | 'warn' | 'error';
  event: string;
  requestId?: string;
  [field: string]: unknown;
};

/** A fixed window: at most `limit` requests per `windowSeconds` from one client IP. */
export type RateLimit = { limit: number; windowSeconds: number };
export type AuthLimits = { signup: RateLimit; login: RateLimit; verify: RateLimit; reset: RateLimit };

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  signup: { limit: 20, windowSeconds: 60 },
  login: { limit: 30, windowSeconds: 60 },
  verify: { limit: 30, windowSeconds: 60 },
  reset: { limit: 20, windowSeconds: 60 },
};

/**
 * Everything the HTTP API needs, built by a composition root: once at boot on-prem, per
 * request from bindings on the edge (where a database connection cannot outlive its
 * request). Only ports and plain values: the API never learns which runtime it is in.
 */
export type ApiDeps = {
  accounts: AccountDeps;
  /** Statement upload, processing, review and public stats (issue 3). */
  statements: StatementDeps;
  /** Seasons and the live leaderboard (issue 5). */
  leaderboard: leaderboard.LeaderboardDeps;
  /** Clans: membership, roles, invites, join requests, free agents (issue 4). */
  clans: clans.ClanDeps;
  /** Clan channels: posts, media, reactions, peeks, follows, subscriptions (issue 4). */
  channels: channels.ChannelDeps;
  /** Realtime chat over HTTP: room access for tickets, history for first paint, unread badges (issue 4). */
  chat: ChatReadDeps;
  /** Rank changes and season events for the bell (issue 5). */
  notifications: notifications.NotificationDeps;
  rateLimiter: RateLimiter;
  tickets: RoomTicketSigner;
  /**
   * Shared secret of the party worker's internal calls (`x-room-control`, the edge's
   * ROOM_CONTROL_SECRET): `@ai` answers (routes/internal-ai.ts). Unset = those routes are 404.
   */
  internalSecret?: string;
  /** The AI assistant (issue 6): router ports and the daily question counter. */
  ai?: AiApiDeps;
  /** True when the database answers; never throws for "down". */
  checkDatabase(): Promise<boolean>;
  /** Present only when DEV_OUTBOX is on; it also switches the `/dev/outbox` route on. */
  listOutbox?: (limit: number) => Promise<OutboxMessage[]>;
  /** Reported by `/health`. */
  version: string;
  /** Defaults to `console.error`-style JSON lines for errors only. */
  log?: (entry: LogEntry) => void;
  /**
   * The caller's IP for per-IP rate limits. Default: `cf-connecting-ip` (set by
   * Cloudflare), else the first `x-forwarded-for` hop. On-prem passes its own getter
   * (socket address, or the header its reverse proxy sets).
   */
  clientIp?: (c: Context) => string | null | undefined;
  /** Defaults to `crypto.randomUUID`. */
  newRequestId?: () => string;
  /** Overrides of `DEFAULT_AUTH_LIMITS`. */
  authLimits?: Partial<AuthLimits>;
};

/** What the AI routes need; absent = the assistant answers `ai.unavailable`. */
export type AiApiDeps = {
  router: ai.AiDeps;
  quota: ai.QuotaStore;
  /** Spectator questions, for the hourly precompute of the most asked ones. */
  questions: ai.QuestionLog;
  /** The daily platform snapshot: the local model's data and the cache's context version. */
  snapshots: ai.SnapshotStore;
  /** Weekly clan performance summaries (written by the scheduled job, read by members). */
  clanSummaries: clanAi.ClanSummaryStore;
};

/** How a request proved its session: the cookie path gets the extra CSRF rule. */
export type AuthVia = 'bearer' | 'cookie';

/** Hono environment shared by every route module. */
export type ApiEnv = {
  Variables: {
    requestId: string;
    user: User;
    sessionToken: string;
    authVia: AuthVia;
  };
};

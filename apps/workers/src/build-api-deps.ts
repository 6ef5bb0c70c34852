import {
  createContentHasher,
  createHmacTicketSigner,
  createIntlTimeZoneOffsets,
  createPbkdf2Hasher,
  createTokenVault,
  createUuidV7,
  systemClock,
} from '@clantrader/adapters';
import {
  processStatement,
  type ai,
  type BlobStore,
  type Cache,
  type Clock,
  type IdGenerator,
  type JobQueue,
  type Mailer,
  type RoomControl,
  type StatementJob,
} from '@clantrader/core';
import {
  checkDatabase,
  createAccountStore,
  createChannelStore,
  createChatStore,
  createClanStore,
  createLeaderboardStore,
  createNotificationStore,
  createOutboxMailer,
  createRateLimiter,
  createRoomAccess,
  createStatementStore,
  listOutbox,
  type Database,
} from '@clantrader/db';
import { createInlineJobQueue } from './adapters/job-queue.inline';
import { buildAiDeps, type AiSettings } from './ai-wiring';

export { aiSettingsFromEnv, buildAiProviders, type AiSettings } from './ai-wiring';
import type { ApiDeps, LogEntry } from './api/index';

/** What `buildApiDeps` needs besides the database; shared by the Worker and the tests. */
export type ApiConfig = {
  appUrl: string;
  authSecret: string;
  version: string;
  /** Exposes `/dev/outbox`. */
  devOutbox: boolean;
  /** Defaults to the outbox mailer (development). */
  mailer?: Mailer;
  /** PBKDF2 iterations for new hashes; default 600,000. */
  passwordIterations?: number;
  clock?: Clock;
  ids?: IdGenerator;
  log?: (entry: LogEntry) => void;
  /** Where uploaded originals go: R2 on the edge, local disk on-prem, memory in tests. */
  blobs: BlobStore;
  /**
   * Builds the runtime's JobQueue around the processing function it must eventually call
   * for each job. Default: process inline, before the upload answers (tests).
   */
  jobQueue?: (process: (job: StatementJob) => Promise<unknown>) => JobQueue;
  /** Read-through cache for hot public reads; on-prem passes an in-process LRU. */
  cache?: Cache;
  /**
   * Concurrent queries the leaderboard recompute may use (season read and board write):
   * a pooled PostgreSQL's cores; 1 (default) for PGlite, which has one connection.
   */
  seasonPassParallelism?: number;
  /** Model endpoints (AI_CLOUD_* / AI_LOCAL_*); none = cached answers only. */
  ai?: AiSettings;
  /** On-prem keeps AI breaker state in memory (one process). */
  aiHealth?: ai.HealthState;
  /**
   * Closes sockets in live rooms when clan membership or roles change. Each home passes its
   * real one (on-prem: in-process room server; edge: service binding to the party worker);
   * without one the API uses `noRoomControl` and kicked members keep their socket until
   * their ticket expires.
   */
  roomControl?: RoomControl;
};

/**
 * A RoomControl that evicts nobody: for compositions without live rooms (tests, tools).
 * The clan use cases still require one, so leaving it out is a visible choice.
 */
export const noRoomControl: RoomControl = { evict: () => Promise.resolve() };

/** How long one database probe answers /health; load balancers poll it many times a second. */
const HEALTH_PROBE_TTL_MS = 1000;

/**
 * Builds the API's ports on one database: repositories from @clantrader/db, web-standard
 * adapters for crypto, ids and tickets. Runtime-neutral, so tests run the exact wiring the
 * Worker uses against PGlite and PostgreSQL in Node.
 */
export function buildApiDeps(db: Database, config: ApiConfig): ApiDeps {
  const clock = config.clock ?? systemClock;
  const ids = config.ids ?? createUuidV7(clock);
  const leaderboardStore = createLeaderboardStore(db, { parallelism: config.seasonPassParallelism ?? 1 });
  const accountStore = createAccountStore(db);
  const processing = {
    store: createStatementStore(db),
    users: accountStore,
    blobs: config.blobs,
    hasher: createContentHasher(),
    clock,
    ids,
  };
  const process = (job: StatementJob) => processStatement(processing, job);
  const queue = config.jobQueue ? config.jobQueue(process) : createInlineJobQueue(process, config.log);
  return {
    accounts: {
      store: accountStore,
      clock,
      ids,
      vault: createTokenVault(),
      passwords: createPbkdf2Hasher(
        config.passwordIterations === undefined ? {} : { iterations: config.passwordIterations },
      ),
      mailer: config.mailer ?? createOutboxMailer(db, { ids, clock }),
      appUrl: config.appUrl,
      ...(config.cache ? { cache: config.cache } : {}),
    },
    statements: { ...processing, queue },
    leaderboard: { store: leaderboardStore, ...(config.cache ? { cache: config.cache } : {}) },
    clans: {
      store: createClanStore(db),
      clock,
      ids,
      vault: createTokenVault(),
      rooms: config.roomControl ?? noRoomControl,
      statements: processing.store,
      seasons: leaderboardStore,
      appUrl: config.appUrl,
    },
    channels: {
      store: createChannelStore(db),
      blobs: config.blobs,
      clock,
      ids,
      zones: createIntlTimeZoneOffsets(),
      rooms: config.roomControl ?? noRoomControl,
    },
    chat: { store: createChatStore(db), access: createRoomAccess(db) },
    notifications: { notifications: createNotificationStore(db), clock, ids },
    rateLimiter: createRateLimiter(db),
    tickets: createHmacTicketSigner(config.authSecret, clock),
    ai: buildAiDeps(db, clock, config.ai ?? {}, config.aiHealth ? { health: config.aiHealth } : {}),
    checkDatabase: memoizeProbe(() => checkDatabase(db), clock),
    ...(config.devOutbox ? { listOutbox: (limit: number) => listOutbox(db, limit) } : {}),
    version: config.version,
    ...(config.log ? { log: config.log } : {}),
  };
}

/** Shares one probe among the health checks of the next second; a failed probe is not kept. */
function memoizeProbe(probe: () => Promise<boolean>, clock: Clock): () => Promise<boolean> {
  let last: { at: number; ok: Promise<boolean> } | null = null;
  return () => {
    const now = clock.now().getTime();
    if (last && now - last.at < HEALTH_PROBE_TTL_MS) return last.ok;
    const ok = probe();
    last = { at: now, ok };
    void ok.then((up) => {
      if (!up) last = null;
    });
    return ok;
  };
}

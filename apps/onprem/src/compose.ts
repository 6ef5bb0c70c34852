import { createMemoryCache, systemClock } from '@clantrader/adapters';
import { createClanAssistant, type ClanAssistant, type Mailer } from '@clantrader/core';
import { createChatStore, createSeasonStore, type DbHandle } from '@clantrader/db';
import { aiSettingsFromEnv, buildApiDeps } from '@clantrader/workers/deps';
import { createMemoryHealthState } from './adapters/ai-health.memory';
import { createShiftedClock } from './adapters/clock.shifted';
import { createDiskBlobStore } from './adapters/blob-store.disk';
import { createLocalJobQueue } from './adapters/job-queue.local';
import { createSmtpMailer } from './adapters/mailer.smtp';
import type { OnpremEnv } from './env';
import { createLocalRoomControl } from './rooms/room-control';

/**
 * The on-prem composition root: builds every adapter once at boot from the validated
 * environment, on the same `buildApiDeps` wiring the Worker uses; only the mailer, the
 * client address, the blob store (local disk, BLOB_DIR) and the job queue (in process,
 * with retries) differ.
 */
export function composeOnprem(
  env: OnpremEnv,
  handle: DbHandle,
  version: string,
  log: (line: string) => void = () => undefined,
) {
  let jobs: ReturnType<typeof createLocalJobQueue> | undefined;
  // Clan use cases evict through it; main.ts attaches the room server once it exists.
  const roomControl = createLocalRoomControl();
  const clock = env.CLANTRADER_NOW ? createShiftedClock(new Date(env.CLANTRADER_NOW)) : systemClock;
  const mailer: Mailer | undefined =
    env.MAIL_TRANSPORT === 'smtp' && env.SMTP_URL
      ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM })
      : undefined;
  const api = buildApiDeps(handle.db, {
    clock,
    appUrl: env.APP_URL,
    authSecret: env.AUTH_SECRET,
    version,
    devOutbox: env.DEV_OUTBOX,
    ...(mailer ? { mailer } : {}),
    ...(env.PASSWORD_ITERATIONS ? { passwordIterations: env.PASSWORD_ITERATIONS } : {}),
    blobs: createDiskBlobStore(env.BLOB_DIR),
    // One process: invalidation on write is exact, so hot public reads can be cached.
    cache: createMemoryCache({ clock }),
    // A PostgreSQL server reads and writes the season from two connections; PGlite has one.
    seasonPassParallelism: handle.kind === 'pglite' ? 1 : 2,
    // In-process queue: the upload answers at once, processing follows with retries.
    jobQueue: (run) => (jobs = createLocalJobQueue({ run, log })),
    ai: aiSettingsFromEnv(env),
    // One process: breaker state lives in memory; cache, switch and quota in the database.
    aiHealth: createMemoryHealthState(),
    roomControl,
  });
  // The on-prem server writes the socket address (or the trusted proxy's hop) into
  // x-client-ip and overwrites whatever a client sent under that name.
  api.clientIp = (c) => c.req.header('x-client-ip');
  if (env.AUTH_LIMITS) api.authLimits = env.AUTH_LIMITS;
  // `@ai` in clan chat, answered in process with the API's AI router, clans and limiter.
  const assistant: ClanAssistant | undefined = api.ai
    ? createClanAssistant({
        ai: api.ai.router,
        clans: api.clans.store,
        summaries: api.ai.clanSummaries,
        limiter: api.rateLimiter,
      })
    : undefined;
  if (!jobs) throw new Error('buildApiDeps did not create the job queue');
  return {
    api,
    accounts: api.accounts,
    statements: api.statements,
    jobs,
    tickets: api.tickets,
    clock: api.accounts.clock,
    seasons: createSeasonStore(handle.db),
    ids: api.accounts.ids,
    chatStore: createChatStore(handle.db),
    roomControl,
    assistant,
  };
}

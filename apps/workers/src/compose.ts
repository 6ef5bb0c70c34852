import { createHttpMailer } from '@clantrader/adapters';
import type { Mailer } from '@clantrader/core';
import type { DbHandle } from '@clantrader/db';
import { openNeon } from '@clantrader/db/drivers/neon';
import { createR2BlobStore } from './adapters/blob-store.r2';
import { createServiceRoomControl } from './adapters/room-control.service';
import { createCloudflareJobQueue } from './adapters/job-queue.cloudflare';
import type { ApiDeps, LogEntry } from './api/index';
import type { WorkerBindings } from './bindings';
import { aiSettingsFromEnv } from './ai-wiring';
import { buildApiDeps } from './build-api-deps';
import type { WorkerEnv } from './env';

/**
 * The Worker's composition root, run per request: a Neon pool cannot be shared across
 * requests in Workers, so the database, and the deps over it, live for one request and
 * `close` must be handed to `ctx.waitUntil` once the response is out.
 */
export function composeWorker(env: WorkerEnv, bindings: WorkerBindings): { db: DbHandle; deps: ApiDeps } {
  const db = openNeon(env.DATABASE_URL, env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY } : {});
  const deps = buildApiDeps(db.db, {
    appUrl: env.APP_URL,
    authSecret: env.AUTH_SECRET,
    version: env.APP_VERSION,
    devOutbox: env.DEV_OUTBOX === '1',
    ...(env.MAIL_TRANSPORT === 'http' ? { mailer: edgeMailer(env) } : {}),
    ...(env.PBKDF2_ITERATIONS === undefined ? {} : { passwordIterations: env.PBKDF2_ITERATIONS }),
    log: logJson,
    blobs: createR2BlobStore(bindings.blobs),
    // Cloudflare Queues: the upload answers at once; worker.ts `queue()` processes.
    jobQueue: () => createCloudflareJobQueue(bindings.statementJobs),
    ai: aiSettingsFromEnv(env),
    // Kicks and role changes close live sockets through the party worker's rooms.
    ...(bindings.rooms && env.ROOM_CONTROL_SECRET
      ? { roomControl: createServiceRoomControl(bindings.rooms, env.ROOM_CONTROL_SECRET, logJson) }
      : {}),
  });
  // The party worker's `@ai` calls (service binding API) carry the same secret as evictions.
  if (env.ROOM_CONTROL_SECRET) deps.internalSecret = env.ROOM_CONTROL_SECRET;
  return { db, deps };
}

function edgeMailer(env: WorkerEnv): Mailer {
  if (!env.MAIL_HTTP_URL || !env.MAIL_HTTP_TOKEN)
    throw new Error('MAIL_TRANSPORT=http needs MAIL_HTTP_URL and MAIL_HTTP_TOKEN');
  return createHttpMailer({ url: env.MAIL_HTTP_URL, token: env.MAIL_HTTP_TOKEN, from: env.MAIL_FROM });
}

/** Workers Logs / Logpush index JSON lines written to the console. */
export function logJson(entry: LogEntry): void {
  (entry.level === 'error' ? console.error : console.log)(JSON.stringify(entry));
}

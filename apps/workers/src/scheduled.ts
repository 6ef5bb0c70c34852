import { createUuidV7, systemClock } from '@clantrader/adapters';
import { expireStatements, purgeExpiredTokens } from '@clantrader/core';
import { createAccountStore, createStatementStore } from '@clantrader/db';
import { openNeon } from '@clantrader/db/drivers/neon';
import { logJson } from './compose';
import type { WorkerEnv } from './env';

/** The crons wrangler.toml declares, mapped to the core jobs they run. */
export const CRON_PURGE_TOKENS = '17 * * * *';
export const CRON_EXPIRE_STATEMENTS = '23 3 * * *';

/**
 * Runs the background job of one Cron Trigger: daily, statements past their
 * re-verification date expire; on every other cron (hourly), expired tokens and sessions
 * are purged. Both jobs are idempotent, so a retried or duplicated trigger is harmless.
 * Throws on failure so Cloudflare records the run as failed.
 */
export async function runScheduledJobs(env: WorkerEnv, cron: string): Promise<Record<string, number>> {
  const handle = openNeon(env.DATABASE_URL, env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY } : {});
  try {
    if (cron === CRON_EXPIRE_STATEMENTS) {
      const store = createStatementStore(handle.db);
      const result = await expireStatements({ store, clock: systemClock, ids: createUuidV7(systemClock) });
      logJson({ level: 'info', event: 'cron.expire_statements', cron, ...result });
      return result;
    }
    const purged = await purgeExpiredTokens({ store: createAccountStore(handle.db), clock: systemClock });
    logJson({ level: 'info', event: 'cron.purge_expired_tokens', cron, ...purged });
    return purged;
  } finally {
    await handle.close();
  }
}

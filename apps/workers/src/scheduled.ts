import { systemClock } from '@clantrader/adapters';
import { purgeExpiredTokens } from '@clantrader/core';
import { createAccountStore } from '@clantrader/db';
import { openNeon } from '@clantrader/db/drivers/neon';
import { logJson } from './compose';
import type { WorkerEnv } from './env';

/** The crons wrangler.toml declares, mapped to the core jobs they run. */
export const CRON_PURGE_TOKENS = '17 * * * *';

/**
 * Runs the background jobs for one Cron Trigger. Every cron currently runs the hourly
 * purge of expired tokens and sessions; the job is idempotent, so a retried or duplicated
 * trigger is harmless. Throws on failure so Cloudflare records the run as failed.
 */
export async function runScheduledJobs(env: WorkerEnv, cron: string): Promise<{ tokens: number; sessions: number }> {
  const handle = openNeon(env.DATABASE_URL, env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY } : {});
  try {
    const purged = await purgeExpiredTokens({ store: createAccountStore(handle.db), clock: systemClock });
    logJson({ level: 'info', event: 'cron.purge_expired_tokens', cron, ...purged });
    return purged;
  } finally {
    await handle.close();
  }
}

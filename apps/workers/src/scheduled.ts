import { createUuidV7, systemClock } from '@clantrader/adapters';
import {
  ai,
  clanAi,
  expireStatements,
  leaderboard,
  purgeExpiredTokens,
  requeuePendingStatements,
} from '@clantrader/core';
import {
  createAccountStore,
  createClanStore,
  createLeaderboardStore,
  createNotificationStore,
  createSeasonStore,
  createStatementStore,
} from '@clantrader/db';
import { openNeon } from '@clantrader/db/drivers/neon';
import { createCloudflareJobQueue } from './adapters/job-queue.cloudflare';
import { aiSettingsFromEnv, buildAiDeps } from './ai-wiring';
import type { WorkerBindings } from './bindings';
import { logJson } from './compose';
import type { WorkerEnv } from './env';

/** The crons wrangler.toml declares, mapped to the core jobs they run. */
export const CRON_PURGE_TOKENS = '17 * * * *';
export const CRON_EXPIRE_STATEMENTS = '23 3 * * *';
/** Every minute: the AI health probe (opens/closes each provider's breaker). */
export const CRON_AI_PROBE = '* * * * *';
/** Hourly at :07: season rollover, then the live leaderboard recompute (and daily snapshot). */
export const CRON_SEASONS = '7 * * * *';
/** Every 10 minutes: queue again statements whose processing job was lost. */
export const CRON_REQUEUE_STATEMENTS = '*/10 * * * *';

/**
 * Runs the core job of one Cron Trigger (the CRON_* constants above); any other cron
 * purges expired tokens and sessions. Every job is idempotent, so a retried or
 * duplicated trigger is harmless. Throws on failure so Cloudflare records the run as failed.
 */
export async function runScheduledJobs(
  env: WorkerEnv,
  bindings: Pick<WorkerBindings, 'statementJobs'>,
  cron: string,
): Promise<Record<string, number>> {
  const handle = openNeon(env.DATABASE_URL, env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY } : {});
  try {
    if (cron === CRON_REQUEUE_STATEMENTS) {
      const result = await requeuePendingStatements({
        store: createStatementStore(handle.db),
        queue: createCloudflareJobQueue(bindings.statementJobs),
        clock: systemClock,
      });
      logJson({ level: 'info', event: 'cron.requeue_statements', cron, ...result });
      return result;
    }
    if (cron === CRON_SEASONS) {
      const result = await leaderboard.runSeasonJobs({
        clock: systemClock,
        seasons: createSeasonStore(handle.db),
        // Neon's pool: the season read and the board write from two connections
        store: createLeaderboardStore(handle.db, { parallelism: 2 }),
        notifications: {
          notifications: createNotificationStore(handle.db),
          clock: systemClock,
          ids: createUuidV7(systemClock),
        },
      });
      logJson({ level: 'info', event: 'cron.season_jobs', cron, ...result });
      return {
        archived: result.archived.length,
        opened: result.opened ? 1 : 0,
        traders: result.traders,
        eligible: result.eligible,
        notified: result.notified,
      };
    }
    if (cron === CRON_AI_PROBE) {
      const deps = buildAiDeps(handle.db, systemClock, aiSettingsFromEnv(env)).router;
      const results = await ai.probeHealth(deps);
      const summary = { probed: results.length, ok: results.filter((r) => r.ok).length };
      logJson({ level: 'info', event: 'cron.ai_probe', cron, ...summary });
      return summary;
    }
    if (cron === CRON_EXPIRE_STATEMENTS) {
      const store = createStatementStore(handle.db);
      const result = await expireStatements({ store, clock: systemClock, ids: createUuidV7(systemClock) });
      logJson({ level: 'info', event: 'cron.expire_statements', cron, ...result });
      // The same daily trigger: weekly clan summaries for the last complete ISO week, cheapest
      // tier first. Idempotent per clan and week: Monday's run writes them, later runs only
      // retry clans a failure left out.
      const { router, clanSummaries } = buildAiDeps(handle.db, systemClock, aiSettingsFromEnv(env));
      const weekly = await clanAi.runWeeklyClanSummaries({
        ai: router,
        clans: createClanStore(handle.db),
        summaries: clanSummaries,
      });
      logJson({ level: 'info', event: 'cron.clan_weekly_summaries', cron, ...weekly });
      return { ...result, clanSummaries: weekly.written, clanSummariesFailed: weekly.failed };
    }
    const purged = await purgeExpiredTokens({ store: createAccountStore(handle.db), clock: systemClock });
    logJson({ level: 'info', event: 'cron.purge_expired_tokens', cron, ...purged });
    if (cron !== CRON_PURGE_TOKENS) return purged;
    // The same hourly trigger: today's platform snapshot (first run of a day) and the
    // precompute of the most asked questions.
    const { router, questions, snapshots } = buildAiDeps(handle.db, systemClock, aiSettingsFromEnv(env));
    const hourly = await ai.runHourlyAiJobs({ ...router, questions, snapshots });
    logJson({ level: 'info', event: 'cron.ai_hourly', cron, ...hourly });
    return { ...purged, precomputed: hourly.answered, snapshotBuilt: hourly.snapshotBuilt ? 1 : 0 };
  } finally {
    await handle.close();
  }
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  ai,
  clanAi,
  expireStatements,
  leaderboard,
  purgeExpiredTokens,
  requeuePendingStatements,
} from '@clantrader/core';
import { migrateDatabase } from '@clantrader/db';
import { openDatabase } from '@clantrader/db/open-database';
import { createApi, type AiApiDeps } from '@clantrader/workers/api';
import { readEnv } from './env';
import { composeOnprem } from './compose';
import { attachRoomServer } from './rooms';
import { startScheduler, type ScheduledJob } from './scheduler';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed-demo';
import { createOnpremServer, type WebHandler } from './server';
import { tuneGarbageCollector } from './gc-tuning';

const VERSION = '0.1.0';
const log = (line: string) => console.log(`[clantrader] ${line}`);

/**
 * Boots the on-prem mirror: one process, one port, web + API + websocket rooms + jobs.
 * Order matters: migrations before serving; the SvelteKit handler is imported only after
 * the port is known, because it reads its origin and API address from the environment
 * when it loads.
 */
async function main() {
  const started = performance.now();
  tuneGarbageCollector();
  const env = readEnv(process.env);
  const handle = await openDatabase(env.DATABASE_URL, { template: await pgliteTemplate() });
  const opened = performance.now();
  const applied = await migrateDatabase(handle, { migrationsFolder: bundledMigrations() });
  log(
    `database ${handle.kind} open in ${(opened - started).toFixed(0)} ms, ` +
      `${describe(applied)} in ${(performance.now() - opened).toFixed(0)} ms`,
  );

  const app = composeOnprem(env, handle, VERSION, log);
  const api = createApi(app.api);
  const { server, setWeb } = createOnpremServer({ api });
  const rooms = attachRoomServer(server, {
    tickets: app.tickets,
    clock: app.clock,
    ids: app.ids,
    store: app.chatStore,
    ...(app.assistant ? { assistant: app.assistant } : {}),
    onError: (error) => log(`room error: ${String(error)}`),
  });
  app.roomControl.attach(rooms);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const appUrl = env.APP_URL.replace(/:\d+$/, `:${port}`);

  Object.assign(process.env, {
    ORIGIN: appUrl,
    API_ORIGIN: `http://127.0.0.1:${port}`,
    AUTH_SECRET: env.AUTH_SECRET,
    AUTH_TRUST_HOST: 'true',
  });
  const web = (await import('@clantrader/web/handler')) as { handler: WebHandler };
  setWeb(web.handler);
  log(`web app loaded, serving after ${(performance.now() - started).toFixed(0)} ms`);

  if (env.SEED_DEMO) {
    const created = await seedDemo(app);
    log(created.length ? `seeded demo traders: ${created.join(', ')}` : 'demo traders already present');
  }
  const scheduler = startScheduler(
    [
      { name: 'purge-expired-tokens', everyMs: 60 * 60 * 1000, run: () => purgeExpiredTokens(app.accounts) },
      { name: 'expire-statements', everyMs: 24 * 60 * 60 * 1000, run: () => expireStatements(app.statements) },
      // The in-process queue does not survive a restart: uploads left pending are queued again.
      { name: 'requeue-statements', everyMs: 5 * 60 * 1000, run: () => requeuePendingStatements(app.statements) },
      // Season rollover + live leaderboard recompute (the daily snapshot rides on the first run of a day).
      {
        name: 'season-jobs',
        everyMs: 60 * 60 * 1000,
        run: () =>
          leaderboard.runSeasonJobs({
            ...app.api.leaderboard,
            clock: app.clock,
            seasons: app.seasons,
            notifications: app.api.notifications,
          }),
      },
      ...(app.api.ai ? aiJobs(app.api.ai, app.api.clans.store) : []),
    ],
    log,
  );

  log(`ready in ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`\n  ClanTrader is running at ${appUrl}\n`);
  if (env.SEED_DEMO) {
    console.log(`  Demo sign-in: ${DEMO_USERS.map((u) => u.email).join(', ')} — password ${DEMO_PASSWORD}`);
    console.log(`  Demo admin: ${DEMO_ADMIN.email} — password ${DEMO_PASSWORD}`);
  }
  if (env.DEV_OUTBOX) console.log(`  Dev mail outbox: ${appUrl}/dev/outbox\n`);

  const shutdown = async (signal: string) => {
    log(`${signal}: shutting down`);
    scheduler.stop();
    app.jobs.stop();
    await rooms.close();
    await new Promise((r) => server.close(r));
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The bundle ships a migrated PGlite data directory; a new install starts from it. */
async function pgliteTemplate(): Promise<Blob | undefined> {
  const file = fileURLToPath(new URL('./pglite-template.tar.gz', import.meta.url));
  return existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}

/** In the bundle the migrations sit beside server.js; in development the db package finds its own. */
function bundledMigrations(): string | undefined {
  const beside = fileURLToPath(new URL('./migrations', import.meta.url));
  return process.env.MIGRATIONS_DIR ?? (existsSync(beside) ? beside : undefined);
}

/**
 * The assistant's background work: the 60 s probe; the daily snapshot + hourly precompute;
 * the weekly clan summaries (checked every 6 h; idempotent per clan and ISO week, so only
 * the first run after Monday 00:00 UTC writes, later runs retry what failed).
 */
function aiJobs(deps: AiApiDeps, clans: clanAi.ClanAiDeps['clans']): ScheduledJob[] {
  const { router, questions, snapshots, clanSummaries } = deps;
  return [
    { name: 'ai-health-probe', everyMs: 60 * 1000, run: probeAi(router) },
    {
      name: 'ai-hourly',
      everyMs: 60 * 60 * 1000,
      run: () => ai.runHourlyAiJobs({ ...router, questions, snapshots }),
    },
    {
      name: 'clan-weekly-summaries',
      everyMs: 6 * 60 * 60 * 1000,
      run: () => clanAi.runWeeklyClanSummaries({ ai: router, clans, summaries: clanSummaries }),
    },
  ];
}

/** The 60 s AI probe; logs a one-line summary, not every provider's latency. */
function probeAi(deps: ai.AiDeps) {
  return async () => {
    const results = await ai.probeHealth(deps);
    return Object.fromEntries(results.map((r) => [r.providerId, r.ok ? 'ok' : (r.error ?? 'down')]));
  };
}

function describe(applied: string[]): string {
  return applied.length ? `${applied.length} migration(s) applied` : 'migrations up to date';
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

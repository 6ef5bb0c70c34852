import { createApi } from './api/index';
import { composeWorker } from './compose';
import { readWorkerEnv, type WorkerEnv } from './env';
import { runScheduledJobs } from './scheduled';

/**
 * The Cloudflare Worker: the v1 API on `fetch`, core jobs on Cron Triggers. Deps are
 * composed per request (see composeWorker); the database closes after the response.
 */
export default {
  async fetch(request, env, ctx) {
    const config = readEnvOrLog(env);
    if (!config) return misconfigured();
    const { db, deps } = composeWorker(config);
    try {
      return await createApi(deps).fetch(request);
    } finally {
      ctx.waitUntil(db.close());
    }
  },
  async scheduled(controller, env) {
    const config = readEnvOrLog(env);
    if (!config) throw new Error('Invalid Worker environment; see the logged error');
    await runScheduledJobs(config, controller.cron);
  },
} satisfies ExportedHandler<Record<string, unknown>>;

function readEnvOrLog(env: Record<string, unknown>): WorkerEnv | null {
  try {
    return readWorkerEnv(env);
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', event: 'worker.misconfigured', message: String(error) }));
    return null;
  }
}

/** Same problem+json shape as the API, so clients never see an HTML error page. */
function misconfigured(): Response {
  const requestId = crypto.randomUUID();
  const body = {
    type: 'https://clantrader.app/problems/internal.error',
    title: 'Internal error',
    status: 500,
    detail: 'The service is misconfigured.',
    code: 'internal.error',
    requestId,
  };
  return new Response(JSON.stringify(body), {
    status: 500,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId },
  });
}

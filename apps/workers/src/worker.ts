import { isDomainError, processStatement, StatementJobSchema } from '@clantrader/core';
import { createApi } from './api/index';
import { readWorkerBindings, type WorkerBindings } from './bindings';
import { composeWorker, logJson } from './compose';
import { readWorkerEnv, type WorkerEnv } from './env';
import { runScheduledJobs } from './scheduled';

/**
 * The Cloudflare Worker: the v1 API on `fetch`, statement processing on `queue`
 * (STATEMENT_JOBS), core jobs on Cron Triggers. Deps are composed per invocation (see
 * composeWorker); the database closes after the response or the batch.
 */
export default {
  async fetch(request, env, ctx) {
    const config = readEnvOrLog(env);
    if (!config) return misconfigured();
    const { db, deps } = composeWorker(config.env, config.bindings);
    try {
      return await createApi(deps).fetch(request);
    } finally {
      ctx.waitUntil(db.close());
    }
  },
  async queue(batch, env) {
    const config = readEnvOrLog(env);
    if (!config) throw new Error('Invalid Worker environment; see the logged error');
    const { db, deps } = composeWorker(config.env, config.bindings);
    try {
      for (const message of batch.messages) {
        const job = StatementJobSchema.safeParse(message.body);
        if (!job.success) {
          logJson({ level: 'error', event: 'queue.bad_message', id: message.id });
          message.ack();
          continue;
        }
        try {
          const result = await processStatement(deps.statements, job.data);
          logJson({ level: 'info', event: 'statement.processed', statementId: job.data.statementId, ...result });
          message.ack();
        } catch (error) {
          const gone = isDomainError(error) && error.code === 'statement.not_found';
          logJson({
            level: gone ? 'warn' : 'error',
            event: 'statement.process_failed',
            statementId: job.data.statementId,
            error: String(error),
          });
          if (gone) message.ack();
          else message.retry({ delaySeconds: Math.min(300, 10 * 2 ** message.attempts) });
        }
      }
    } finally {
      await db.close();
    }
  },
  async scheduled(controller, env) {
    const config = readEnvOrLog(env);
    if (!config) throw new Error('Invalid Worker environment; see the logged error');
    await runScheduledJobs(config.env, config.bindings, controller.cron);
  },
} satisfies ExportedHandler<Record<string, unknown>>;

function readEnvOrLog(env: Record<string, unknown>): { env: WorkerEnv; bindings: WorkerBindings } | null {
  try {
    return { env: readWorkerEnv(env), bindings: readWorkerBindings(env) };
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

import type { JobQueue, StatementJob } from '@clantrader/core';

/**
 * The edge JobQueue: a Cloudflare Queues producer (binding `STATEMENT_JOBS`). The consumer
 * is the Worker's `queue()` handler; delivery is at least once, which processStatement
 * tolerates.
 */
export function createCloudflareJobQueue(queue: Queue<StatementJob>): JobQueue {
  return {
    async enqueue(job) {
      await queue.send(job, { contentType: 'json' });
    },
  };
}

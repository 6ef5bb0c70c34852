import type { JobQueue, StatementJob } from '@clantrader/core';
import type { LogEntry } from '../api/index';

/**
 * Runs each job before `enqueue` returns: no background at all. For tests and tools that
 * want the outcome immediately. A failing job is logged, not thrown: the upload has been
 * stored and stays `pending`, exactly as if a real queue had not got to it yet.
 */
export function createInlineJobQueue(
  run: (job: StatementJob) => Promise<unknown>,
  log: (entry: LogEntry) => void = () => undefined,
): JobQueue {
  return {
    async enqueue(job) {
      try {
        await run(job);
      } catch (error) {
        log({ level: 'error', event: 'job.failed', job: job.type, statementId: job.statementId, error: String(error) });
      }
    },
  };
}

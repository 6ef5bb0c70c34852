import type { JobQueue, StatementJob } from '@clantrader/core';

export type LocalJobQueueOptions = {
  /** Processes one job; a throw means "try again later". */
  run: (job: StatementJob) => Promise<unknown>;
  log?: (line: string) => void;
  /** Attempts per job, including the first. */
  maxAttempts?: number;
  /** Delay before retry n (1-based); default 1 s, 4 s, 16 s, ... */
  backoffMs?: (attempt: number) => number;
  /** Jobs processed at once. */
  concurrency?: number;
};

/**
 * The on-prem JobQueue: in process, no broker. `enqueue` returns at once and the job runs
 * after the current request has been answered, with retries and backoff. Jobs live in
 * memory: a restart drops queued jobs, leaving their statements `pending` (processing is
 * idempotent, so they can simply be queued again). `drain()` waits until idle (tests,
 * graceful shutdown).
 */
export function createLocalJobQueue(o: LocalJobQueueOptions): JobQueue & { drain(): Promise<void>; stop(): void } {
  const maxAttempts = o.maxAttempts ?? 5;
  const backoff = o.backoffMs ?? ((n: number) => 1000 * 4 ** (n - 1));
  const concurrency = o.concurrency ?? 2;
  const log = o.log ?? (() => undefined);
  const waiting: { job: StatementJob; attempt: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let stopped = false;
  let idle: (() => void)[] = [];

  const settleIfIdle = () => {
    if (active === 0 && waiting.length === 0 && timers.size === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };
  const pump = () => {
    while (!stopped && active < concurrency && waiting.length > 0) {
      const next = waiting.shift();
      if (next) void runOne(next);
    }
    settleIfIdle();
  };
  const runOne = async ({ job, attempt }: { job: StatementJob; attempt: number }) => {
    active += 1;
    try {
      await o.run(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= maxAttempts) {
        log(`job ${job.type} ${job.statementId} failed for good after ${attempt} attempts: ${message}`);
      } else {
        log(`job ${job.type} ${job.statementId} failed (attempt ${attempt}), retrying: ${message}`);
        const t = setTimeout(() => {
          timers.delete(t);
          waiting.push({ job, attempt: attempt + 1 });
          pump();
        }, backoff(attempt));
        t.unref();
        timers.add(t);
      }
    } finally {
      active -= 1;
      pump();
    }
  };

  return {
    async enqueue(job) {
      waiting.push({ job, attempt: 1 });
      // After the response: the request handler's promise settles before this runs.
      setImmediate(pump);
    },
    drain: () =>
      new Promise<void>((resolve) => {
        idle.push(resolve);
        setImmediate(settleIfIdle);
      }),
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

import type { StatementJob } from '@clantrader/core';

/** The Worker's non-string bindings (wrangler.toml), checked once per invocation. */
export type WorkerBindings = {
  blobs: R2Bucket;
  statementJobs: Queue<StatementJob>;
  /** Service binding to the party (rooms) worker, for evictions; absent where no rooms run. */
  rooms?: Fetcher;
};

/**
 * Reads the R2 bucket `BLOBS`, the queue producer `STATEMENT_JOBS` and the optional
 * service binding `ROOMS`.
 * @throws Error naming the missing binding (a wrangler.toml mistake, not a user error)
 */
export function readWorkerBindings(raw: Record<string, unknown>): WorkerBindings {
  const blobs = raw.BLOBS;
  const statementJobs = raw.STATEMENT_JOBS;
  if (!hasMethods(blobs, ['put', 'get'])) throw new Error('Missing R2 binding BLOBS');
  if (!hasMethods(statementJobs, ['send'])) throw new Error('Missing queue binding STATEMENT_JOBS');
  const rooms = hasMethods(raw.ROOMS, ['fetch']) ? { rooms: raw.ROOMS as Fetcher } : {};
  return { blobs: blobs as R2Bucket, statementJobs: statementJobs as Queue<StatementJob>, ...rooms };
}

function hasMethods(value: unknown, names: string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function')
  );
}

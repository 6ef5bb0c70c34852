import type { StatementJob } from '@clantrader/core';
import { describe, expect, it } from 'vitest';
import { createLocalJobQueue } from './job-queue.local';

const job = (n: number): StatementJob => ({
  type: 'statement.process',
  statementId: `00000000-0000-7000-8000-00000000000${n}`,
});

describe('createLocalJobQueue', () => {
  it('returns from enqueue before the job runs, then runs it', async () => {
    const ran: string[] = [];
    const queue = createLocalJobQueue({ run: async (j) => void ran.push(j.statementId) });
    await queue.enqueue(job(1));
    expect(ran).toEqual([]);
    await queue.drain();
    expect(ran).toEqual([job(1).statementId]);
  });

  it('retries a failing job with backoff and gives up after maxAttempts', async () => {
    let calls = 0;
    const lines: string[] = [];
    const queue = createLocalJobQueue({
      run: async () => {
        calls += 1;
        if (calls < 3) throw new Error('database busy');
      },
      backoffMs: () => 5,
      log: (l) => lines.push(l),
    });
    await queue.enqueue(job(2));
    await queue.drain();
    expect(calls).toBe(3);
    const failing = createLocalJobQueue({
      run: () => Promise.reject(new Error('always')),
      maxAttempts: 2,
      backoffMs: () => 5,
      log: (l) => lines.push(l),
    });
    await failing.enqueue(job(3));
    await failing.drain();
    expect(lines.at(-1)).toMatch(/failed for good after 2 attempts: always/);
  });
});

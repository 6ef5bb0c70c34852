/** A job the scheduler runs: idempotent, so overlapping servers or restarts are harmless. */
export type ScheduledJob = { name: string; everyMs: number; run(): Promise<unknown> };

/**
 * The on-prem stand-in for Cron Triggers: runs each job once at start and then every
 * `everyMs`, never two runs of one job at a time. Failures are logged, not fatal.
 */
export function startScheduler(jobs: ScheduledJob[], log: (line: string) => void): { stop(): void } {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        const result = await job.run();
        log(`job ${job.name} ok ${JSON.stringify(result)}`);
      } catch (e) {
        log(`job ${job.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        running = false;
      }
    };
    void tick();
    const t = setInterval(() => void tick(), job.everyMs);
    t.unref();
    timers.push(t);
  }
  return { stop: () => timers.forEach(clearInterval) };
}

import type { StatementJob } from '../statement-uploads/model';
import type { JobQueue } from '../statement-uploads/ports';

/** Records jobs; a test drains them when it wants the "background" work to happen. */
export class MemoryJobQueue implements JobQueue {
  readonly jobs: StatementJob[] = [];
  async enqueue(job: StatementJob) {
    this.jobs.push(job);
  }
  /** Removes and returns every queued job. */
  take(): StatementJob[] {
    return this.jobs.splice(0, this.jobs.length);
  }
}

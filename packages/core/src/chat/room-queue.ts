/**
 * One promise chain per room: tasks of a room run one at a time in arrival order, rooms
 * run independently. Every task that reads or writes messages goes through here, which
 * is what makes seq assignment, broadcast order and sync pages consistent.
 */
export class RoomQueues {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Resolves when the task has run (a failing task is reported, never rethrown). */
  run(room: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(room) ?? Promise.resolve();
    const next = previous.then(task).catch(this.onError);
    this.tails.set(room, next);
    void next.then(() => {
      if (this.tails.get(room) === next) this.tails.delete(room);
    });
    return next;
  }

  /** Resolves once every task queued so far, in every room, has run. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}

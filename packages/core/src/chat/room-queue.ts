/**
 * One promise chain per room: tasks of a room run one at a time in arrival order, rooms
 * run independently. Every task that reads or writes messages goes through here, which
 * is what makes seq assignment, broadcast order and sync pages consistent.
 *
 * A message send is pipelined (`pipeline`): its store call is started in queue order, and
 * the queue moves on at once instead of holding the room across the commit, so a busy
 * room's next message is not kept waiting for the previous one's write. What follows the
 * write (ack, broadcast) still runs in call order, after the write; and every other task
 * (`run`: welcome and sync, edits, pins, history) waits until the sends queued before it
 * have finished, so it reads what they stored and no sync page is cut in front of them.
 * This relies on the store keeping one room's appends in call order (ChatStore.append).
 */
export class RoomQueues {
  private readonly tails = new Map<string, Promise<void>>();
  /** Per room, the last pipelined send's finish (ack and broadcast). */
  private readonly sends = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Resolves when the task has run (a failing task is reported, never rethrown). */
  run(room: string, task: () => Promise<void>): Promise<void> {
    const sendsBefore = this.sends.get(room);
    return this.enqueue(room, async () => {
      await sendsBefore;
      await task();
    });
  }

  /**
   * Starts `write` in queue order and releases the queue; `then` gets its result (or
   * `failed` its error) after every send queued earlier in the room has finished.
   * Resolves when this send has finished.
   */
  pipeline<T>(
    room: string,
    write: () => Promise<T>,
    then: (value: T) => void | Promise<void>,
    failed: (error: unknown) => void,
  ): Promise<void> {
    const sendsBefore = this.sends.get(room) ?? Promise.resolve();
    let written: Promise<T> | undefined;
    const started = this.enqueue(room, () => {
      try {
        written = write();
      } catch (error) {
        written = Promise.reject(error);
      }
      return Promise.resolve();
    });
    const finished = started
      .then(() => written as Promise<T>)
      .then(
        async (value) => {
          await sendsBefore;
          await then(value);
        },
        async (error: unknown) => {
          await sendsBefore;
          failed(error);
        },
      )
      .catch(this.onError);
    this.sends.set(room, finished);
    void finished.then(() => {
      if (this.sends.get(room) === finished) this.sends.delete(room);
    });
    return finished;
  }

  /** Resolves once every task and send queued so far, in every room, has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0 || this.sends.size > 0)
      await Promise.all([...this.tails.values(), ...this.sends.values()]);
  }

  private enqueue(room: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(room) ?? Promise.resolve();
    const next = previous.then(task).catch(this.onError);
    this.tails.set(room, next);
    void next.then(() => {
      if (this.tails.get(room) === next) this.tails.delete(room);
    });
    return next;
  }
}

/** What a batch write answers for each of its items, in order. */
export type ItemOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type GroupCommitOptions<T> = {
  /** Items per write at most. */
  maxBatch: number;
  /** Writes running at once (default 1); two batches never hold items of one group. */
  maxInFlight?: number;
  /** The ordering group of an item (a room): its items are written in arrival order. */
  groupOf?: (item: T) => string;
};

type Waiting<T, R> = { item: T; group: string; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Group commit: items that arrive while the writes in flight run wait and go together in
 * the next write (at most `maxBatch` per write, at most `maxInFlight` writes at once). A
 * free slot writes an arriving item at once, so a quiet store pays no extra latency. An
 * item whose group is in a running write waits for it (and so do the later items of that
 * group), so a group's items are written, and settle, in arrival order. Each caller's
 * promise settles with its own item's outcome after the write that held it finished.
 * A `write` that throws fails every item of that batch (it should answer per item).
 */
export function createGroupCommit<T, R>(
  write: (items: readonly T[]) => Promise<ItemOutcome<R>[]>,
  options: GroupCommitOptions<T>,
): (item: T) => Promise<R> {
  const { maxBatch, maxInFlight = 1, groupOf = () => '' } = options;
  let queue: Waiting<T, R>[] = [];
  const busy = new Set<string>();
  let inFlight = 0;

  const run = async (batch: Waiting<T, R>[]) => {
    let outcomes: ItemOutcome<R>[];
    try {
      outcomes = await write(batch.map((w) => w.item));
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('group commit: no outcome for an item') };
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Waiting<T, R>[] = [];
      const rest: Waiting<T, R>[] = [];
      const held = new Set<string>();
      for (const w of queue) {
        if (batch.length < maxBatch && !busy.has(w.group) && !held.has(w.group)) batch.push(w);
        else {
          held.add(w.group);
          rest.push(w);
        }
      }
      if (batch.length === 0) return;
      queue = rest;
      const groups = new Set(batch.map((w) => w.group));
      for (const g of groups) busy.add(g);
      inFlight += 1;
      void run(batch).finally(() => {
        inFlight -= 1;
        for (const g of groups) busy.delete(g);
        pump();
      });
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, group: groupOf(item), resolve, reject });
      pump();
    });
}

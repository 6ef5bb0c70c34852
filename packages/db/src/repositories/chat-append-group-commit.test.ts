import { describe, expect, it } from 'vitest';
import { createGroupCommit, type ItemOutcome } from './chat-append-group-commit';

/** A write whose batches are recorded and finish only when `finish()` is called. */
function heldWrite() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: readonly number[]) =>
    new Promise<ItemOutcome<string>[]>((resolve) => {
      batches.push([...items]);
      pending.push(() =>
        resolve(items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: `v${n}` }))),
      );
    });
  const finish = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { batches, write, finish };
}

describe('createGroupCommit', () => {
  it('writes a lone item at once and groups the items that arrive during a write', async () => {
    const { batches, write, finish } = heldWrite();
    const append = createGroupCommit(write, { maxBatch: 100 });
    const results = [append(1), append(2), append(3), append(4)];
    expect(batches).toEqual([[1]]);
    await finish();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await finish();
    expect(await Promise.all(results)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('settles each caller only after the write holding its item has finished', async () => {
    const { write, finish } = heldWrite();
    const append = createGroupCommit(write, { maxBatch: 100 });
    let settled = 0;
    const results = [append(1), append(2)].map((p) => p.then(() => (settled += 1)));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(0);
    await finish();
    expect(settled).toBe(1);
    await finish();
    await Promise.all(results);
    expect(settled).toBe(2);
  });

  it('caps a batch at maxBatch items, keeping arrival order', async () => {
    const { batches, write, finish } = heldWrite();
    const append = createGroupCommit(write, { maxBatch: 2 });
    const results = [1, 2, 3, 4, 5, 6].map((n) => append(n));
    for (let i = 0; i < 4; i++) await finish();
    expect(batches).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(await Promise.all(results)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6']);
  });

  it('rejects only the callers whose items failed, and all of a batch whose write threw', async () => {
    const { write, finish } = heldWrite();
    const append = createGroupCommit(write, { maxBatch: 100 });
    const settled = Promise.allSettled([append(1), append(-2), append(3)]);
    await finish();
    await finish();
    expect(await settled).toMatchObject([
      { status: 'fulfilled', value: 'v1' },
      { status: 'rejected', reason: { message: 'bad -2' } },
      { status: 'fulfilled', value: 'v3' },
    ]);

    const throwing = createGroupCommit<number, string>(() => Promise.reject(new Error('down')), { maxBatch: 100 });
    await expect(Promise.allSettled([throwing(1), throwing(2)])).resolves.toMatchObject([
      { status: 'rejected', reason: { message: 'down' } },
      { status: 'rejected', reason: { message: 'down' } },
    ]);
    // It keeps serving after a failed write.
    const after = createGroupCommit(write, { maxBatch: 100 })(7);
    await finish();
    await expect(after).resolves.toBe('v7');
  });

  it('runs up to maxInFlight writes at once, never two holding one group, a group in arrival order', async () => {
    const { batches, write, finish } = heldWrite();
    const append = createGroupCommit(write, { maxBatch: 100, maxInFlight: 2, groupOf: (n) => String(n % 10) });
    // Groups: 1 → 1, 11, 21; 2 → 2, 12; 3 → 3.
    const results = [1, 11, 2, 21, 3, 12].map((n) => append(n));
    expect(batches).toEqual([[1], [2]]);
    await finish();
    // The first write finished: group 1 is free, group 2 is still in the second write.
    expect(batches).toEqual([[1], [2], [11, 21, 3]]);
    await finish();
    expect(batches).toEqual([[1], [2], [11, 21, 3], [12]]);
    await finish();
    await finish();
    expect(await Promise.all(results)).toEqual(['v1', 'v11', 'v2', 'v21', 'v3', 'v12']);
  });
});

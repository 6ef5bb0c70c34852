import { randomUUID } from 'node:crypto';
import type { ChatStore } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { batchAppendSql } from './chat-append-batch';
import { createChatStore } from './chat-store';
import { rowsOf } from './season-sql';

const AT = new Date('2026-11-21T10:00:00Z');

/** The database with its `execute` calls counted: every append statement goes through it. */
function countingExecute(db: Database): { db: Database; statements: () => number } {
  let count = 0;
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return (...args: Parameters<Database['execute']>) => {
        count += 1;
        return target.execute(...args);
      };
    },
  });
  return { db: counted, statements: () => count };
}

describe.each(testDatabases())('chat store group commit on $name', (database) => {
  let handle: DbHandle;
  let ali: string;
  let sara: string;

  const append = (store: ChatStore, room: string, clientId: string, authorId = ali, text = `text ${clientId}`) =>
    store.append({ party: 'clan', room, id: randomUUID(), authorId, clientId, text, createdAt: AT });
  const seqsOf = async (store: ChatStore, room: string) =>
    (await store.listAfter({ party: 'clan', room, afterSeq: 0, limit: 1000 })).map((m) => [m.seq, m.clientId]);

  beforeAll(async () => {
    handle = await database.open();
    const accounts = createAccountStore(handle.db);
    const [first, second] = [1, 2].map((n) => newAccount(n, { handle: `batch_user_${n}` }));
    if (!first || !second) throw new Error('fixtures');
    await accounts.createAccount(first);
    await accounts.createAccount(second);
    [ali, sara] = [first.user.id, second.user.id];
  });
  afterAll(() => handle.close());

  it('stores the appends of many rooms that arrive during a write in one statement', async () => {
    const { db, statements } = countingExecute(handle.db);
    const store = createChatStore(db);
    const rooms = Array.from({ length: 50 }, () => randomUUID());
    const results = await Promise.all(rooms.map((room, i) => append(store, room, `m${i}`)));
    // The first two appends find a free writer each and are written alone; the 48 others
    // wait for them and go together.
    expect(statements()).toBe(3);
    expect(results.map((r) => [r.created, r.message.seq, r.message.room])).toEqual(
      rooms.map((room) => [true, 1, room]),
    );
    expect(results[7]?.message).toMatchObject({ clientId: 'm7', text: 'text m7', authorHandle: 'batch_user_1' });
    expect(await seqsOf(store, rooms[7] as string)).toEqual([[1, 'm7']]);
  });

  it('gives two appends of one room in one batch consecutive seqs in arrival order', async () => {
    const { db, statements } = countingExecute(handle.db);
    const store = createChatStore(db);
    const room = randomUUID();
    await append(store, room, 'first');
    const before = statements();
    const [, , ...same] = await Promise.all([
      append(store, randomUUID(), 'elsewhere'),
      append(store, randomUUID(), 'elsewhere'),
      append(store, room, 'x', sara),
      append(store, room, 'y'),
      append(store, room, 'z', sara),
    ]);
    expect(statements() - before).toBe(3);
    expect(same.map((r) => [r.message.clientId, r.message.seq, r.created])).toEqual([
      ['x', 2, true],
      ['y', 3, true],
      ['z', 4, true],
    ]);
    expect(await seqsOf(store, room)).toEqual([
      [1, 'first'],
      [2, 'x'],
      [3, 'y'],
      [4, 'z'],
    ]);
  });

  it('answers a re-sent clientId inside a batch with the stored message, without a gap', async () => {
    const { db, statements } = countingExecute(handle.db);
    const store = createChatStore(db);
    const room = randomUUID();
    const first = await append(store, room, 'a');
    const before = statements();
    const [, , again, b, bAgain, c] = await Promise.all([
      append(store, randomUUID(), 'elsewhere'),
      append(store, randomUUID(), 'elsewhere'),
      append(store, room, 'a'),
      append(store, room, 'b'),
      append(store, room, 'b'),
      append(store, room, 'c'),
    ]);
    expect(statements() - before).toBe(3);
    expect(again).toEqual({ created: false, message: first.message });
    expect(b).toMatchObject({ created: true, message: { seq: 2, clientId: 'b' } });
    expect(bAgain).toEqual({ created: false, message: b?.message });
    expect(c).toMatchObject({ created: true, message: { seq: 3 } });
    expect(await seqsOf(store, room)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('fails only the bad row of a batch; the others are stored', async () => {
    const store = createChatStore(handle.db);
    const room = randomUUID();
    const settled = await Promise.allSettled([
      append(store, randomUUID(), 'occupies a writer'),
      append(store, randomUUID(), 'occupies the other writer'),
      append(store, room, 'ok1'),
      append(store, room, 'too long', ali, 'x'.repeat(5000)),
      append(store, room, 'ok2'),
      append(store, randomUUID(), 'other room'),
    ]);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await seqsOf(store, room)).toEqual([
      [1, 'ok1'],
      [2, 'ok2'],
    ]);
  });

  it('keeps seqs gap-free and loses nothing when a second store races for the same rooms', async () => {
    const one = createChatStore(handle.db);
    const two = createChatStore(handle.db);
    const rooms = Array.from({ length: 4 }, () => randomUUID());
    const burst = (store: ChatStore, tag: string) =>
      Promise.all(Array.from({ length: 60 }, (_, i) => append(store, rooms[i % rooms.length] as string, `${tag}${i}`)));
    const [fromOne, fromTwo] = await Promise.all([burst(one, 'one-'), burst(two, 'two-')]);
    expect([...fromOne, ...fromTwo].every((r) => r.created)).toBe(true);
    for (const room of rooms) {
      const stored = await seqsOf(one, room);
      expect(stored.map(([seq]) => seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      for (const [results, tag] of [
        [fromOne, 'one-'],
        [fromTwo, 'two-'],
      ] as const) {
        // Each store's messages of a room are stored in the order it appended them.
        const own = results.filter((r) => r.message.room === room).map((r) => r.message.seq);
        expect(own).toEqual([...own].sort((x, y) => x - y));
        expect(stored.filter(([, clientId]) => String(clientId).startsWith(tag))).toHaveLength(15);
      }
    }
  });

  it('reads chat_messages and profiles per row by index, never by scanning them', async () => {
    // A young table (no ANALYZE) with enough rows that hashing it is a real cost: the planner
    // guesses 100 input rows, and a join on them scanned both tables on every batch.
    await handle.db.execute(sql`insert into users (id, email, password_hash, created_at)
      select gen_random_uuid(), 'plan-' || g || '@example.test', 'x', now() from generate_series(1, 3000) g`);
    await handle.db.execute(sql`insert into profiles (user_id, handle, display_name, preferred_pairs, updated_at)
      select id, 'plan_' || substr(replace(id::text, '-', ''), 1, 20), 'Plan', '{}', now() from users
      where email like 'plan-%'`);
    await handle.db.execute(sql`insert into chat_messages (id, party, room, seq, author_id, client_id, text, created_at)
      select gen_random_uuid(), 'clan', 'plan-room-' || (g % 300), g, ${ali}, 'plan-' || g, 'hello', now()
      from generate_series(1, 3000) g`);
    const rows = Array.from({ length: 8 }, (_, i) => ({
      id: randomUUID(),
      party: 'clan',
      room: `plan-room-${i}`,
      authorId: i % 2 ? ali : sara,
      clientId: `plan-new-${i}`,
      text: 'new',
      createdAt: AT,
      ai: null,
    }));
    const [explained] = rowsOf<Record<string, unknown>>(
      await handle.db.execute(sql`explain (format json) ${batchAppendSql(rows)}`),
    );
    const scans: string[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (node['Node Type'] === 'Seq Scan') scans.push(String(node['Relation Name']));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    const plan = Object.values(explained ?? {})[0] as [{ Plan: Record<string, unknown> }] | string;
    walk((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
    expect(scans.filter((table) => table === 'chat_messages' || table === 'profiles')).toEqual([]);
  });
});

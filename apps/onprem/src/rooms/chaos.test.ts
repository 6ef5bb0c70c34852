import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createHmacTicketSigner, createUuidV7, systemClock } from '@clantrader/adapters';
import type { ChatMessage, ChatStore } from '@clantrader/core';
import { prng } from '@clantrader/core/testing';
import { createChatStore, type DbHandle } from '@clantrader/db';
import { testDatabases } from '@clantrader/db/testing';
import { describe, expect, it } from 'vitest';
import { attachRoomServer } from './attach-room-server';
import { ChaosClient } from './chaos-client';

/**
 * The chaos test of issue 4 (docs/chat.md, "Load and chaos"): ROOMS rooms with MEMBERS
 * clients each send 10,000 messages in total through the real on-prem room server (core
 * hub, `ws`, the PostgreSQL chat store) while a driver drops clients at random — half by
 * terminating the TCP connection, half by a clean close. Each client reconnects with a
 * fresh ticket and `since` = its last seq, and re-sends its unacked messages with the same
 * clientId. At the end, every client's view of its room must be exactly the stored
 * sequence (no loss, no duplicate, seq 1..N in order) and every message exactly once.
 * CHAOS_SEED overrides the seed; CHAOS_RESUME=hello resumes with a `hello` frame instead
 * of the URL's `since`.
 */
const SEED = Number(process.env.CHAOS_SEED ?? 4_2026);
const ROOMS = 5;
const MEMBERS = 4;
const TOTAL = 10_000;
const PER_CLIENT = TOTAL / (ROOMS * MEMBERS);
const WINDOW = 4;
/** Users are members of two rooms each, so one user holds two sockets. */
const USERS = (ROOMS * MEMBERS) / 2;
/** A drop after every DROP_MIN_GAP + [0, DROP_GAP_SPREAD) acked messages. */
const DROP_MIN_GAP = 5;
const DROP_GAP_SPREAD = 40;
const RESUME = process.env.CHAOS_RESUME === 'hello' ? 'hello' : 'url';
/** No ack for this long fails the test with what the clients saw, not a bare vitest timeout. */
const STALL_MS = 20_000;
const SECRET = 'chaos-test-ticket-secret-0123456789abcdef';

async function createUsers(handle: DbHandle, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  const now = new Date().toISOString();
  const values = (f: (id: string, i: number) => string) => ids.map(f).join(', ');
  await handle.db.execute(
    `insert into users (id, email, password_hash, created_at) values ${values(
      (id, i) => `('${id}', 'chaos${i}-${id.slice(0, 8)}@example.test', 'x', '${now}')`,
    )}`,
  );
  await handle.db.execute(
    `insert into profiles (user_id, handle, display_name, preferred_pairs, updated_at) values ${values(
      (id, i) => `('${id}', 'chaos_${i}_${id.slice(0, 8)}', 'Chaos ${i}', '{}', '${now}')`,
    )}`,
  );
  return ids;
}

async function startServer(store: ChatStore) {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const errors: unknown[] = [];
  const rooms = attachRoomServer(server, {
    tickets: createHmacTicketSigner(SECRET, systemClock),
    clock: systemClock,
    ids: createUuidV7(),
    store,
    // The chaos clients send far faster than people; flooding has its own tests.
    limits: { framesPerWindow: 1_000_000, messagesPerWindow: 1_000_000 },
    onError: (e: unknown) => errors.push(e),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    errors,
    async stop() {
      await rooms.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function allMessages(store: ChatStore, room: string): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  for (;;) {
    const page = await store.listAfter({ party: 'clan', room, afterSeq: out.at(-1)?.seq ?? 0, limit: 1000 });
    if (page.length === 0) return out;
    out.push(...page);
  }
}

/**
 * Polls until `check` holds. Fails with `explain()` when `failed` holds, or when `progress`
 * (a count that grows while the run moves) stood still for `stallMs`: a slow machine only
 * makes the run longer, a stuck client fails it.
 */
async function until(
  what: string,
  check: () => boolean,
  o: { stallMs: number; progress: () => number; explain: () => string; failed?: () => boolean },
): Promise<void> {
  let last = o.progress();
  let deadline = Date.now() + o.stallMs;
  while (!check()) {
    if (o.failed?.()) throw new Error(`gave up waiting for ${what}${o.explain()}`);
    const now = o.progress();
    if (now !== last) {
      last = now;
      deadline = Date.now() + o.stallMs;
    } else if (Date.now() > deadline) {
      throw new Error(`no progress for ${o.stallMs / 1000} s waiting for ${what}${o.explain()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(testDatabases())('chat chaos on $name', (database) => {
  it(`${TOTAL} messages in ${ROOMS} rooms while clients drop and reconnect: none lost, none duplicated, in order`, async () => {
    const random = prng(SEED);
    console.log(`chaos seed ${SEED} (override with CHAOS_SEED), resume via ${RESUME}, ${database.name}`);
    const handle = await database.open();
    const store = createChatStore(handle.db);
    const server = await startServer(store);
    const tickets = createHmacTicketSigner(SECRET, systemClock);
    const clients: ChaosClient[] = [];
    let driver: NodeJS.Timeout | undefined;
    try {
      const users = await createUsers(handle, USERS);
      const rooms = Array.from({ length: ROOMS }, () => randomUUID());
      for (let r = 0; r < ROOMS; r++) {
        for (let m = 0; m < MEMBERS; m++) {
          const index = clients.length;
          const userId = users[(r * MEMBERS + m) % USERS] as string;
          const room = rooms[r] as string;
          clients.push(
            new ChaosClient({
              index,
              userId,
              room,
              total: PER_CLIENT,
              window: WINDOW,
              resume: RESUME,
              reconnectDelay: () => Math.floor(random() * 30),
              url: async (since) => {
                const { ticket } = await tickets.issue({ userId, room, party: 'clan', role: 'member' });
                const resume = RESUME === 'url' ? `&since=${since}` : '';
                return `ws://127.0.0.1:${server.port}/parties/clan/${room}?ticket=${ticket}${resume}`;
              },
            }),
          );
        }
      }
      const started = performance.now();
      for (const c of clients) c.start();

      // The chaos: after every few acked messages (25 on average, so the number of drops
      // does not depend on the machine's speed) a random connected client goes away,
      // rudely (TCP reset) or politely (close frame), whatever it has in flight.
      let drops = 0;
      let nextDropAt = 0;
      driver = setInterval(() => {
        const acked = clients.reduce((sum, c) => sum + c.acked.size, 0);
        // A busy event loop (PGlite runs in it) can pass several thresholds between ticks.
        for (let burst = 0; acked >= nextDropAt && burst < 4; burst++) {
          nextDropAt += DROP_MIN_GAP + Math.floor(random() * DROP_GAP_SPREAD);
          const open = clients.filter((c) => c.droppable);
          const c = open[Math.floor(random() * open.length)];
          if (c?.drop(random() < 0.5 ? 'terminate' : 'close')) drops += 1;
        }
      }, 5);

      // A client that saw the guarantees broken fails the test at once; so does a stall.
      await until('every message to be acked', () => clients.every((c) => c.finished), {
        stallMs: STALL_MS,
        progress: () => clients.reduce((sum, c) => sum + c.acked.size, 0),
        explain: () => describeStuck(clients),
        failed: () => clients.some((c) => c.violations.length > 0),
      });
      clearInterval(driver);
      driver = undefined;
      const sent = performance.now();

      // Let everyone reconnect and catch up to the room's last message.
      const lastSeqs = new Map<string, number>();
      for (const room of rooms) lastSeqs.set(room, await store.lastSeq({ party: 'clan', room }));
      await until(
        'every client to catch up',
        () => clients.every((c) => c.live && c.lastSeq >= (lastSeqs.get(c.room) ?? 0)),
        {
          stallMs: STALL_MS,
          progress: () => clients.reduce((sum, c) => sum + c.lastSeq + c.stats.connects, 0),
          explain: () => describeStuck(clients),
        },
      );

      const stats = clients.reduce(
        (sum, c) => {
          for (const [k, v] of Object.entries(c.stats)) sum[k] = (sum[k] ?? 0) + v;
          return sum;
        },
        {} as Record<string, number>,
      );
      console.log(
        `chaos ${database.name}: ${TOTAL} messages in ${((sent - started) / 1000).toFixed(1)} s, ` +
          `${drops} drops (${stats.terminated} terminated, ${stats.closedCleanly} closed), ` +
          `${stats.connects} connects, ${stats.unackedAtDrop} unacked at a drop, ${stats.resends} re-sends, ` +
          `${stats.replayedAcks} replayed acks, ${stats.syncPages} sync pages (${stats.syncedMessages} messages)`,
      );

      // Nothing the guarantees rule out was ever seen, and the server logged no failure.
      expect(clients.flatMap((c) => c.violations)).toEqual([]);
      expect(server.errors).toEqual([]);
      expect(drops).toBeGreaterThan(TOTAL / 100);
      expect(stats.unackedAtDrop).toBeGreaterThan(0);

      const problems: string[] = [];
      let stored = 0;
      for (const room of rooms) {
        const messages = await allMessages(store, room);
        stored += messages.length;
        const members = clients.filter((c) => c.room === room);
        // Stored: seq 1..N with no gap, and each (author, clientId) exactly once.
        messages.forEach((m, i) => {
          if (m.seq !== i + 1) problems.push(`room ${room}: position ${i} holds seq ${m.seq}`);
        });
        const byKey = new Map(messages.map((m) => [`${m.authorId}/${m.clientId}`, m]));
        if (byKey.size !== messages.length) problems.push(`room ${room}: a clientId is stored twice`);
        if (messages.length !== members.length * PER_CLIENT) {
          problems.push(`room ${room}: ${messages.length} stored, ${members.length * PER_CLIENT} sent`);
        }
        const storedLine = messages.map((m) => `${m.seq}:${m.id}`).join(' ');
        for (const c of members) {
          // Every message the client sent is stored once, and its ack names that message.
          for (let n = 0; n < PER_CLIENT; n++) {
            const m = byKey.get(`${c.userId}/${c.clientId(n)}`);
            if (!m) problems.push(`${c.label}: ${c.clientId(n)} lost`);
            else if (c.acked.get(c.clientId(n))?.id !== m.id) problems.push(`${c.label}: ack of ${c.clientId(n)}`);
            else if (m.text !== c.text(n)) problems.push(`${c.label}: ${c.clientId(n)} stored as "${m.text}"`);
          }
          // The client's view is exactly the stored sequence.
          if (c.view.map((m) => `${m.seq}:${m.id}`).join(' ') !== storedLine) {
            problems.push(`${c.label}: view of ${c.view.length} differs from the ${messages.length} stored`);
          }
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect(stored).toBe(TOTAL);
    } finally {
      if (driver) clearInterval(driver);
      await Promise.all(clients.map((c) => c.stop()));
      await server.stop();
      await handle.close();
    }
  }, 240_000);
});

function describeStuck(clients: ChaosClient[]): string {
  const stuck = clients.filter((c) => !c.finished || !c.live);
  const lines = stuck
    .slice(0, 5)
    .map((c) => `\n  ${c.label}: live=${c.live} lastSeq=${c.lastSeq} acked=${c.acked.size}`);
  return `: ${stuck.length} clients stuck${lines.join('')}\n  violations: ${clients
    .flatMap((c) => c.violations)
    .slice(0, 10)
    .join('\n  ')}`;
}

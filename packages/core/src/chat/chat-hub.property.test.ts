import { describe, expect, it } from 'vitest';
import { FakeTicketSigner, ManualClock, MemoryChatStore, SequentialIds } from '../testing';
import { createRoomHub } from './chat-hub';
import type { RoomSink } from './room-output';
import type { ServerFrame } from './protocol';

const ROOM = 'clan-1';

/** Deterministic pseudo-random numbers (LCG), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Connection = { user: string; expected: number; live: boolean };
type Client = { user: string; conn: string | null; seen: Set<number>; sent: string[] };

/**
 * Many users send, re-send and reconnect (with `since` = what they have seen) while the
 * store answers after a varying number of event-loop turns. Every connection must see
 * seqs strictly one after another (sync pages, then live messages and its own acks), and
 * in the end every client has every message once, with 1..N stored without gaps.
 */
async function simulate(seed: number) {
  const rand = random(seed);
  const clock = new ManualClock();
  const tickets = new FakeTicketSigner(clock, 3600);
  const store = new MemoryChatStore((call) => (call * 7 + seed) % 5);
  const connections = new Map<string, Connection>();
  const failures: string[] = [];
  const pending: Promise<void>[] = [];
  let syncPages = 0;
  const sink: RoomSink = {
    send: (id, text) => onFrame(id, JSON.parse(text) as ServerFrame),
    close: (id, code) => failures.push(`${id} closed with ${code}`),
  };
  const hub = createRoomHub({
    party: 'clan',
    tickets,
    clock,
    ids: new SequentialIds(),
    sink,
    store,
    limits: { framesPerWindow: 1e9, messagesPerWindow: 1e9 },
    onError: (e) => failures.push(String(e)),
  });
  const clients: Client[] = ['ali', 'sara', 'reza', 'mina'].map((user) => ({
    user,
    conn: null,
    seen: new Set<number>(),
    sent: [],
  }));
  const contiguous = (client: Client) => {
    let k = 0;
    while (client.seen.has(k + 1)) k++;
    return k;
  };
  const receive = (connection: Connection, id: string, seq: number, what: string) => {
    const client = clients.find((c) => c.user === connection.user);
    if (seq === connection.expected) connection.expected += 1;
    else if (!(what === 'ack' && seq < connection.expected)) {
      failures.push(`${id} got ${what} ${seq}, expected ${connection.expected}`);
    }
    client?.seen.add(seq);
  };
  function onFrame(id: string, frame: ServerFrame) {
    const connection = connections.get(id);
    if (!connection) return;
    if (frame.type === 'sync') {
      for (const m of frame.messages) receive(connection, id, m.seq, 'sync');
      if (frame.complete) connection.live = true;
      else {
        syncPages += 1;
        pending.push(
          hub.receive({ connectionId: id, data: JSON.stringify({ type: 'hello', since: connection.expected - 1 }) }),
        );
      }
    } else if (frame.type === 'message') {
      if (!connection.live) failures.push(`${id} got a live message while syncing`);
      receive(connection, id, frame.message.seq, 'message');
    } else if (frame.type === 'ack') receive(connection, id, frame.message.seq, 'ack');
  }
  let nextConn = 0;
  // A closed socket receives nothing more, whatever the hub still meant to send it.
  const disconnect = (client: Client) => {
    if (!client.conn) return;
    hub.leave(client.conn);
    connections.delete(client.conn);
    client.conn = null;
  };
  const connect = (client: Client) => {
    disconnect(client);
    const id = `c${nextConn++}`;
    const since = contiguous(client);
    client.conn = id;
    connections.set(id, { user: client.user, expected: since + 1, live: false });
    pending.push(
      tickets
        .issue({ userId: client.user, room: ROOM, party: 'clan', role: 'member' })
        .then(async ({ ticket }) =>
          hub.open({ connectionId: id, admission: await hub.admit({ room: ROOM, ticket }), since }),
        ),
    );
  };
  clients.forEach(connect);
  for (let step = 0; step < 1500; step++) {
    const client = clients[Math.floor(rand() * clients.length)];
    if (!client) continue;
    const live = client.conn ? connections.get(client.conn)?.live : false;
    const roll = rand();
    if (!client.conn) {
      if (roll < 0.02) connect(client);
    } else if (roll < 0.01) disconnect(client);
    else if (roll < 0.05) connect(client);
    else if (live && roll < 0.2 && client.sent.length > 0) {
      const clientId = client.sent[Math.floor(rand() * client.sent.length)] ?? '';
      pending.push(
        hub.receive({ connectionId: client.conn, data: JSON.stringify({ type: 'send', clientId, text: 'again' }) }),
      );
    } else if (live) {
      const clientId = `${client.user}-${step}`;
      client.sent.push(clientId);
      pending.push(
        hub.receive({ connectionId: client.conn, data: JSON.stringify({ type: 'send', clientId, text: `m ${step}` }) }),
      );
    }
    const turns = Math.floor(rand() * 30);
    for (let t = 0; t < turns; t++) await Promise.resolve();
  }
  while (pending.length) await Promise.all(pending.splice(0));
  await hub.idle();
  clients.forEach(connect);
  while (pending.length) await Promise.all(pending.splice(0));
  await hub.idle();
  return { store, clients, failures, contiguous, pages: syncPages };
}

describe('room hub: ordering under interleaved sends and reconnects', () => {
  it.each([1, 2, 3, 42, 1234])('loses, duplicates and reorders nothing (seed %i)', async (seed) => {
    const { store, clients, failures, contiguous, pages } = await simulate(seed);
    expect(pages).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    const stored = store.all({ party: 'clan', room: ROOM });
    expect(stored.length).toBeGreaterThan(100);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    const keys = stored.map((m) => `${m.authorId}/${m.clientId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const client of clients) {
      expect(contiguous(client)).toBe(stored.length);
      expect(client.seen.size).toBe(stored.length);
    }
  });
});

import http from 'node:http';
import type { Duplex } from 'node:stream';
import { connect, type AddressInfo } from 'node:net';
import { createHmacTicketSigner, createUuidV7, systemClock } from '@clantrader/adapters';
import { createChatStore, type DbHandle } from '@clantrader/db';
import { testDatabases } from '@clantrader/db/testing';
import { describeRoomProtocol, testUserSql } from '@clantrader/party/protocol-suite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachRoomServer, matchPartyPath, type RoomServer } from './attach-room-server';
import { createLocalRoomControl } from './room-control';

const SECRET = 'onprem-test-auth-secret-0123456789abcdef';
const tickets = createHmacTicketSigner(SECRET, systemClock);

const ids = createUuidV7(systemClock);

async function startServer(opts: { heartbeatMs?: number; db?: DbHandle } = {}) {
  const server = http.createServer((_req, res) => res.writeHead(200).end('http ok'));
  const rooms = attachRoomServer(server, {
    tickets,
    clock: systemClock,
    ids,
    ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}),
    ...(opts.db ? { store: createChatStore(opts.db.db) } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    await rooms.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { server, rooms, port, stop };
}

// The shared suite against the real `ws` server on a loopback port, storing into PGlite
// (the on-prem default; the repository itself is also tested on PostgreSQL).
let base = '';
let db: DbHandle | undefined;
let sharedRooms: RoomServer | undefined;
let stopShared: () => Promise<void> = async () => {};
const roomControl = createLocalRoomControl();
beforeAll(async () => {
  const pglite = testDatabases().find((d) => d.name === 'pglite');
  db = await pglite?.open();
  const s = await startServer({ ...(db ? { db } : {}) });
  base = `ws://127.0.0.1:${s.port}`;
  sharedRooms = s.rooms;
  roomControl.attach(s.rooms);
  stopShared = async () => {
    await s.stop();
    await db?.close();
  };
}, 60_000);
afterAll(() => stopShared());
describeRoomProtocol('on-prem ws server', {
  baseUrl: () => base,
  secret: SECRET,
  async createUser() {
    const id = crypto.randomUUID();
    for (const statement of testUserSql(id)) await db?.db.execute(statement);
    return id;
  },
  // The on-prem eviction path: the API's RoomControl calls the room server in process.
  evict: (input) => roomControl.evict(input),
});

describe('attachRoomServer', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => (s = await startServer({ heartbeatMs: 100 })));
  afterAll(() => s.stop());

  const ticketUrl = async (room: string, userId: string) =>
    `ws://127.0.0.1:${s.port}/parties/lobby/${room}?ticket=${(await tickets.issue({ userId, room })).ticket}`;

  it('refuses upgrades outside /parties with 404 and keeps serving HTTP', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${s.port}/elsewhere`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(404);
    expect(await (await fetch(`http://127.0.0.1:${s.port}/`)).text()).toBe('http ok');
  });

  it('leaves other upgrade paths to another upgrade listener', async () => {
    const other = (_req: http.IncomingMessage, socket: Duplex) =>
      socket.end('HTTP/1.1 418 Teapot\r\nContent-Length: 0\r\n\r\n');
    s.server.on('upgrade', other);
    try {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${s.port}/elsewhere`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => undefined);
      });
      expect(status).toBe(418);
    } finally {
      s.server.off('upgrade', other);
    }
  });

  it('terminates a socket that stops answering pings and announces that it left', async () => {
    const room = `room-${crypto.randomUUID()}`;
    const watcher = new WebSocket(await ticketUrl(room, 'ali'));
    const frames: unknown[] = [];
    watcher.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((resolve) => watcher.once('open', resolve));
    // A raw TCP client that completes the handshake and then ignores every ping.
    const url = new URL(await ticketUrl(room, 'ghost'));
    const path = url.pathname + url.search;
    const raw = connect(s.port, '127.0.0.1');
    raw.write(
      `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    raw.on('data', () => undefined);
    const rawClosed = new Promise((resolve) => raw.once('close', resolve));
    await expect
      .poll(() => frames, { timeout: 3000 })
      .toContainEqual({ type: 'presence', userId: 'ghost', state: 'joined' });
    await expect
      .poll(() => frames, { timeout: 3000 })
      .toContainEqual({ type: 'presence', userId: 'ghost', state: 'left' });
    await rawClosed;
    watcher.close();
  });

  it('serves only the lobby without a chat store', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${s.port}/parties/clan/${crypto.randomUUID()}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(400);
    expect(sharedRooms?.evict({ party: 'no-such-party', room: 'r', userId: 'u', reason: 'removed' })).toBe(0);
  });

  it('closes open sockets with 1001 when closed', async () => {
    const own = await startServer();
    const room = `room-${crypto.randomUUID()}`;
    const ws = new WebSocket(
      `ws://127.0.0.1:${own.port}/parties/lobby/${room}?ticket=${(await tickets.issue({ userId: 'ali', room })).ticket}`,
    );
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    await own.stop();
    expect(await closed).toBe(1001);
  });
});

describe('matchPartyPath', () => {
  it('splits the path like partyserver and reads the ticket', () => {
    expect(matchPartyPath('/parties/lobby/clan-1?ticket=a.b')).toEqual({
      party: 'lobby',
      room: 'clan-1',
      ticket: 'a.b',
    });
    expect(matchPartyPath('/parties/lobby/clan-1/extra')).toMatchObject({ room: 'clan-1', ticket: null });
    expect(matchPartyPath('/parties/clan/c?ticket=t&since=42')).toEqual({
      party: 'clan',
      room: 'c',
      ticket: 't',
      since: 42,
    });
    expect(matchPartyPath('/parties/clan/c?since=-1')).not.toHaveProperty('since');
    expect(matchPartyPath('/parties/lobby')).toBeNull();
    expect(matchPartyPath('/api/parties/lobby/x')).toBeNull();
  });
});

import http from 'node:http';
import type { Duplex } from 'node:stream';
import { connect, type AddressInfo } from 'node:net';
import { createHmacTicketSigner, systemClock } from '@clantrader/adapters';
import { describeRoomProtocol } from '@clantrader/party/protocol-suite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachRoomServer, matchPartyPath } from './attach-room-server';

const SECRET = 'onprem-test-auth-secret-0123456789abcdef';
const tickets = createHmacTicketSigner(SECRET, systemClock);

async function startServer(heartbeatMs?: number) {
  const server = http.createServer((_req, res) => res.writeHead(200).end('http ok'));
  const rooms = attachRoomServer(server, { tickets, clock: systemClock, heartbeatMs });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = async () => {
    await rooms.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { server, rooms, port, stop };
}

// The shared suite against the real `ws` server on a loopback port.
let base = '';
let stopShared: () => Promise<void> = async () => {};
beforeAll(async () => {
  const s = await startServer();
  base = `ws://127.0.0.1:${s.port}`;
  stopShared = s.stop;
});
afterAll(() => stopShared());
describeRoomProtocol('on-prem ws server', { baseUrl: () => base, secret: SECRET });

describe('attachRoomServer', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => (s = await startServer(100)));
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
    expect(matchPartyPath('/parties/lobby')).toBeNull();
    expect(matchPartyPath('/api/parties/lobby/x')).toBeNull();
  });
});

import { createHmacTicketSigner } from '@clantrader/adapters';
import { DEFAULT_ROOM_LIMITS, MAX_FRAME_BYTES, type Clock } from '@clantrader/core';
import { PartySocket } from 'partysocket';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeChatProtocol, type ChatServerTarget } from './chat-protocol-suite';
import { expectRefusedUpgrade, TestClient } from './test-client';

export { testUserSql } from './chat-protocol-suite';

/**
 * How the suite reaches a room server; both servers serve `/parties/<party>/<room>`.
 * `baseUrl` is `ws://host:port`, read lazily after setup; `secret` the AUTH_SECRET the
 * server verifies tickets with.
 */
export type RoomServerTarget = ChatServerTarget;

/** A lobby welcome: presence only, so no messages, pins or read marker. */
const welcome = (room: string, userId: string, present: string[]) => ({
  type: 'welcome',
  room,
  userId,
  role: 'member',
  present,
  lastSeq: 0,
  pins: [],
  readSeq: 0,
});

const nowClock: Clock = { now: () => new Date() };
const pastClock: Clock = { now: () => new Date(Date.now() - 10 * 60_000) };

/**
 * The room protocol as a client sees it, written once and run against the Durable
 * Object room in workerd and the on-prem `ws` server, so the two cannot drift apart.
 */
export function describeRoomProtocol(label: string, target: RoomServerTarget): void {
  const tickets = createHmacTicketSigner(target.secret, nowClock);
  const clients: TestClient[] = [];
  const freshRoom = () => `room-${crypto.randomUUID()}`;
  const roomUrl = (room: string, ticket?: string, party = 'lobby') =>
    `${target.baseUrl()}/parties/${party}/${room}${ticket === undefined ? '' : `?ticket=${encodeURIComponent(ticket)}`}`;
  const open = (url: string) => {
    const client = new TestClient(url);
    clients.push(client);
    return client;
  };
  const join = async (room: string, userId: string) => {
    const client = open(roomUrl(room, (await tickets.issue({ userId, room })).ticket));
    expect(await client.next()).toMatchObject({ type: 'welcome', userId });
    return client;
  };
  const expectRefused = async (client: TestClient, code: string, closeCode: number) => {
    expect(await client.next()).toMatchObject({ type: 'error', code });
    expect((await client.whenClosed()).code).toBe(closeCode);
  };

  const openPartySocket = (room: string, id: string, query: () => Promise<Record<string, string>>) => {
    const frames: unknown[] = [];
    const socket = new PartySocket({
      host: target.baseUrl().replace(/^ws:\/\//, ''),
      protocol: 'ws',
      party: 'lobby',
      room,
      id,
      query,
      WebSocket,
      maxRetries: 0,
    });
    socket.addEventListener('message', (e: MessageEvent) => frames.push(JSON.parse(String(e.data))));
    return { socket, frames };
  };

  describe(`room protocol: ${label}`, () => {
    afterEach(() => {
      for (const c of clients.splice(0)) c.socket.terminate();
    });

    it('welcomes a valid ticket with the room and who is present', async () => {
      const room = freshRoom();
      const client = open(roomUrl(room, (await tickets.issue({ userId: 'ali', room })).ticket));
      expect(await client.next()).toEqual(welcome(room, 'ali', ['ali']));
    });

    it('tells members when a second user joins and when they leave', async () => {
      const room = freshRoom();
      const ali = await join(room, 'ali');
      const sara = open(roomUrl(room, (await tickets.issue({ userId: 'sara', room })).ticket));
      expect(await sara.next()).toEqual(welcome(room, 'sara', ['ali', 'sara']));
      expect(await ali.next()).toEqual({ type: 'presence', userId: 'sara', state: 'joined' });
      await sara.close();
      expect(await ali.next()).toEqual({ type: 'presence', userId: 'sara', state: 'left' });
    });

    it('answers ping with pong, echoing the id', async () => {
      const client = await join(freshRoom(), 'ali');
      client.sendJson({ type: 'ping', id: 'p-1' });
      expect(await client.next()).toEqual({ type: 'pong', id: 'p-1' });
    });

    it('answers malformed, unknown, binary and oversize frames with errors and stays open', async () => {
      const client = await join(freshRoom(), 'ali');
      client.send('{not json');
      expect(await client.next()).toMatchObject({ type: 'error', code: 'frame.malformed' });
      client.sendJson({ type: 'launch-rockets' });
      expect(await client.next()).toMatchObject({ type: 'error', code: 'frame.unknown_type' });
      client.send(new Uint8Array([1, 2, 3]));
      expect(await client.next()).toMatchObject({ type: 'error', code: 'frame.malformed' });
      client.sendJson({ type: 'ping', pad: 'x'.repeat(MAX_FRAME_BYTES) });
      expect(await client.next()).toMatchObject({ type: 'error', code: 'frame.too_large' });
      client.sendJson({ type: 'ping' });
      expect(await client.next()).toEqual({ type: 'pong' });
      expect(client.isOpen).toBe(true);
    });

    it('closes with 4008 a client that floods the room', async () => {
      const client = await join(freshRoom(), 'ali');
      for (let i = 0; i < DEFAULT_ROOM_LIMITS.framesPerWindow + 10; i++) client.sendJson({ type: 'ping' });
      let frame = await client.next();
      while (frame.type === 'pong') frame = await client.next();
      expect(frame).toMatchObject({ type: 'error', code: 'rate.limited' });
      expect((await client.whenClosed()).code).toBe(4008);
    });

    it('refuses a missing ticket with an error frame and 4001', async () => {
      await expectRefused(open(roomUrl(freshRoom())), 'room.unauthorized', 4001);
    });

    it('refuses a forged ticket with 4001', async () => {
      const room = freshRoom();
      const forger = createHmacTicketSigner('not-the-server-secret-0123456789abcdef', nowClock);
      const { ticket } = await forger.issue({ userId: 'ali', room });
      await expectRefused(open(roomUrl(room, ticket)), 'room.unauthorized', 4001);
    });

    it('refuses an expired ticket with 4001', async () => {
      const room = freshRoom();
      const { ticket } = await createHmacTicketSigner(target.secret, pastClock).issue({ userId: 'ali', room });
      await expectRefused(open(roomUrl(room, ticket)), 'room.unauthorized', 4001);
    });

    it('refuses a ticket for another room with 4003, and the room never hears of it', async () => {
      const room = freshRoom();
      const member = await join(room, 'ali');
      const { ticket } = await tickets.issue({ userId: 'mallory', room: freshRoom() });
      await expectRefused(open(roomUrl(room, ticket)), 'room.forbidden', 4003);
      member.sendJson({ type: 'hello' });
      expect(await member.next()).toEqual(welcome(room, 'ali', ['ali']));
    });

    it('serves the browser client, partysocket, fetching a ticket per connection', async () => {
      const room = freshRoom();
      const { socket, frames } = openPartySocket(room, 'same-pk', async () => ({
        ticket: (await tickets.issue({ userId: 'ali', room })).ticket,
      }));
      try {
        await expect.poll(() => frames).toEqual([welcome(room, 'ali', ['ali'])]);
        // partyserver takes the connection id from the client's `_pk`: a refused socket
        // reusing it must not disturb the member who owns it.
        const forger = createHmacTicketSigner('not-the-server-secret-0123456789abcdef', nowClock);
        const forged = (await forger.issue({ userId: 'ali', room })).ticket;
        const intruder = open(`${roomUrl(room, forged)}&_pk=same-pk`);
        await expectRefused(intruder, 'room.unauthorized', 4001);
        socket.send(JSON.stringify({ type: 'hello' }));
        await expect.poll(() => frames.length).toBe(2);
        expect(frames[1]).toEqual(welcome(room, 'ali', ['ali']));
      } finally {
        socket.close();
      }
    });

    it('refuses chat frames in the lobby, which stores nothing', async () => {
      const client = await join(freshRoom(), 'ali');
      client.sendJson({ type: 'send', clientId: 'c', text: 'hi' });
      expect(await client.next()).toMatchObject({ type: 'error', code: 'chat.unsupported', clientId: 'c' });
    });

    it('refuses an unknown party with HTTP 400 before upgrading', async () => {
      const room = freshRoom();
      const { ticket } = await tickets.issue({ userId: 'ali', room });
      expect(await expectRefusedUpgrade(roomUrl(room, ticket, 'no-such-party'))).toBe(400);
    });
  });
  describeChatProtocol(label, target);
}

import { createHmacTicketSigner } from '@clantrader/adapters';
import {
  DEFAULT_ROOM_LIMITS,
  MAX_TEXT_BYTES,
  type ChatMessage,
  type Clock,
  type EvictionReason,
  type RoomRole,
  type ServerFrame,
} from '@clantrader/core';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient } from './test-client';

/** How the chat suite reaches a room server and its database. */
export type ChatServerTarget = {
  baseUrl: () => string;
  secret: string;
  /** Creates a user the chat store can reference (messages point at users); returns its id. */
  createUser: () => Promise<string>;
  /** Evicts through the home's RoomControl path (in process on-prem, HTTP into the Durable Object on the edge). */
  evict: (input: { party: string; room: string; userId: string; reason: EvictionReason }) => Promise<void>;
};

/** SQL that creates a user with a profile, for targets to run against their database. */
export function testUserSql(id: string): string[] {
  const tag = id.replace(/-/g, '').slice(0, 16);
  return [
    `insert into users (id, email, password_hash, created_at) values ('${id}', 'chat${tag}@example.test', 'x', now())`,
    `insert into profiles (user_id, handle, display_name, preferred_pairs, updated_at)
      values ('${id}', 'chat_${tag}', 'Chat ${tag}', '{}', now())`,
  ];
}

const nowClock: Clock = { now: () => new Date() };

/**
 * The chat protocol (docs/chat.md) as a client sees it, run against the Durable Object
 * rooms in workerd and the on-prem `ws` server, both storing into PostgreSQL.
 */
export function describeChatProtocol(label: string, target: ChatServerTarget): void {
  const tickets = createHmacTicketSigner(target.secret, nowClock);
  const clients: TestClient[] = [];
  const newRoom = () => crypto.randomUUID();
  const url = async (
    room: string,
    userId: string,
    o: { role?: RoomRole; party?: string; ticketParty?: string | null; since?: number } = {},
  ) => {
    const party = o.party ?? 'clan';
    const ticketParty = o.ticketParty === undefined ? party : o.ticketParty;
    const { ticket } = await tickets.issue({
      userId,
      room,
      ...(ticketParty === null ? {} : { party: ticketParty, role: o.role ?? 'member' }),
    });
    const since = o.since === undefined ? '' : `&since=${o.since}`;
    return `${target.baseUrl()}/parties/${party}/${room}?ticket=${encodeURIComponent(ticket)}${since}`;
  };
  const open = (address: string) => {
    const client = new TestClient(address);
    clients.push(client);
    return client;
  };
  /** Joins and reads the welcome. */
  const join = async (room: string, userId: string, o: Parameters<typeof url>[2] = {}) => {
    const client = open(await url(room, userId, o));
    const welcome = await client.nextChat();
    expect(welcome).toMatchObject({ type: 'welcome', room, userId, role: o.role ?? 'member' });
    return { client, welcome };
  };
  const say = async (client: TestClient, clientId: string, text = `text ${clientId}`) => {
    client.sendJson({ type: 'send', clientId, text });
    const ack = await client.nextChat();
    expect(ack).toMatchObject({ type: 'ack', clientId });
    return (ack as Extract<ServerFrame, { type: 'ack' }>).message;
  };
  const seqs = (frame: ServerFrame) =>
    frame.type === 'sync' || frame.type === 'history' ? frame.messages.map((m: ChatMessage) => m.seq) : [];

  describe(`chat protocol: ${label}`, () => {
    afterEach(() => {
      for (const c of clients.splice(0)) c.socket.terminate();
    });

    it('refuses a non-member ticket and a lobby ticket with an error frame and 4003', async () => {
      const room = newRoom();
      const outsider = open(await url(room, await target.createUser(), { role: 'subscriber' }));
      expect(await outsider.next()).toMatchObject({ type: 'error', code: 'room.forbidden' });
      expect((await outsider.whenClosed()).code).toBe(4003);
      const lobby = open(await url(room, await target.createUser(), { ticketParty: null }));
      expect(await lobby.next()).toMatchObject({ type: 'error', code: 'room.forbidden' });
      expect((await lobby.whenClosed()).code).toBe(4003);
    });

    it('stores a message, acks the sender and broadcasts it to the others, HTML as typed', async () => {
      const room = newRoom();
      const [ali, sara] = [await target.createUser(), await target.createUser()];
      const a = (await join(room, ali)).client;
      const s = (await join(room, sara)).client;
      const text = '<script>alert(1)</script> **bold** <img src=x onerror=alert(1)>';
      const message = await say(a, 'm-1', text);
      expect(message).toMatchObject({ seq: 1, room, authorId: ali, text, clientId: 'm-1', deletedAt: null });
      expect(message.authorHandle).toMatch(/^chat_/);
      expect(await s.nextChat()).toEqual({ type: 'message', message });
      a.sendJson({ type: 'ping', id: 'after' });
      expect(await a.nextChat()).toEqual({ type: 'pong', id: 'after' });
    });

    it('answers a re-send with the original ack and never delivers it twice', async () => {
      const room = newRoom();
      const [ali, sara] = [await target.createUser(), await target.createUser()];
      const a = (await join(room, ali)).client;
      const s = (await join(room, sara)).client;
      const first = await say(a, 'dup', 'once');
      const again = await say(a, 'dup', 'twice?');
      expect(again).toEqual(first);
      expect(await s.nextChat()).toMatchObject({ type: 'message', message: { id: first.id } });
      s.sendJson({ type: 'ping' });
      expect(await s.nextChat()).toEqual({ type: 'pong' });
    });

    it('syncs what a reconnecting client missed, in order, from ?since= and from hello', async () => {
      const room = newRoom();
      const [ali, sara] = [await target.createUser(), await target.createUser()];
      const a = (await join(room, ali)).client;
      for (const id of ['1', '2', '3', '4']) await say(a, id);
      const { client: s, welcome } = await join(room, sara, { since: 1 });
      expect(welcome).toMatchObject({ lastSeq: 4, readSeq: 0 });
      const sync = await s.nextChat();
      expect(sync).toMatchObject({ type: 'sync', complete: true });
      expect(seqs(sync)).toEqual([2, 3, 4]);
      await say(a, '5');
      expect(await s.nextChat()).toMatchObject({ type: 'message', message: { seq: 5 } });
      s.sendJson({ type: 'hello', since: 3 });
      expect(await s.nextChat()).toMatchObject({ type: 'welcome', lastSeq: 5 });
      expect(seqs(await s.nextChat())).toEqual([4, 5]);
    });

    it('pages history backwards by seq', async () => {
      const room = newRoom();
      const a = (await join(room, await target.createUser())).client;
      for (let i = 1; i <= 5; i++) await say(a, String(i));
      a.sendJson({ type: 'history', limit: 2 });
      const newest = await a.nextChat();
      expect(newest).toMatchObject({ type: 'history', hasMore: true });
      expect(seqs(newest)).toEqual([4, 5]);
      a.sendJson({ type: 'history', before: 4, limit: 2 });
      expect(seqs(await a.nextChat())).toEqual([2, 3]);
      a.sendJson({ type: 'history', before: 2, limit: 2 });
      const oldest = await a.nextChat();
      expect(oldest).toMatchObject({ hasMore: false });
      expect(seqs(oldest)).toEqual([1]);
    });

    it('lets a leader pin and refuses a member, and shows pins in the welcome', async () => {
      const room = newRoom();
      const [lead, ali] = [await target.createUser(), await target.createUser()];
      const l = (await join(room, lead, { role: 'leader' })).client;
      const a = (await join(room, ali)).client;
      const message = await say(a, 'p');
      expect(await l.nextChat()).toMatchObject({ type: 'message' });
      a.sendJson({ type: 'pin', messageId: message.id });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'message.forbidden' });
      l.sendJson({ type: 'pin', messageId: message.id });
      const pinned = await l.nextChat();
      expect(pinned).toMatchObject({ type: 'updated', message: { id: message.id, pinnedBy: lead } });
      expect(await a.nextChat()).toEqual(pinned);
      const { welcome } = await join(room, ali);
      expect(welcome).toMatchObject({ pins: [{ id: message.id, pinnedBy: lead }] });
    });

    it('lets the author and moderators edit and delete, and refuses others', async () => {
      const room = newRoom();
      const [co, ali, sara] = [await target.createUser(), await target.createUser(), await target.createUser()];
      const c = (await join(room, co, { role: 'co_leader' })).client;
      const a = (await join(room, ali)).client;
      const s = (await join(room, sara)).client;
      const message = await say(a, 'e');
      expect(await c.nextChat()).toMatchObject({ type: 'message' });
      expect(await s.nextChat()).toMatchObject({ type: 'message' });
      s.sendJson({ type: 'edit', messageId: message.id, text: 'not mine' });
      expect(await s.nextChat()).toMatchObject({ type: 'error', code: 'message.forbidden' });
      s.sendJson({ type: 'delete', messageId: message.id });
      expect(await s.nextChat()).toMatchObject({ type: 'error', code: 'message.forbidden' });
      a.sendJson({ type: 'edit', messageId: message.id, text: 'edited' });
      expect(await s.nextChat()).toMatchObject({
        type: 'updated',
        message: { text: 'edited', editedAt: expect.any(String) },
      });
      c.sendJson({ type: 'delete', messageId: message.id });
      expect(await c.nextChat()).toMatchObject({ type: 'updated' });
      expect(await c.nextChat()).toMatchObject({
        type: 'updated',
        message: { text: '', deletedAt: expect.any(String) },
      });
    });

    it('refuses texts over 4 KB and empty texts, and accepts exactly 4 KB', async () => {
      const a = (await join(newRoom(), await target.createUser())).client;
      a.sendJson({ type: 'send', clientId: 'big', text: 'x'.repeat(MAX_TEXT_BYTES + 1) });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'message.too_long', clientId: 'big' });
      a.sendJson({ type: 'send', clientId: 'empty', text: ' \n ' });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'message.empty', clientId: 'empty' });
      expect((await say(a, 'max', 'ü'.repeat(MAX_TEXT_BYTES / 2))).seq).toBe(1);
    });

    it('refuses a flood of messages with errors, then closes the flooder with 4008', async () => {
      const a = (await join(newRoom(), await target.createUser())).client;
      const { messagesPerWindow, maxRefusedMessages } = DEFAULT_ROOM_LIMITS;
      for (let i = 0; i < messagesPerWindow + maxRefusedMessages + 2; i++)
        a.sendJson({ type: 'send', clientId: `f${i}`, text: 'spam' });
      const frames: ServerFrame[] = [];
      const closed = a.whenClosed();
      for (;;) {
        const frame = await Promise.race([a.next(), closed.then(() => null)]);
        if (!frame) break;
        frames.push(frame);
      }
      expect((await closed).code).toBe(4008);
      expect(frames.filter((f) => f.type === 'error' && f.code === 'rate.limited').length).toBeGreaterThan(0);
    });

    it('answers malformed frames with errors and closes with 4400 when they keep coming', async () => {
      const a = (await join(newRoom(), await target.createUser())).client;
      a.sendJson({ type: 'send', clientId: 'c', text: 42 });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'frame.malformed', clientId: 'c' });
      a.sendJson({ type: 'edit', messageId: 'x' });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'frame.malformed' });
      a.sendJson({ type: 'pin', messageId: 'not-a-message' });
      expect(await a.nextChat()).toMatchObject({ type: 'error', code: 'message.not_found' });
      for (let i = 0; i < DEFAULT_ROOM_LIMITS.maxBadFrames; i++) a.send('{oops');
      expect((await a.whenClosed()).code).toBe(4400);
    });

    it('closes an evicted member at once with 4003, and a member whose role changed with 4001', async () => {
      const room = newRoom();
      const [lead, kicked, promoted] = [
        await target.createUser(),
        await target.createUser(),
        await target.createUser(),
      ];
      const l = (await join(room, lead, { role: 'leader' })).client;
      const k = (await join(room, kicked)).client;
      const p = (await join(room, promoted)).client;
      await target.evict({ party: 'clan', room, userId: kicked, reason: 'removed' });
      expect(await k.nextChat()).toMatchObject({ type: 'error', code: 'room.evicted' });
      expect((await k.whenClosed()).code).toBe(4003);
      await target.evict({ party: 'clan', room, userId: promoted, reason: 'role_changed' });
      expect(await p.nextChat()).toMatchObject({ type: 'error', code: 'room.role_changed' });
      expect((await p.whenClosed()).code).toBe(4001);
      expect(l.isOpen).toBe(true);
    });

    it('serves the subscriber chat to subscribers and members, apart from the clan chat', async () => {
      const room = newRoom();
      const [lead, sub] = [await target.createUser(), await target.createUser()];
      const s = (await join(room, sub, { party: 'subs', role: 'subscriber' })).client;
      const l = (await join(room, lead, { party: 'subs', role: 'leader' })).client;
      const message = await say(s, 'hi');
      expect(await l.nextChat()).toEqual({ type: 'message', message });
      const clanSide = (await join(room, lead, { role: 'leader' })).welcome;
      expect(clanSide).toMatchObject({ lastSeq: 0 });
      s.sendJson({ type: 'read', seq: 1 });
      expect(await s.nextChat()).toEqual({ type: 'read', seq: 1 });
    });
  });
}

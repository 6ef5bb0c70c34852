import { describe, expect, it } from 'vitest';
import type { RoomRole } from '../shared/ports';
import { FakeTicketSigner, ManualClock, MemoryChatStore, RecordingRoomSink, SequentialIds } from '../testing';
import { createRoomHub } from './chat-hub';
import type { RoomLimits } from './room-limits';
import { MAX_PAGE } from './protocol';

const ROOM = 'clan-1';

function setUp(opts: { limits?: Partial<RoomLimits>; party?: string } = {}) {
  const party = opts.party ?? 'clan';
  const clock = new ManualClock();
  const tickets = new FakeTicketSigner(clock);
  const sink = new RecordingRoomSink();
  const store = new MemoryChatStore();
  const errors: unknown[] = [];
  const hub = createRoomHub({
    party,
    tickets,
    clock,
    ids: new SequentialIds(),
    sink,
    store,
    ...(opts.limits ? { limits: opts.limits } : {}),
    onError: (e) => errors.push(e),
  });
  const connect = async (connectionId: string, userId: string, role: RoomRole = 'member', since?: number) => {
    const { ticket } = await tickets.issue({ userId, room: ROOM, party, role });
    await hub.open({ connectionId, admission: await hub.admit({ room: ROOM, ticket }), since });
  };
  const frame = (connectionId: string, f: Record<string, unknown>) =>
    hub.receive({ connectionId, data: JSON.stringify(f) });
  const say = (connectionId: string, clientId: string, text = `text ${clientId}`) =>
    frame(connectionId, { type: 'send', clientId, text });
  return { clock, tickets, sink, store, hub, connect, frame, say, errors, party };
}

describe('room hub: chat', () => {
  it('refuses a role the party does not admit, and a lobby ticket, with 4003', async () => {
    const { tickets, hub, sink } = setUp();
    const sub = await tickets.issue({ userId: 'sub', room: ROOM, party: 'clan', role: 'subscriber' });
    await hub.open({ connectionId: 'c1', admission: await hub.admit({ room: ROOM, ticket: sub.ticket }) });
    expect(sink.of('c1')).toEqual([{ type: 'error', code: 'room.forbidden', message: expect.any(String) }]);
    expect(sink.closed.get('c1')?.code).toBe(4003);
    const lobby = await tickets.issue({ userId: 'ali', room: ROOM });
    expect(await hub.admit({ room: ROOM, ticket: lobby.ticket })).toMatchObject({ ok: false, closeCode: 4003 });
    const roleless = await tickets.issue({ userId: 'ali', room: ROOM, party: 'clan' });
    expect(await hub.admit({ room: ROOM, ticket: roleless.ticket })).toMatchObject({ ok: false, closeCode: 4003 });
    const subsHub = setUp({ party: 'subs' });
    const ok = await subsHub.tickets.issue({ userId: 'sub', room: ROOM, party: 'subs', role: 'subscriber' });
    expect(await subsHub.hub.admit({ room: ROOM, ticket: ok.ticket })).toMatchObject({ ok: true, role: 'subscriber' });
  });

  it('welcomes with role, last seq, pins and the read marker', async () => {
    const { sink, connect, say, frame } = setUp();
    await connect('c1', 'ali', 'leader');
    expect(sink.of('c1')).toEqual([
      {
        type: 'welcome',
        room: ROOM,
        userId: 'ali',
        role: 'leader',
        present: ['ali'],
        lastSeq: 0,
        pins: [],
        readSeq: 0,
      },
    ]);
    await say('c1', 'a');
    await say('c1', 'b');
    const first = sink.ofType('c1', 'ack')[0]?.message;
    await frame('c1', { type: 'pin', messageId: first?.id });
    await frame('c1', { type: 'read', seq: 2 });
    await connect('c2', 'ali', 'leader');
    expect(sink.of('c2')[0]).toMatchObject({
      lastSeq: 2,
      readSeq: 2,
      pins: [{ id: first?.id, pinnedBy: 'ali' }],
    });
  });

  it('stores a message, acks the sender and broadcasts it to the others', async () => {
    const { sink, store, connect, say } = setUp();
    await connect('c1', 'ali');
    await connect('c2', 'sara');
    await say('c1', 'm-1', 'hello **clan**');
    const ack = sink.last('c1');
    expect(ack).toMatchObject({
      type: 'ack',
      clientId: 'm-1',
      message: { seq: 1, authorId: 'ali', text: 'hello **clan**' },
    });
    expect(sink.last('c2')).toEqual({ type: 'message', message: ack?.type === 'ack' ? ack.message : null });
    expect(sink.ofType('c1', 'message')).toEqual([]);
    expect(store.all({ party: 'clan', room: ROOM })).toHaveLength(1);
  });

  it('answers a re-send with the original ack and never stores or broadcasts it twice', async () => {
    const { sink, store, connect, say } = setUp();
    await connect('c1', 'ali');
    await connect('c2', 'sara');
    await say('c1', 'm-1', 'first');
    await say('c1', 'm-1', 'first again');
    const acks = sink.ofType('c1', 'ack');
    expect(acks).toHaveLength(2);
    expect(acks[1]).toEqual(acks[0]);
    expect(sink.ofType('c2', 'message')).toHaveLength(1);
    expect(store.all({ party: 'clan', room: ROOM })).toHaveLength(1);
  });

  it('does not ack or broadcast a message the store refused, and says so with the clientId', async () => {
    const { sink, store, connect, say, errors } = setUp();
    await connect('c1', 'ali');
    await connect('c2', 'sara');
    store.failing = true;
    await say('c1', 'm-1');
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'chat.unavailable', clientId: 'm-1' });
    expect(sink.ofType('c2', 'message')).toEqual([]);
    expect(errors).toHaveLength(1);
    store.failing = false;
    await say('c1', 'm-1');
    expect(sink.last('c1')).toMatchObject({ type: 'ack', message: { seq: 1 } });
  });

  it('refuses empty and oversize texts, counting UTF-8 bytes, and keeps HTML as typed', async () => {
    const { sink, connect, say } = setUp();
    await connect('c1', 'ali');
    await say('c1', 'e', '   ');
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'message.empty', clientId: 'e' });
    await say('c1', 'long', 'ش'.repeat(2049));
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'message.too_long', clientId: 'long' });
    await say('c1', 'max', 'x'.repeat(4096));
    expect(sink.last('c1')).toMatchObject({ type: 'ack', message: { seq: 1 } });
    await say('c1', 'html', '<script>alert(1)</script>');
    expect(sink.last('c1')).toMatchObject({ type: 'ack', message: { text: '<script>alert(1)</script>' } });
  });

  it('refuses messages past the per-user limit, across tabs, then closes the flooder with 4008', async () => {
    const { clock, sink, connect, say } = setUp({
      limits: { messagesPerWindow: 3, messageWindowMs: 1000, maxRefusedMessages: 2 },
    });
    await connect('c1', 'ali');
    await connect('c2', 'ali');
    await say('c1', '1');
    await say('c2', '2');
    await say('c1', '3');
    await say('c2', '4');
    expect(sink.last('c2')).toMatchObject({ type: 'error', code: 'rate.limited', clientId: '4' });
    clock.advance(1000);
    await say('c1', '5');
    expect(sink.last('c1')).toMatchObject({ type: 'ack' });
    await say('c1', '6');
    await say('c1', '7');
    await say('c1', '8');
    await say('c1', '9');
    expect(sink.closed.has('c1')).toBe(false);
    await say('c1', '10');
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'rate.limited' });
    expect(sink.closed.get('c1')?.code).toBe(4008);
  });

  it('lets the author and moderators edit and delete, nobody else', async () => {
    const { sink, connect, say, frame } = setUp();
    await connect('a', 'ali');
    await connect('s', 'sara');
    await connect('l', 'lead', 'co_leader');
    await say('a', 'm');
    const id = sink.ofType('a', 'ack')[0]?.message.id;
    await frame('s', { type: 'edit', messageId: id, text: 'hacked' });
    expect(sink.last('s')).toMatchObject({ type: 'error', code: 'message.forbidden' });
    await frame('s', { type: 'delete', messageId: id });
    expect(sink.last('s')).toMatchObject({ type: 'error', code: 'message.forbidden' });
    await frame('a', { type: 'edit', messageId: id, text: 'fixed' });
    expect(sink.last('s')).toMatchObject({
      type: 'updated',
      message: { id, text: 'fixed', editedAt: expect.any(String) },
    });
    expect(sink.last('a')).toMatchObject({ type: 'updated', message: { text: 'fixed' } });
    await frame('l', { type: 'delete', messageId: id });
    expect(sink.last('a')).toMatchObject({ type: 'updated', message: { id, text: '', deletedAt: expect.any(String) } });
    await frame('a', { type: 'edit', messageId: id, text: 'back' });
    expect(sink.last('a')).toMatchObject({ type: 'error', code: 'message.not_found' });
    await frame('a', { type: 'delete', messageId: 'no-such-id' });
    expect(sink.last('a')).toMatchObject({ type: 'error', code: 'message.not_found' });
  });

  it('lets leaders and co-leaders pin and unpin; members are refused', async () => {
    const { sink, connect, say, frame } = setUp();
    await connect('m', 'ali');
    await connect('l', 'lead', 'leader');
    await say('m', 'x');
    const id = sink.ofType('m', 'ack')[0]?.message.id;
    await frame('m', { type: 'pin', messageId: id });
    expect(sink.last('m')).toMatchObject({ type: 'error', code: 'message.forbidden' });
    await frame('l', { type: 'pin', messageId: id });
    expect(sink.last('m')).toMatchObject({
      type: 'updated',
      message: { id, pinnedBy: 'lead', pinnedAt: expect.any(String) },
    });
    await frame('l', { type: 'unpin', messageId: id });
    expect(sink.last('m')).toMatchObject({ type: 'updated', message: { id, pinnedBy: null, pinnedAt: null } });
  });

  it('forwards typing to others at most once per interval and never stores it', async () => {
    const { clock, sink, store, connect, frame } = setUp({ limits: { typingIntervalMs: 2000 } });
    await connect('a', 'ali');
    await connect('a2', 'ali');
    await connect('s', 'sara');
    await frame('a', { type: 'typing' });
    await frame('a', { type: 'typing' });
    expect(sink.ofType('s', 'typing')).toEqual([{ type: 'typing', userId: 'ali' }]);
    expect(sink.ofType('a2', 'typing')).toEqual([]);
    clock.advance(2000);
    await frame('a', { type: 'typing' });
    expect(sink.ofType('s', 'typing')).toHaveLength(2);
    expect(store.all({ party: 'clan', room: ROOM })).toEqual([]);
  });

  it('moves the read marker forward only, never past the newest message, and tells every tab', async () => {
    const { sink, store, connect, say, frame } = setUp();
    await connect('a', 'ali');
    await connect('a2', 'ali');
    await say('a', '1');
    await say('a', '2');
    await frame('a', { type: 'read', seq: 99 });
    expect(sink.last('a2')).toEqual({ type: 'read', seq: 2 });
    await frame('a', { type: 'read', seq: 1 });
    expect(sink.last('a')).toEqual({ type: 'read', seq: 2 });
    expect(await store.readMarker({ party: 'clan', room: ROOM, userId: 'ali' })).toBe(2);
  });

  it('pages history backwards by seq', async () => {
    const { sink, connect, say, frame } = setUp({ limits: { messagesPerWindow: 100 } });
    await connect('a', 'ali');
    for (let i = 1; i <= 7; i++) await say('a', String(i));
    await frame('a', { type: 'history', limit: 3 });
    expect(sink.last('a')).toMatchObject({ type: 'history', hasMore: true });
    const seqs = () => {
      const last = sink.last('a');
      return last?.type === 'history' ? last.messages.map((m) => m.seq) : [];
    };
    expect(seqs()).toEqual([5, 6, 7]);
    await frame('a', { type: 'history', before: 5, limit: 3 });
    expect(seqs()).toEqual([2, 3, 4]);
    await frame('a', { type: 'history', before: 2, limit: 3 });
    expect(seqs()).toEqual([1]);
    expect(sink.last('a')).toMatchObject({ hasMore: false });
  });

  it('syncs what a reconnecting client missed, from the URL or from hello', async () => {
    const { sink, connect, say, frame } = setUp();
    await connect('a', 'ali');
    for (const id of ['1', '2', '3']) await say('a', id);
    await connect('s', 'sara', 'member', 1);
    expect(sink.of('s').map((f) => f.type)).toEqual(['welcome', 'sync']);
    expect(sink.last('s')).toMatchObject({ type: 'sync', complete: true, messages: [{ seq: 2 }, { seq: 3 }] });
    await frame('s', { type: 'hello', since: 2 });
    expect(sink.last('s')).toMatchObject({ type: 'sync', complete: true, messages: [{ seq: 3 }] });
    await frame('s', { type: 'hello', since: 3 });
    expect(sink.last('s')).toEqual({ type: 'sync', complete: true, messages: [] });
  });

  it('pages a large sync and holds live messages back until the client caught up', async () => {
    const { sink, connect, say, frame } = setUp({ limits: { messagesPerWindow: 1000, framesPerWindow: 1000 } });
    await connect('a', 'ali');
    for (let i = 1; i <= MAX_PAGE + 5; i++) await say('a', String(i));
    await connect('s', 'sara', 'member', 0);
    expect(sink.last('s')).toMatchObject({ type: 'sync', complete: false });
    await say('a', 'live');
    expect(sink.ofType('s', 'message')).toEqual([]);
    const firstPage = sink.ofType('s', 'sync')[0]?.messages ?? [];
    expect(firstPage.map((m) => m.seq)).toEqual(Array.from({ length: MAX_PAGE }, (_, i) => i + 1));
    await frame('s', { type: 'hello', since: MAX_PAGE });
    const second = sink.last('s');
    expect(second).toMatchObject({ type: 'sync', complete: true });
    expect(second?.type === 'sync' && second.messages.map((m) => m.seq)).toEqual([101, 102, 103, 104, 105, 106]);
    await say('a', 'after');
    expect(sink.last('s')).toMatchObject({ type: 'message', message: { seq: 107 } });
  });

  it('closes an evicted member at once: 4003 when removed, 4001 when the role changed', async () => {
    const { sink, hub, connect, say } = setUp();
    await connect('a', 'ali');
    await connect('a2', 'ali');
    await connect('s', 'sara');
    await connect('l', 'lead', 'leader');
    expect(hub.evict({ room: ROOM, userId: 'ali', reason: 'removed' })).toBe(2);
    expect(sink.last('a')).toMatchObject({ type: 'error', code: 'room.evicted' });
    expect(sink.closed.get('a')).toEqual({ code: 4003, reason: 'room.evicted' });
    expect(sink.closed.get('a2')?.code).toBe(4003);
    await say('a', 'after-kick');
    expect(sink.last('a')).toMatchObject({ code: 'room.evicted' });
    await say('l', 'x');
    expect(sink.ofType('a', 'message')).toEqual([]);
    hub.evict({ room: ROOM, userId: 'sara', reason: 'role_changed' });
    expect(sink.closed.get('s')).toEqual({ code: 4001, reason: 'room.role_changed' });
    expect(hub.evict({ room: ROOM, userId: 'nobody', reason: 'disbanded' })).toBe(0);
    expect(sink.closed.has('l')).toBe(false);
  });

  it('keeps clan and subscriber rooms of one clan apart in the store', async () => {
    const clan = setUp({ party: 'clan' });
    await clan.connect('a', 'ali');
    await clan.say('a', 'x');
    expect(clan.store.all({ party: 'subs', room: ROOM })).toEqual([]);
    expect(clan.store.all({ party: 'clan', room: ROOM })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { FakeTicketSigner, ManualClock, RecordingRoomSink, SequentialIds } from '../testing';
import { createRoomHub } from './chat-hub';

function setUp(limits = {}) {
  const clock = new ManualClock();
  const tickets = new FakeTicketSigner(clock);
  const sink = new RecordingRoomSink();
  const hub = createRoomHub({ party: 'lobby', tickets, clock, ids: new SequentialIds(), sink, limits });
  const connect = async (connectionId: string, userId: string, room = 'clan-1') => {
    const { ticket } = await tickets.issue({ userId, room });
    await hub.open({ connectionId, admission: await hub.admit({ room, ticket }) });
  };
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
  return { clock, tickets, sink, hub, connect, welcome };
}

describe('room hub: presence (the lobby)', () => {
  it('welcomes an admitted connection with who is present', async () => {
    const { sink, connect, welcome } = setUp();
    await connect('c1', 'ali');
    await connect('c2', 'sara');
    expect(sink.of('c2')).toEqual([welcome('clan-1', 'sara', ['ali', 'sara'])]);
    expect(sink.last('c1')).toEqual({ type: 'presence', userId: 'sara', state: 'joined' });
  });

  it('announces a user once however many tabs they open, and leaves with the last', async () => {
    const { sink, hub, connect } = setUp();
    await connect('c1', 'ali');
    await connect('c2', 'sara');
    await connect('c3', 'sara');
    expect(sink.of('c1').filter((f) => f.type === 'presence')).toHaveLength(1);
    hub.leave('c2');
    expect(sink.of('c1')).toHaveLength(2);
    hub.leave('c3');
    expect(sink.last('c1')).toEqual({ type: 'presence', userId: 'sara', state: 'left' });
    expect(hub.presentIn('clan-1')).toEqual(['ali']);
  });

  it('keeps rooms apart', async () => {
    const { sink, connect, welcome } = setUp();
    await connect('c1', 'ali', 'clan-1');
    await connect('c2', 'sara', 'clan-2');
    expect(sink.of('c1')).toHaveLength(1);
    expect(sink.of('c2')).toEqual([welcome('clan-2', 'sara', ['sara'])]);
  });

  it.each([
    ['no ticket', null],
    ['a forged ticket', 'ticket:ali:lobby:clan-1:1'],
    ['an overlong ticket', 'x'.repeat(5000)],
  ])('refuses %s with an error frame and 4001', async (_, ticket) => {
    const { sink, hub } = setUp();
    await hub.open({ connectionId: 'c1', admission: await hub.admit({ room: 'clan-1', ticket }) });
    expect(sink.of('c1')).toEqual([{ type: 'error', code: 'room.unauthorized', message: expect.any(String) }]);
    expect(sink.closed.get('c1')?.code).toBe(4001);
    expect(hub.presentIn('clan-1')).toEqual([]);
  });

  it('refuses an expired ticket with 4001', async () => {
    const { clock, tickets, sink, hub } = setUp();
    const { ticket } = await tickets.issue({ userId: 'ali', room: 'clan-1' });
    clock.advance(61_000);
    await hub.open({ connectionId: 'c1', admission: await hub.admit({ room: 'clan-1', ticket }) });
    expect(sink.closed.get('c1')?.code).toBe(4001);
  });

  it('refuses a ticket for another room, or another party, with 4003', async () => {
    const { tickets, sink, hub } = setUp();
    const other = await tickets.issue({ userId: 'ali', room: 'clan-2' });
    await hub.open({ connectionId: 'c1', admission: await hub.admit({ room: 'clan-1', ticket: other.ticket }) });
    expect(sink.of('c1')).toEqual([{ type: 'error', code: 'room.forbidden', message: expect.any(String) }]);
    expect(sink.closed.get('c1')).toEqual({ code: 4003, reason: 'room.forbidden' });
    const clan = await tickets.issue({ userId: 'ali', room: 'clan-1', party: 'clan', role: 'leader' });
    expect(await hub.admit({ room: 'clan-1', ticket: clan.ticket })).toMatchObject({ ok: false, closeCode: 4003 });
  });

  it('treats a signer that throws as a bad ticket', async () => {
    const clock = new ManualClock();
    const hub = createRoomHub({
      party: 'lobby',
      clock,
      ids: new SequentialIds(),
      sink: new RecordingRoomSink(),
      tickets: { issue: () => Promise.reject(new Error('x')), verify: () => Promise.reject(new Error('boom')) },
    });
    await expect(hub.admit({ room: 'r', ticket: 't' })).resolves.toMatchObject({ ok: false, closeCode: 4001 });
  });

  it('answers ping with pong, echoing the id, and hello with a fresh welcome', async () => {
    const { sink, hub, connect } = setUp();
    await connect('c1', 'ali');
    await hub.receive({ connectionId: 'c1', data: '{"type":"ping","id":"42"}' });
    expect(sink.last('c1')).toEqual({ type: 'pong', id: '42' });
    await hub.receive({ connectionId: 'c1', data: '{"type":"ping"}' });
    expect(sink.last('c1')).toEqual({ type: 'pong' });
    await hub.receive({ connectionId: 'c1', data: '{"type":"hello"}' });
    expect(sink.last('c1')).toMatchObject({ type: 'welcome', present: ['ali'] });
  });

  it('refuses chat frames in a room without a store', async () => {
    const { sink, hub, connect } = setUp();
    await connect('c1', 'ali');
    await hub.receive({ connectionId: 'c1', data: JSON.stringify({ type: 'send', clientId: 'a', text: 'hi' }) });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'chat.unsupported', clientId: 'a' });
    await hub.receive({ connectionId: 'c1', data: JSON.stringify({ type: 'history' }) });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'chat.unsupported' });
  });

  it('answers bad frames with an error and keeps the socket open', async () => {
    const { sink, hub, connect } = setUp();
    await connect('c1', 'ali');
    await hub.receive({ connectionId: 'c1', data: '{nope' });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'frame.malformed' });
    await hub.receive({ connectionId: 'c1', data: new Uint8Array([1, 2, 3]) });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'frame.malformed' });
    await hub.receive({ connectionId: 'c1', data: new Uint8Array(20_000) });
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'frame.too_large' });
    expect(sink.closed.has('c1')).toBe(false);
  });

  it('closes with 4400 after too many bad frames in a row', async () => {
    const { sink, hub, connect } = setUp({ maxBadFrames: 3 });
    await connect('c1', 'ali');
    const send = (data: string) => hub.receive({ connectionId: 'c1', data });
    await send('x');
    await send('x');
    await send('{"type":"ping"}');
    await send('x');
    await send('x');
    expect(sink.closed.has('c1')).toBe(false);
    await send('x');
    expect(sink.closed.get('c1')?.code).toBe(4400);
  });

  it('closes with 4008 when a connection floods, and counts per window', async () => {
    const { clock, sink, hub, connect } = setUp({ framesPerWindow: 3, windowMs: 1000 });
    await connect('c1', 'ali');
    const ping = () => hub.receive({ connectionId: 'c1', data: '{"type":"ping"}' });
    for (let i = 0; i < 3; i++) await ping();
    clock.advance(1000);
    for (let i = 0; i < 3; i++) await ping();
    expect(sink.closed.has('c1')).toBe(false);
    await ping();
    expect(sink.last('c1')).toMatchObject({ type: 'error', code: 'rate.limited' });
    expect(sink.closed.get('c1')?.code).toBe(4008);
    const count = sink.of('c1').length;
    await ping();
    expect(sink.of('c1')).toHaveLength(count);
  });

  it('closes a connection that sends without having joined', async () => {
    const { sink, hub } = setUp();
    await hub.receive({ connectionId: 'stranger', data: '{"type":"ping"}' });
    expect(sink.of('stranger')).toMatchObject([{ code: 'room.unauthorized' }]);
    expect(sink.closed.get('stranger')?.code).toBe(4001);
  });

  it('restores hibernated sockets silently so their later leave is announced', async () => {
    const { sink, hub, connect } = setUp();
    hub.restore({ room: 'clan-1', connectionId: 'c0', userId: 'ali', role: 'member' });
    expect(sink.frames.size).toBe(0);
    await connect('c1', 'sara');
    expect(sink.of('c1')[0]).toMatchObject({ present: ['ali', 'sara'] });
    hub.leave('c0');
    expect(sink.last('c1')).toEqual({ type: 'presence', userId: 'ali', state: 'left' });
  });
});

import type { ChatMessage, ServerFrame } from '@clantrader/core';
import { describe, expect, it } from 'vitest';
import {
  connectionClosed,
  connectionOpened,
  initialChatState,
  markRead,
  receiveFrame,
  requestOlder,
  retryPending,
  sendText,
  typingNow,
  type ChatState,
  type Step,
} from './chat-state';

const ME = 'u-me';
const OTHER = 'u-other';

function msg(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    seq,
    room: 'clan-1',
    authorId: OTHER,
    clientId: `c${seq}`,
    text: `message ${seq}`,
    createdAt: '2026-11-21T10:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    pinnedAt: null,
    pinnedBy: null,
    ...over,
  };
}

function welcome(lastSeq: number, over: Partial<Extract<ServerFrame, { type: 'welcome' }>> = {}): ServerFrame {
  return {
    type: 'welcome',
    room: 'clan-1',
    userId: ME,
    role: 'member',
    present: [ME],
    lastSeq,
    pins: [],
    readSeq: 0,
    ...over,
  };
}

/** Feeds frames in order and collects everything the client sent. */
function run(state: ChatState, frames: ServerFrame[], now = 0): Step {
  const sent: Step['send'] = [];
  for (const frame of frames) {
    const step = receiveFrame(state, frame, now);
    state = step.state;
    sent.push(...step.send);
  }
  return { state, send: sent };
}

const seqs = (s: ChatState) => s.messages.map((m) => m.seq);

describe('chat client state', () => {
  it('asks for the newest history page on a first visit and goes live when it arrives', () => {
    const opened = connectionOpened(initialChatState()).state;
    const afterWelcome = receiveFrame(opened, welcome(3), 0);
    expect(afterWelcome.send).toEqual([{ type: 'history', limit: 50 }]);
    expect(afterWelcome.state.phase).toBe('loading');
    const live = receiveFrame(afterWelcome.state, { type: 'history', messages: [msg(2), msg(3)], hasMore: true }, 0);
    expect(live.state).toMatchObject({ phase: 'live', loaded: true, hasMore: true });
    expect(seqs(live.state)).toEqual([2, 3]);
  });

  it('dedupes by seq and keeps seq order whatever order frames arrive in', () => {
    const start = initialChatState({ messages: [msg(1), msg(2)], hasMore: false, readSeq: 0 });
    const { state } = run(start, [
      { type: 'message', message: msg(4) },
      { type: 'message', message: msg(3) },
      { type: 'sync', messages: [msg(2), msg(3), msg(4), msg(5)], complete: true },
      { type: 'message', message: msg(5) },
    ]);
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
  });

  it('asks for what it missed since its newest seq after a reconnect, page by page', () => {
    let state = initialChatState({ messages: [msg(1), msg(2)], hasMore: false, readSeq: 2 });
    state = connectionOpened(state).state;
    const hello = receiveFrame(state, welcome(250), 0);
    expect(hello.send).toEqual([{ type: 'hello', since: 2 }]);
    const firstPage = Array.from({ length: 100 }, (_, i) => msg(i + 3));
    const more = run(hello.state, [welcome(250), { type: 'sync', messages: firstPage, complete: false }]);
    expect(more.send).toEqual([{ type: 'hello', since: 102 }]);
    expect(more.state.phase).toBe('syncing');
    const rest = Array.from({ length: 148 }, (_, i) => msg(i + 103));
    const done = run(more.state, [welcome(250), { type: 'sync', messages: rest, complete: true }]);
    expect(done.state.phase).toBe('live');
    expect(seqs(done.state)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('goes live at once when nothing was missed', () => {
    const state = connectionOpened(initialChatState({ messages: [msg(1)], hasMore: false, readSeq: 0 })).state;
    const step = receiveFrame(state, welcome(1), 0);
    expect(step.send).toEqual([]);
    expect(step.state.phase).toBe('live');
  });

  it('shows a sent message as pending until its ack turns it into the stored message', () => {
    const live = run(connectionOpened(initialChatState({ messages: [], hasMore: false, readSeq: 0 })).state, [
      welcome(0),
    ]);
    const sent = sendText(live.state, { clientId: 'c-new', text: 'hi', createdAt: 'now' });
    expect(sent.send).toEqual([{ type: 'send', clientId: 'c-new', text: 'hi' }]);
    expect(sent.state.pending).toHaveLength(1);
    const acked = receiveFrame(
      sent.state,
      { type: 'ack', clientId: 'c-new', message: msg(1, { authorId: ME, clientId: 'c-new', text: 'hi' }) },
      0,
    );
    expect(acked.state.pending).toEqual([]);
    expect(acked.state.messages.map((m) => m.text)).toEqual(['hi']);
  });

  it('re-sends unacked messages with the same clientId after a reconnect, and settles them from the sync', () => {
    let state = run(connectionOpened(initialChatState({ messages: [msg(1)], hasMore: false, readSeq: 0 })).state, [
      welcome(1),
    ]).state;
    const sent = sendText(state, { clientId: 'c-a', text: 'first', createdAt: 'now' });
    state = sendText(sent.state, { clientId: 'c-b', text: 'second', createdAt: 'now' }).state;
    state = connectionClosed(state);
    expect(state.pending.map((p) => p.clientId)).toEqual(['c-a', 'c-b']);
    // Offline: a new message waits instead of being written to a closed socket.
    const offline = sendText(state, { clientId: 'c-c', text: 'third', createdAt: 'now' });
    expect(offline.send).toEqual([]);
    state = connectionOpened(offline.state).state;
    // The server had stored c-a (its ack was lost with the socket).
    const back = run(state, [
      welcome(2),
      welcome(2),
      { type: 'sync', messages: [msg(2, { authorId: ME, clientId: 'c-a', text: 'first' })], complete: true },
    ]);
    expect(back.send).toEqual([
      { type: 'hello', since: 1 },
      { type: 'send', clientId: 'c-b', text: 'second' },
      { type: 'send', clientId: 'c-c', text: 'third' },
    ]);
    expect(back.state.pending.map((p) => p.clientId)).toEqual(['c-b', 'c-c']);
  });

  it('marks a refused send failed and retries it with the same clientId', () => {
    const live = run(connectionOpened(initialChatState({ messages: [], hasMore: false, readSeq: 0 })).state, [
      welcome(0),
    ]);
    const sent = sendText(live.state, { clientId: 'c-x', text: 'spam', createdAt: 'now' }).state;
    const refused = receiveFrame(
      sent,
      { type: 'error', code: 'rate.limited', message: 'slow', clientId: 'c-x' },
      0,
    ).state;
    expect(refused.pending[0]).toMatchObject({ state: 'failed', error: 'rate.limited' });
    expect(refused.errors).toEqual([]);
    const retried = retryPending(refused, 'c-x');
    expect(retried.send).toEqual([{ type: 'send', clientId: 'c-x', text: 'spam' }]);
    expect(retried.state.pending[0]?.state).toBe('sending');
  });

  it('shows other error frames inline, but not the access ones the close code handles', () => {
    const state = run(initialChatState(), [
      { type: 'error', code: 'message.forbidden', message: 'no' },
      { type: 'error', code: 'room.evicted', message: 'bye' },
    ]).state;
    expect(state.errors.map((e) => e.code)).toEqual(['message.forbidden']);
  });

  it('replaces edited and deleted messages by id and keeps the pin list in step', () => {
    const start = run(
      connectionOpened(initialChatState({ messages: [msg(1), msg(2)], hasMore: false, readSeq: 0 })).state,
      [welcome(2)],
    ).state;
    const pinned = msg(1, { pinnedAt: '2026-11-21T10:05:00.000Z', pinnedBy: ME });
    let state = receiveFrame(start, { type: 'updated', message: pinned }, 0).state;
    expect(state.pins.map((p) => p.id)).toEqual(['m1']);
    state = receiveFrame(
      state,
      { type: 'updated', message: msg(1, { text: '', deletedAt: '2026-11-21T10:06:00.000Z' }) },
      0,
    ).state;
    expect(state.pins).toEqual([]);
    expect(state.messages[0]?.deletedAt).not.toBeNull();
  });

  it('pages history upward once at a time, from the oldest seq shown', () => {
    const live = run(
      connectionOpened(initialChatState({ messages: [msg(51), msg(52)], hasMore: true, readSeq: 0 })).state,
      [welcome(52)],
    ).state;
    const asked = requestOlder(live);
    expect(asked.send).toEqual([{ type: 'history', before: 51, limit: 50 }]);
    expect(requestOlder(asked.state).send).toEqual([]);
    const page = Array.from({ length: 50 }, (_, i) => msg(i + 1));
    const after = receiveFrame(asked.state, { type: 'history', messages: page, hasMore: false }, 0).state;
    expect(after).toMatchObject({ hasMore: false, loadingOlder: false, phase: 'live' });
    expect(after.messages).toHaveLength(52);
  });

  it('sends a read marker forward only, once per seq', () => {
    const live = run(
      connectionOpened(initialChatState({ messages: [msg(1), msg(2)], hasMore: false, readSeq: 1 })).state,
      [welcome(2, { readSeq: 1 })],
    ).state;
    expect(markRead(live, 1).send).toEqual([]);
    const read = markRead(live, 2);
    expect(read.send).toEqual([{ type: 'read', seq: 2 }]);
    expect(markRead(read.state, 2).send).toEqual([]);
    expect(receiveFrame(read.state, { type: 'read', seq: 2 }, 0).state.readSeq).toBe(2);
  });

  it('tracks presence and expires typing notices', () => {
    const state = run(
      initialChatState(),
      [
        welcome(0, { present: [ME, OTHER] }),
        { type: 'presence', userId: 'u-3', state: 'joined' },
        { type: 'typing', userId: OTHER },
      ],
      1000,
    ).state;
    const left = receiveFrame(state, { type: 'presence', userId: OTHER, state: 'left' }, 1000).state;
    expect(left.present).toEqual([ME, 'u-3']);
    expect(typingNow(state, 2000)).toEqual([OTHER]);
    expect(typingNow(state, 6000)).toEqual([]);
    // A message from the typist ends their notice.
    expect(typingNow(receiveFrame(state, { type: 'message', message: msg(1) }, 1500).state, 2000)).toEqual([]);
  });
});

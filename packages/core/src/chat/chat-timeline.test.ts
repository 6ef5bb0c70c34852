import { describe, expect, it } from 'vitest';
import { ChatTimeline } from './chat-timeline';
import type { ChatMessage } from './model';

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  seq,
  room: 'r',
  authorId: 'u',
  clientId: `c${seq}`,
  text: `t${seq}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  pinnedAt: null,
  pinnedBy: null,
  ...over,
});

describe('ChatTimeline', () => {
  it('resumes from the first paint and asks for the next page of a paged sync', () => {
    const t = new ChatTimeline();
    t.apply({ type: 'history', messages: [msg(9), msg(10)], hasMore: true });
    t.resumeFrom(10);
    expect(t.since).toBe(10);
    expect(t.apply({ type: 'sync', messages: [msg(11), msg(12)], complete: false })).toEqual({
      type: 'hello',
      since: 12,
    });
    expect(t.synced).toBe(false);
    expect(t.apply({ type: 'sync', messages: [msg(12), msg(13)], complete: true })).toBeNull();
    expect(t.synced).toBe(true);
    expect(t.messages.map((m) => m.seq)).toEqual([9, 10, 11, 12, 13]);
  });

  it('never holds a seq twice and only advances `since` over contiguous seqs', () => {
    const t = new ChatTimeline();
    t.apply({ type: 'message', message: msg(1) });
    t.apply({ type: 'message', message: msg(3) });
    t.apply({ type: 'message', message: msg(1, { text: 'again' }) });
    expect(t.since).toBe(1);
    t.apply({ type: 'message', message: msg(2) });
    expect(t.since).toBe(3);
    expect(t.messages.map((m) => m.text)).toEqual(['t1', 't2', 't3']);
  });

  it('keeps unacked messages for a re-send with the same clientId, and marks refused ones', () => {
    const t = new ChatTimeline();
    expect(t.send('a', 'hello')).toEqual({ type: 'send', clientId: 'a', text: 'hello' });
    t.send('b', 'world');
    t.apply({ type: 'ack', clientId: 'a', message: msg(1, { clientId: 'a' }) });
    expect(t.resend()).toEqual([{ type: 'send', clientId: 'b', text: 'world' }]);
    t.apply({ type: 'error', code: 'chat.unavailable', message: 'x', clientId: 'b' });
    expect(t.outbox).toEqual([{ clientId: 'b', text: 'world', failed: true }]);
  });

  it('replaces edited, deleted and pinned messages in place', () => {
    const t = new ChatTimeline();
    t.apply({ type: 'message', message: msg(1) });
    t.apply({ type: 'updated', message: msg(1, { text: '', deletedAt: '2026-01-01T00:01:00.000Z' }) });
    expect(t.messages[0]).toMatchObject({ text: '', deletedAt: expect.any(String) });
  });
});

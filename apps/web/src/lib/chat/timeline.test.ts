import type { ChatMessage } from '@clantrader/core';
import { describe, expect, it } from 'vitest';
import { countUnread, mergeMessages, settlePending, updatePins } from './timeline';

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  seq,
  room: 'r',
  authorId: 'a',
  clientId: `c${seq}`,
  text: `t${seq}`,
  createdAt: '2026-11-21T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  pinnedAt: null,
  pinnedBy: null,
  ...over,
});

describe('timeline', () => {
  it('merges without duplicates, ascending, the latest copy winning', () => {
    const merged = mergeMessages([msg(3), msg(1)], [msg(2), msg(3, { text: 'edited' })]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2]?.text).toBe('edited');
  });

  it('settles pending messages the server stored for me, by clientId', () => {
    const pending = [
      { clientId: 'x', text: 'a', createdAt: '', state: 'sending' as const },
      { clientId: 'y', text: 'b', createdAt: '', state: 'sending' as const },
    ];
    const left = settlePending(pending, [msg(1, { authorId: 'me', clientId: 'x' }), msg(2, { clientId: 'y' })], 'me');
    expect(left.map((p) => p.clientId)).toEqual(['y']);
  });

  it('orders pins by pin time and drops unpinned and deleted ones', () => {
    const a = msg(1, { pinnedAt: '2026-11-21T10:02:00.000Z' });
    const b = msg(2, { pinnedAt: '2026-11-21T10:01:00.000Z' });
    const pins = updatePins(updatePins([], a), b);
    expect(pins.map((p) => p.seq)).toEqual([2, 1]);
    expect(updatePins(pins, msg(1)).map((p) => p.seq)).toEqual([2]);
    expect(updatePins(pins, msg(2, { pinnedAt: b.pinnedAt, deletedAt: 'x' })).map((p) => p.seq)).toEqual([1]);
  });

  it('counts unread messages from others after the marker, not deleted', () => {
    const list = [msg(1), msg(2, { authorId: 'me' }), msg(3, { deletedAt: 'x' }), msg(4)];
    expect(countUnread(list, 1, 'me')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { fakeChatDeps } from '../testing';
import { listUnreadRooms, readRoomHistory } from './read-room';

const ROOM = { party: 'clan', room: 'clan-1' };

async function seed(count: number, authorId = 'lead') {
  const { deps, store, access } = fakeChatDeps();
  for (let i = 1; i <= count; i++) {
    await store.append({
      ...ROOM,
      id: `m${i}`,
      authorId,
      clientId: `c${i}`,
      text: `message ${i}`,
      createdAt: new Date(0),
    });
  }
  return { deps, store, access };
}

describe('readRoomHistory', () => {
  it('pages a member through the history, newest first page, ascending within', async () => {
    const { deps, access } = await seed(5);
    access.grant({ ...ROOM, userId: 'ali', role: 'member' });
    const first = await readRoomHistory(deps, { ...ROOM, userId: 'ali', limit: 2 });
    expect(first).toMatchObject({ hasMore: true, readSeq: 0 });
    expect(first.messages.map((m) => m.seq)).toEqual([4, 5]);
    const last = await readRoomHistory(deps, { ...ROOM, userId: 'ali', before: 2, limit: 2 });
    expect(last.messages.map((m) => m.seq)).toEqual([1]);
    expect(last.hasMore).toBe(false);
  });

  it('refuses non-members and parties without chat', async () => {
    const { deps } = await seed(1);
    await expect(readRoomHistory(deps, { ...ROOM, userId: 'eve' })).rejects.toMatchObject({ code: 'room.forbidden' });
    await expect(readRoomHistory(deps, { party: 'lobby', room: 'x', userId: 'eve' })).rejects.toMatchObject({
      code: 'request.not_found',
    });
  });
});

describe('listUnreadRooms', () => {
  it('counts messages after the marker that are not the reader own, and cuts long previews', async () => {
    const { deps, store, access } = await seed(3);
    await store.append({
      ...ROOM,
      id: 'own',
      authorId: 'ali',
      clientId: 'x',
      text: 'y'.repeat(300),
      createdAt: new Date(0),
    });
    await store.setReadMarker({ ...ROOM, userId: 'ali', seq: 1 });
    access.grant({ ...ROOM, userId: 'ali', role: 'member' });
    const [room] = await listUnreadRooms(deps, 'ali');
    expect(room).toMatchObject({ ...ROOM, role: 'member', unread: 2, readSeq: 1 });
    expect(room?.lastMessage?.text).toHaveLength(141);
  });
});

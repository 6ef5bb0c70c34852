import { randomUUID } from 'node:crypto';
import type { ChatStore, RoomAccess } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createChatStore } from './chat-store';
import { createRoomAccess } from './room-access';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 10, minute));

describe.each(testDatabases())('chat store and room access on $name', (database) => {
  let handle: DbHandle;
  let store: ChatStore;
  let access: RoomAccess;
  const users: string[] = [];
  let n = 0;

  const newUser = async () => {
    n += 1;
    const account = newAccount(n, { handle: `chat_user_${n}` });
    await createAccountStore(handle.db).createAccount(account);
    users.push(account.user.id);
    return account.user.id;
  };
  const newClan = async (leader: string, name = `Clan ${randomUUID().slice(0, 8)}`) => {
    const id = randomUUID();
    await handle.db.execute(sql`insert into clans (id, name, slug, trading_focus, privacy, created_by, created_at)
      values (${id}, ${name}, ${id}, 'forex', 'open', ${leader}, now())`);
    await join(id, leader, 'leader');
    return id;
  };
  const join = (clanId: string, userId: string, role: string) =>
    handle.db.execute(
      sql`insert into clan_members (clan_id, user_id, role, joined_at) values (${clanId}, ${userId}, ${role}, now())`,
    );
  const subscribe = (clanId: string, userId: string, expiresAt: Date | null) =>
    handle.db.execute(sql`insert into channel_subscriptions (clan_id, user_id, source, created_at, expires_at)
      values (${clanId}, ${userId}, 'complimentary', now(), ${expiresAt?.toISOString() ?? null}::timestamptz)`);
  const append = (room: string, authorId: string, clientId: string, minute = 0, party = 'clan') =>
    store.append({
      party,
      room,
      id: randomUUID(),
      authorId,
      clientId,
      text: `text ${clientId}`,
      createdAt: at(minute),
    });

  beforeAll(async () => {
    handle = await database.open();
    store = createChatStore(handle.db);
    access = createRoomAccess(handle.db);
  });
  afterAll(() => handle.close());

  it('numbers messages 1, 2, 3 per room and returns the first message for a re-sent clientId', async () => {
    const ali = await newUser();
    const room = randomUUID();
    const first = await append(room, ali, 'a');
    expect(first).toMatchObject({
      created: true,
      message: { seq: 1, authorId: ali, authorHandle: expect.any(String) },
    });
    expect((await append(room, ali, 'b')).message.seq).toBe(2);
    const again = await append(room, ali, 'a', 5);
    expect(again).toEqual({ created: false, message: first.message });
    expect((await append(room, ali, 'a', 0, 'subs')).message.seq).toBe(1);
    expect(await store.lastSeq({ party: 'clan', room })).toBe(2);
    expect(await store.lastSeq({ party: 'clan', room: randomUUID() })).toBe(0);
  });

  it('gives concurrent writers distinct seqs without gaps and stores a clientId once', async () => {
    const ali = await newUser();
    const sara = await newUser();
    const room = randomUUID();
    const results = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => append(room, i % 2 ? ali : sara, `c${i}`)),
      append(room, ali, 'c1'),
      append(room, ali, 'c1'),
    ]);
    const seqs = (await store.listAfter({ party: 'clan', room, afterSeq: 0, limit: 100 })).map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(results.filter((r) => r.created)).toHaveLength(12);
    const c1 = results.filter((r) => r.message.clientId === 'c1').map((r) => r.message.id);
    expect(new Set(c1).size).toBe(1);
  });

  it('pages forwards after a seq and backwards before one, ascending', async () => {
    const ali = await newUser();
    const room = randomUUID();
    for (let i = 1; i <= 7; i++) await append(room, ali, `m${i}`, i);
    const key = { party: 'clan', room };
    expect((await store.listAfter({ ...key, afterSeq: 2, limit: 3 })).map((m) => m.seq)).toEqual([3, 4, 5]);
    expect((await store.listBefore({ ...key, beforeSeq: null, limit: 3 })).map((m) => m.seq)).toEqual([5, 6, 7]);
    expect((await store.listBefore({ ...key, beforeSeq: 3, limit: 5 })).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('edits, pins, unpins and deletes in place; other rooms and bad ids find nothing', async () => {
    const ali = await newUser();
    const room = randomUUID();
    const key = { party: 'clan', room };
    const { message } = await append(room, ali, 'x');
    const edited = await store.update({ ...key, messageId: message.id, patch: { text: 'new', editedAt: at(1) } });
    expect(edited).toMatchObject({ text: 'new', editedAt: at(1).toISOString() });
    await store.update({ ...key, messageId: message.id, patch: { pinnedAt: at(2), pinnedBy: ali } });
    expect(await store.pins(key)).toMatchObject([{ id: message.id, pinnedBy: ali, pinnedAt: at(2).toISOString() }]);
    await store.update({ ...key, messageId: message.id, patch: { pinnedAt: null, pinnedBy: null } });
    expect(await store.pins(key)).toEqual([]);
    const deleted = await store.update({ ...key, messageId: message.id, patch: { text: '', deletedAt: at(3) } });
    expect(deleted).toMatchObject({ text: '', deletedAt: at(3).toISOString(), seq: 1 });
    expect(await store.find({ party: 'subs', room, messageId: message.id })).toBeNull();
    expect(await store.find({ ...key, messageId: 'not-a-uuid' })).toBeNull();
    expect(await store.update({ ...key, messageId: randomUUID(), patch: { text: 'x' } })).toBeNull();
  });

  it('moves read markers forward only', async () => {
    const ali = await newUser();
    const key = { party: 'clan', room: randomUUID(), userId: ali };
    expect(await store.readMarker(key)).toBe(0);
    expect(await store.setReadMarker({ ...key, seq: 5 })).toBe(5);
    expect(await store.setReadMarker({ ...key, seq: 3 })).toBe(5);
    expect(await store.readMarker(key)).toBe(5);
  });

  it('reads room roles from clan members and active channel subscriptions', async () => {
    const [leader, member, subscriber, lapsed, stranger] = [
      await newUser(),
      await newUser(),
      await newUser(),
      await newUser(),
      await newUser(),
    ];
    const clan = await newClan(leader);
    await join(clan, member, 'member');
    await subscribe(clan, subscriber, null);
    await subscribe(clan, lapsed, new Date(Date.now() - 60_000));
    const role = (party: string, userId: string) => access.roleIn({ party, room: clan, userId });
    expect(await role('clan', leader)).toBe('leader');
    expect(await role('clan', member)).toBe('member');
    expect(await role('clan', subscriber)).toBeNull();
    expect(await role('subs', member)).toBe('member');
    expect(await role('subs', subscriber)).toBe('subscriber');
    expect(await role('subs', lapsed)).toBeNull();
    expect(await role('subs', stranger)).toBeNull();
    expect(await role('lobby', leader)).toBeNull();
    expect(await access.roleIn({ party: 'clan', room: 'not-a-uuid', userId: leader })).toBeNull();
    await handle.db.execute(sql`update clans set disbanded_at = now() where id = ${clan}`);
    expect(await role('clan', leader)).toBeNull();
  });

  it('counts unread messages per room: after the marker, not own, not deleted', async () => {
    const [leader, member, subscriber] = [await newUser(), await newUser(), await newUser()];
    const clan = await newClan(leader, `Unread ${randomUUID().slice(0, 6)}`);
    await join(clan, member, 'member');
    await subscribe(clan, subscriber, null);
    await append(clan, leader, 'l1', 1);
    await append(clan, member, 'm1', 2);
    const gone = await append(clan, leader, 'l2', 3);
    await append(clan, leader, 'l3', 4);
    await store.update({
      party: 'clan',
      room: clan,
      messageId: gone.message.id,
      patch: { text: '', deletedAt: at(5) },
    });
    await append(clan, leader, 's1', 6, 'subs');
    await store.setReadMarker({ party: 'clan', room: clan, userId: member, seq: 1 });
    const rooms = await access.unreadRooms(member);
    expect(rooms).toEqual([
      {
        party: 'subs',
        room: clan,
        role: 'member',
        title: expect.stringMatching(/^Unread/),
        unread: 1,
        readSeq: 0,
        lastMessage: expect.objectContaining({ seq: 1, text: 'text s1', authorId: leader }),
      },
      expect.objectContaining({
        party: 'clan',
        role: 'member',
        unread: 1,
        readSeq: 1,
        lastMessage: expect.objectContaining({ seq: 4, authorHandle: expect.any(String) }),
      }),
    ]);
    expect((await access.unreadRooms(subscriber)).map((r) => [r.party, r.role, r.unread])).toEqual([
      ['subs', 'subscriber', 1],
    ]);
    expect(await access.unreadRooms(await newUser())).toEqual([]);
  });
});

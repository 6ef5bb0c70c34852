import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, type ApiTestClient } from './api-client';

type Member = { userId: string; token: string };

/** A signed-in account. */
async function member(client: ApiTestClient): Promise<Member> {
  const who = await createAccount(client);
  return { userId: who.userId, token: await logIn(client, who) };
}

/** A clan made in SQL (the clan API has its own suite): the leader plus members by role. */
async function seedClan(client: ApiTestClient, leader: Member, others: [Member, string][] = []): Promise<string> {
  const id = crypto.randomUUID();
  await client.query(`insert into clans (id, name, slug, trading_focus, privacy, created_by, created_at)
    values ('${id}', 'Chat ${id.slice(0, 8)}', '${id}', 'forex', 'open', '${leader.userId}', now())`);
  for (const [m, role] of [[leader, 'leader'] as [Member, string], ...others]) {
    await client.query(`insert into clan_members (clan_id, user_id, role, joined_at)
      values ('${id}', '${m.userId}', '${role}', now())`);
  }
  return id;
}

async function seedMessages(client: ApiTestClient, clanId: string, author: Member, count: number, party = 'clan') {
  await client.query(`insert into chat_messages (id, party, room, seq, author_id, client_id, text, created_at)
    select gen_random_uuid(), '${party}', '${clanId}', n, '${author.userId}', 'c' || n, 'message ' || n,
      timestamptz '2026-11-21T10:00:00Z' + n * interval '1 minute'
    from generate_series(1, ${count}) as n`);
}

/** The claims inside a ticket (its payload is base64url JSON; the signature is checked by the rooms). */
function claimsOf(ticket: unknown): Record<string, unknown> {
  const payload = String(ticket).split('.')[0] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Record<string, unknown>;
}

/** Room tickets with roles, unread badges and history over HTTP (docs/chat.md). */
export function defineChatTests(client: () => ApiTestClient): void {
  it('issues chat tickets naming party, room and role to members only', async () => {
    const [leader, co, stranger] = [await member(client()), await member(client()), await member(client())];
    const clan = await seedClan(client(), leader, [[co, 'co_leader']]);
    const ticket = await call(client(), 'POST', '/rooms/ticket', {
      token: co.token,
      body: { party: 'clan', room: clan },
    });
    expect(ticket).toMatchObject({ status: 200, body: { party: 'clan', room: clan, role: 'co_leader' } });
    expect(claimsOf(ticket.body?.ticket)).toMatchObject({ u: co.userId, r: clan, p: 'clan', ro: 'co_leader' });
    const refused = await call(client(), 'POST', '/rooms/ticket', {
      token: stranger.token,
      body: { party: 'clan', room: clan },
    });
    expectProblem(refused, 403, 'room.forbidden');
    expectProblem(
      await call(client(), 'POST', '/rooms/ticket', { token: stranger.token, body: { party: 'clan', room: 'x' } }),
      403,
      'room.forbidden',
    );
    const bad = await call(client(), 'POST', '/rooms/ticket', { token: co.token, body: { party: 'dm', room: clan } });
    expect(expectProblem(bad, 422, 'validation.failed').errors).toEqual([
      { path: 'party', message: expect.any(String) },
    ]);
    const lobby = await call(client(), 'POST', '/rooms/ticket', { token: stranger.token, body: { room: 'hall' } });
    expect(lobby.status).toBe(200);
    expect(claimsOf(lobby.body?.ticket)).not.toHaveProperty('p');
  });

  it('lets channel subscribers into the subscriber chat, not the clan chat', async () => {
    const [leader, subscriber] = [await member(client()), await member(client())];
    const clan = await seedClan(client(), leader);
    await client().query(`insert into channel_subscriptions (clan_id, user_id, source, created_at)
      values ('${clan}', '${subscriber.userId}', 'complimentary', now())`);
    const subs = await call(client(), 'POST', '/rooms/ticket', {
      token: subscriber.token,
      body: { party: 'subs', room: clan },
    });
    expect(subs).toMatchObject({ status: 200, body: { role: 'subscriber' } });
    const leaderSubs = await call(client(), 'POST', '/rooms/ticket', {
      token: leader.token,
      body: { party: 'subs', room: clan },
    });
    expect(leaderSubs.body).toMatchObject({ role: 'leader' });
    expectProblem(
      await call(client(), 'POST', '/rooms/ticket', { token: subscriber.token, body: { party: 'clan', room: clan } }),
      403,
      'room.forbidden',
    );
  });

  it('pages a room history backwards over HTTP, for members only', async () => {
    const [leader, stranger] = [await member(client()), await member(client())];
    const clan = await seedClan(client(), leader);
    await seedMessages(client(), clan, leader, 7);
    const first = await call(client(), 'GET', `/chat/clan/${clan}/messages?limit=3`, { token: leader.token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ hasMore: true, readSeq: 0 });
    const seqs = (body: Record<string, unknown> | null) => (body?.messages as { seq: number }[]).map((m) => m.seq);
    expect(seqs(first.body)).toEqual([5, 6, 7]);
    expect((first.body?.messages as unknown[])[0]).toEqual({
      id: expect.any(String),
      seq: 5,
      room: clan,
      authorId: leader.userId,
      authorHandle: expect.any(String),
      clientId: 'c5',
      text: 'message 5',
      createdAt: '2026-11-21T10:05:00.000Z',
      editedAt: null,
      deletedAt: null,
      pinnedAt: null,
      pinnedBy: null,
    });
    const older = await call(client(), 'GET', `/chat/clan/${clan}/messages?before=2&limit=3`, { token: leader.token });
    expect(older.body).toMatchObject({ hasMore: false });
    expect(seqs(older.body)).toEqual([1]);
    const path = `/chat/clan/${clan}/messages`;
    expectProblem(await call(client(), 'GET', path, { token: stranger.token }), 403, 'room.forbidden');
    expectProblem(await call(client(), 'GET', path), 401, 'auth.unauthenticated');
    expectProblem(await call(client(), 'GET', `${path}?limit=101`, { token: leader.token }), 422, 'validation.failed');
    expectProblem(
      await call(client(), 'GET', `/chat/lobby/${clan}/messages`, { token: leader.token }),
      404,
      'request.not_found',
    );
  });

  it('lists the rooms of a user with unread counts and the newest message', async () => {
    const [leader, reader] = [await member(client()), await member(client())];
    const clan = await seedClan(client(), leader, [[reader, 'member']]);
    await seedMessages(client(), clan, leader, 4);
    await client().query(`insert into chat_read_markers (party, room, user_id, seq, updated_at)
      values ('clan', '${clan}', '${reader.userId}', 1, now())`);
    const res = await call(client(), 'GET', '/chat/unread', { token: reader.token });
    expect(res.status).toBe(200);
    const rooms = res.body?.rooms as Record<string, unknown>[];
    expect(rooms.find((r) => r.party === 'clan')).toEqual({
      party: 'clan',
      room: clan,
      role: 'member',
      title: expect.stringMatching(/^Chat /),
      unread: 3,
      readSeq: 1,
      lastMessage: {
        id: expect.any(String),
        seq: 4,
        authorId: leader.userId,
        authorHandle: expect.any(String),
        text: 'message 4',
        createdAt: '2026-11-21T10:04:00.000Z',
      },
    });
    expect(rooms.find((r) => r.party === 'subs')).toMatchObject({ unread: 0, lastMessage: null });
    const own = await call(client(), 'GET', '/chat/unread', { token: leader.token });
    expect((own.body?.rooms as Record<string, unknown>[]).find((r) => r.party === 'clan')).toMatchObject({ unread: 0 });
    expectProblem(await call(client(), 'GET', '/chat/unread'), 401, 'auth.unauthenticated');
  });
}

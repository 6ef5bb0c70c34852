import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, type ApiTestClient } from './api-client';

/** The bell: a user's notifications, paged newest first, marked read, never another user's. */
export function defineNotificationTests(client: () => ApiTestClient): void {
  const insert = async (userId: string, id: string, kind: string, data: Record<string, unknown>) =>
    client().query(
      `insert into notifications (id, user_id, kind, data, dedupe_key, created_at)
       values ('${id}', '${userId}', '${kind}', '${JSON.stringify(data)}'::jsonb, '${kind}:${id}', now())`,
    );

  it('lists my notifications newest first with the unread count, pages by cursor and marks read', async () => {
    const me = await createAccount(client());
    const other = await createAccount(client());
    const token = await logIn(client(), me);
    const ids = ['01930000-0000-7000-8000-000000000001', '01930000-0000-7000-8000-000000000002'];
    await insert(me.userId, ids[0] ?? '', 'season.ended', { seasonId: '2026-10', position: 4, tier: 'gold' });
    await insert(me.userId, ids[1] ?? '', 'rank.climbed', { seasonId: '2026-11', position: 3, previous: 9, places: 6 });
    await insert(other.userId, '01930000-0000-7000-8000-000000000003', 'award.won', { award: 'overall_champion' });

    const first = await call(client(), 'GET', '/me/notifications?limit=1', { token });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      unread: 2,
      nextCursor: ids[1],
      items: [{ id: ids[1], kind: 'rank.climbed', data: { position: 3, places: 6 }, readAt: null }],
    });
    const rest = await call(client(), 'GET', `/me/notifications?limit=1&cursor=${ids[1]}`, { token });
    expect(rest.body).toMatchObject({ nextCursor: null, items: [{ id: ids[0], kind: 'season.ended' }] });

    const read = await call(client(), 'POST', '/me/notifications/read', { token, body: { upTo: ids[0] } });
    expect(read.body).toEqual({ marked: 1, unread: 1 });
    expect((await call(client(), 'POST', '/me/notifications/read', { token, body: {} })).body).toEqual({
      marked: 1,
      unread: 0,
    });
  });

  it('requires a session and refuses bad cursors', async () => {
    expectProblem(await call(client(), 'GET', '/me/notifications'), 401, 'auth.unauthenticated');
    const token = await logIn(client(), await createAccount(client()));
    expectProblem(await call(client(), 'GET', '/me/notifications?cursor=nope', { token }), 422, 'validation.failed');
    expectProblem(
      await call(client(), 'POST', '/me/notifications/read', { token, body: { upTo: 'x' } }),
      422,
      'validation.failed',
    );
  });
}

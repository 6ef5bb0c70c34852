import { randomUUID } from 'node:crypto';
import { AI_AUTHOR_ID } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { rowsOf } from './season-sql';
import { createAccountStore } from './account-store';
import { createChatStore } from './chat-store';

describe.each(testDatabases())("the clan assistant's chat messages on $name", (database) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(() => handle.close());

  const post = (store: ReturnType<typeof createChatStore>, room: string, clientId: string, ai: object) =>
    store.append({
      party: 'clan',
      room,
      id: randomUUID(),
      authorId: AI_AUTHOR_ID,
      clientId,
      text: `reply ${clientId}`,
      createdAt: new Date('2026-11-21T10:00:00Z'),
      ai: ai as never,
    });

  it('creates the assistant user on its first message and keeps the tier or notice', async () => {
    const room = randomUUID();
    const store = createChatStore(handle.db);
    const answer = await post(store, room, 'ai:q1', { tier: 'local' });
    expect(answer).toMatchObject({ created: true, message: { seq: 1, authorId: AI_AUTHOR_ID, ai: { tier: 'local' } } });
    expect(answer.message.authorHandle).toBeUndefined();
    // Another store (another process or Durable Object) finds the user already there.
    const notice = await post(createChatStore(handle.db), room, 'ai:q2', { tier: null, notice: 'limit' });
    expect(notice.message.ai).toEqual({ tier: null, notice: 'limit' });
    expect(await post(store, room, 'ai:q1', { tier: 'local' })).toMatchObject({ created: false });
    const [first, second] = await store.listAfter({ party: 'clan', room, afterSeq: 0, limit: 10 });
    expect(first?.ai).toEqual({ tier: 'local' });
    expect(second?.ai).toEqual({ tier: null, notice: 'limit' });
  });

  it('gives the assistant user no profile and no way to sign in', async () => {
    await post(createChatStore(handle.db), randomUUID(), 'ai:q3', { tier: 'cloud' });
    const accounts = createAccountStore(handle.db);
    const user = await accounts.findUserById(AI_AUTHOR_ID);
    expect(user?.email).toMatch(/\.invalid$/);
    expect(user?.passwordHash).toBe('!');
    const profiles = rowsOf(await handle.db.execute(sql`select 1 from profiles where user_id = ${AI_AUTHOR_ID}`));
    expect(profiles).toHaveLength(0);
  });

  it('refuses an unknown ai value', async () => {
    const e: unknown = await post(createChatStore(handle.db), randomUUID(), 'ai:q4', { tier: 'psychic' }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(Error);
  });
});

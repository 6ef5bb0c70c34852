import { AI_AUTHOR_ID, AI_NOTICES, type ServerFrame } from '@clantrader/core';
import type { DbHandle } from '@clantrader/db';
import { openPg } from '@clantrader/db/drivers/pg';
import { createHmacTicketSigner, systemClock } from '@clantrader/adapters';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { testUserSql } from './room-protocol-suite';
import { TEST_AUTH_SECRET } from './test-secret';

// `@ai` in the Durable Object clan rooms: the room asks the API Worker (here its stand-in,
// test/stub-api, run by the same `wrangler dev`) over the service binding `API`, then
// stores the reply through the Neon driver and sends it to every member.
const tickets = createHmacTicketSigner(TEST_AUTH_SECRET, systemClock);
let db: DbHandle | undefined;
beforeAll(async () => {
  db = await openPg(inject('partyDatabaseUrl'), { max: 2 });
});
afterAll(() => db?.close());

async function newUser(): Promise<string> {
  const id = crypto.randomUUID();
  for (const statement of testUserSql(id)) await db?.db.execute(statement);
  return id;
}

async function enter(party: string, room: string, userId: string, role: 'leader' | 'member') {
  const { ticket } = await tickets.issue({ userId, room, party, role });
  const ws = new WebSocket(`${inject('partyBaseUrl')}/parties/${party}/${room}?ticket=${ticket}`);
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  await expect.poll(() => frames.some((f) => f.type === 'welcome')).toBe(true);
  const messages = () => frames.flatMap((f) => (f.type === 'message' ? [f.message] : []));
  return { ws, frames, messages };
}

describe('@ai in the Durable Object clan rooms', () => {
  it("sends every member the API Worker's answer after the asker's ack, stored with its tier", async () => {
    const room = crypto.randomUUID();
    const [alice, bob] = [await newUser(), await newUser()];
    const a = await enter('clan', room, alice, 'leader');
    const b = await enter('clan', room, bob, 'member');
    a.ws.send(JSON.stringify({ type: 'send', clientId: 'q-1', text: '@AI who leads?' }));
    await expect.poll(() => b.messages().length, { timeout: 10_000 }).toBe(2);
    expect(b.messages()[1]).toMatchObject({
      seq: 2,
      authorId: AI_AUTHOR_ID,
      text: 'stub answer to: @AI who leads?',
      ai: { tier: 'local' },
    });
    await expect.poll(() => a.messages().length).toBe(1);
    expect(a.frames.filter((f) => f.type === 'ack' || f.type === 'message').map((f) => f.type)).toEqual([
      'ack',
      'message',
    ]);
    // Stored through the Neon driver: a reconnect's sync has it.
    const rows = await db?.db.execute(`select ai from chat_messages where room = '${room}' order by seq`);
    expect(JSON.stringify(rows)).toContain('"ai":"local"');
    a.ws.close();
    b.ws.close();
  });

  it('posts the unavailable notice when the API Worker fails, and ignores @ai in subscriber chat', async () => {
    const room = crypto.randomUUID();
    const alice = await newUser();
    const a = await enter('clan', room, alice, 'leader');
    a.ws.send(JSON.stringify({ type: 'send', clientId: 'q-1', text: '@ai please fail' }));
    await expect.poll(() => a.messages().length, { timeout: 10_000 }).toBe(1);
    expect(a.messages()[0]).toMatchObject({
      authorId: AI_AUTHOR_ID,
      text: AI_NOTICES.unavailable,
      ai: { tier: null, notice: 'unavailable' },
    });
    const s = await enter('subs', room, alice, 'leader');
    s.ws.send(JSON.stringify({ type: 'send', clientId: 'q-2', text: '@ai who leads?' }));
    await expect.poll(() => s.frames.some((f) => f.type === 'ack')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(s.messages()).toEqual([]);
    a.ws.close();
    s.ws.close();
  });
});

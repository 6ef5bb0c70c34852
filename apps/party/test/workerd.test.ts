import type { DbHandle } from '@clantrader/db';
import { openPg } from '@clantrader/db/drivers/pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeRoomProtocol, testUserSql } from './room-protocol-suite';
import { TEST_AUTH_SECRET, TEST_ROOM_CONTROL_SECRET } from './test-secret';

// The Durable Object rooms in real workerd, reached over loopback through `wrangler dev`;
// the chat rooms store through the Neon driver into the test PostgreSQL database.
let db: DbHandle | undefined;
beforeAll(async () => {
  db = await openPg(inject('partyDatabaseUrl'), { max: 2 });
});
afterAll(() => db?.close());

describeRoomProtocol('partyserver in workerd', {
  baseUrl: () => inject('partyBaseUrl'),
  secret: TEST_AUTH_SECRET,
  async createUser() {
    const id = crypto.randomUUID();
    for (const statement of testUserSql(id)) await db?.db.execute(statement);
    return id;
  },
  // The edge eviction path: what the API Worker's service binding sends to the Durable Object.
  async evict({ party, room, userId, reason }) {
    const base = inject('partyBaseUrl').replace(/^ws:/, 'http:');
    const res = await fetch(`${base}/parties/${party}/${room}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-room-control': TEST_ROOM_CONTROL_SECRET },
      body: JSON.stringify({ userId, reason }),
    });
    if (!res.ok) throw new Error(`eviction answered ${res.status}`);
  },
});

describe('eviction endpoint of the Durable Object rooms', () => {
  const roomUrl = () => `${inject('partyBaseUrl').replace(/^ws:/, 'http:')}/parties/clan/${crypto.randomUUID()}`;
  const body = JSON.stringify({ userId: 'u', reason: 'removed' });

  it('refuses requests without the internal secret, or with a wrong one', async () => {
    expect((await fetch(roomUrl(), { method: 'POST', body })).status).toBe(403);
    const wrong = { 'x-room-control': `${TEST_ROOM_CONTROL_SECRET}x` };
    expect((await fetch(roomUrl(), { method: 'POST', body, headers: wrong })).status).toBe(403);
    expect((await fetch(roomUrl())).status).toBe(404);
  });

  it('answers how many sockets it closed, and refuses a malformed body', async () => {
    const headers = { 'x-room-control': TEST_ROOM_CONTROL_SECRET };
    const res = await fetch(roomUrl(), { method: 'POST', body, headers });
    expect(await res.json()).toEqual({ closed: 0 });
    const bad = await fetch(roomUrl(), { method: 'POST', body: '{"userId":1}', headers });
    expect(bad.status).toBe(400);
  });
});

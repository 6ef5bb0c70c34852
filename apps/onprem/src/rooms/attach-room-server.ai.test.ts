import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AI_AUTHOR_ID, AI_NOTICES, type ServerFrame } from '@clantrader/core';
import type { DbHandle } from '@clantrader/db';
import { testDatabases } from '@clantrader/db/testing';
import { testUserSql } from '@clantrader/party/protocol-suite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { composeOnprem } from '../compose';
import { readEnv } from '../env';
import { attachRoomServer, type RoomServer } from './attach-room-server';

const ANSWER = 'Alice leads the Wolf Pack; Bob joined this week.';

/**
 * A loopback model speaking OpenAI chat completions (the cloud tier of the real router):
 * streamed answers as SSE chunks, `GET /v1/models` for the health probe.
 */
async function startModel() {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}');
      return;
    }
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { model: string; stream?: boolean };
      asked.push(JSON.stringify(body));
      const base = { id: 'chatcmpl-1', created: 1_700_000_000, model: body.model };
      if (!body.stream) {
        const message = { role: 'assistant', content: ANSWER };
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ...base,
            object: 'chat.completion',
            choices: [{ index: 0, message, finish_reason: 'stop' }],
          }),
        );
        return;
      }
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(chunk({ role: 'assistant', content: ANSWER }, null) + chunk({}, 'stop') + 'data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A socket that records every server frame. */
async function enter(url: string) {
  const ws = new WebSocket(url);
  const frames: ServerFrame[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d)) as ServerFrame));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await expect.poll(() => frames.map((f) => f.type)).toContain('welcome');
  const messages = () => frames.flatMap((f) => (f.type === 'message' ? [f.message] : []));
  return { ws, frames, messages };
}

// `@ai` on the on-prem composition exactly as main.ts wires it: the real API deps (AI
// router over a loopback model, clan store, database rate limiter) and the PGlite store.
describe('on-prem room server: @ai in clan chat', () => {
  let handle: DbHandle;
  let rooms: RoomServer;
  let server: http.Server;
  let model: Awaited<ReturnType<typeof startModel>>;
  let app: ReturnType<typeof composeOnprem>;
  let base = '';
  let root = '';

  const newUser = async () => {
    const id = crypto.randomUUID();
    for (const statement of testUserSql(id)) await handle.db.execute(statement);
    return id;
  };
  const newClan = async (plan: 'free' | 'pro', members: [string, string][]) => {
    const id = crypto.randomUUID();
    // Ids are UUIDs minted here, so inlining them is safe.
    await handle.db.execute(`insert into clans (id, name, slug, trading_focus, privacy, plan, created_by, created_at)
      values ('${id}', 'Wolf ${id.slice(0, 8)}', '${id}', 'gold', 'open', '${plan}', '${members[0]?.[0]}', now())`);
    for (const [userId, role] of members)
      await handle.db.execute(
        `insert into clan_members (clan_id, user_id, role, joined_at) values ('${id}', '${userId}', '${role}', now())`,
      );
    return id;
  };
  const url = async (clanId: string, userId: string, role: 'leader' | 'member') => {
    const { ticket } = await app.tickets.issue({ userId, room: clanId, party: 'clan', role });
    return `${base}/parties/clan/${clanId}?ticket=${ticket}`;
  };

  beforeAll(async () => {
    const pglite = testDatabases().find((d) => d.name === 'pglite');
    if (!pglite) throw new Error('pglite test database missing');
    handle = await pglite.open();
    model = await startModel();
    root = await mkdtemp(join(tmpdir(), 'ct-onprem-ai-'));
    const env = readEnv({ BLOB_DIR: join(root, 'blobs'), AI_CLOUD_BASE_URL: model.baseURL, AI_CLOUD_API_KEY: 'test' });
    app = composeOnprem(env, handle, 'test');
    server = http.createServer((_req, res) => res.writeHead(404).end());
    rooms = attachRoomServer(server, {
      tickets: app.tickets,
      clock: app.clock,
      ids: app.ids,
      store: app.chatStore,
      ...(app.assistant ? { assistant: app.assistant } : {}),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await rooms?.close();
    await new Promise((resolve) => server?.close(resolve));
    await model?.close();
    app?.jobs.stop();
    await handle?.close();
    await rm(root, { recursive: true, force: true });
  });

  it("sends every member the assistant's answer, after the asker's ack", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const clan = await newClan('pro', [
      [alice, 'leader'],
      [bob, 'member'],
    ]);
    const a = await enter(await url(clan, alice, 'leader'));
    const b = await enter(await url(clan, bob, 'member'));
    a.ws.send(JSON.stringify({ type: 'send', clientId: 'q-1', text: '@ai who leads?' }));
    await expect.poll(() => b.messages().length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => a.messages().length).toBe(1);
    const [question, answer] = b.messages();
    expect(question).toMatchObject({ seq: 1, authorId: alice, text: '@ai who leads?' });
    expect(answer).toMatchObject({ seq: 2, authorId: AI_AUTHOR_ID, text: ANSWER, ai: { tier: 'cloud' } });
    expect(a.messages()[0]).toEqual(answer);
    const types = a.frames.map((f) => f.type).filter((t) => t === 'ack' || t === 'message');
    expect(types).toEqual(['ack', 'message']);
    // The question reached the model as the asker's words, without the mention.
    expect(model.asked.some((body) => body.includes('who leads?'))).toBe(true);
    // Stored: a member who arrives later gets it in their sync.
    const late = await enter(`${await url(clan, bob, 'member')}&since=0`);
    await expect
      .poll(() => late.frames.flatMap((f) => (f.type === 'sync' ? f.messages.map((m) => m.seq) : [])))
      .toEqual([1, 2]);
    for (const s of [a, b, late]) s.ws.close();
  });

  it('answers a free clan with the pro-only notice, once per hour, without asking the model', async () => {
    const carol = await newUser();
    const clan = await newClan('free', [[carol, 'leader']]);
    const asked = model.asked.length;
    const c = await enter(await url(clan, carol, 'leader'));
    c.ws.send(JSON.stringify({ type: 'send', clientId: 'q-1', text: '@AI help' }));
    await expect.poll(() => c.messages().length, { timeout: 10_000 }).toBe(1);
    expect(c.messages()[0]).toMatchObject({ authorId: AI_AUTHOR_ID, text: AI_NOTICES.pro_only, ai: { tier: null } });
    c.ws.send(JSON.stringify({ type: 'send', clientId: 'q-2', text: '@ai again' }));
    c.ws.send(JSON.stringify({ type: 'ping', id: 'after' }));
    await expect.poll(() => c.frames.some((f) => f.type === 'pong')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(c.messages()).toHaveLength(1);
    expect(model.asked.length).toBe(asked);
    c.ws.close();
  });
});

import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, postForEvents, type ApiTestClient } from './api-client';

/** What the local OpenAI-compatible test server answers every question with. */
export const LOCAL_TEST_ANSWER = 'XAUUSD is the most traded instrument this week.';

/** POST /ai/ask and, on 200, the Server-Sent Events of the answer. */
const ask = (client: ApiTestClient, token: string, question: string) =>
  postForEvents(client, token, '/ai/ask', { question });

/**
 * The spectator bot over HTTP. The home under test must configure NO cloud tier and a
 * local OpenAI-compatible test server that answers `LOCAL_TEST_ANSWER`.
 */
export function defineAiTests(client: () => ApiTestClient): void {
  it('reports the local tier for the connectivity dot', async () => {
    const res = await call(client(), 'GET', '/ai/status');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tier: 'local', colour: 'yellow', label: '⚡ Running in local mode' });
  });

  it('requires a session and a non-empty question', async () => {
    expectProblem(await call(client(), 'POST', '/ai/ask', { body: { question: 'hi' } }), 401, 'auth.unauthenticated');
    const token = await logIn(client(), await createAccount(client()));
    expectProblem(
      await call(client(), 'POST', '/ai/ask', { token, body: { question: '  ' } }),
      422,
      'validation.failed',
    );
    expectProblem(
      await call(client(), 'POST', '/ai/ask', { token, body: { question: 'q', extra: 1 } }),
      422,
      'validation.failed',
    );
  });

  it('streams the local answer as SSE, then refuses the 4th question of the day politely', async () => {
    const token = await logIn(client(), await createAccount(client()));
    const first = await ask(client(), token, 'What is trending this week?');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const deltas = first.events.filter((e) => e.event === 'delta').map((e) => String(e.data.text));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(LOCAL_TEST_ANSWER);
    expect(first.events.at(-1)).toMatchObject({ event: 'done', data: { tier: 'local', remaining: 2 } });

    expect((await ask(client(), token, 'Second question?')).status).toBe(200);
    const third = await ask(client(), token, 'Third question?');
    expect(third.events.at(-1)).toMatchObject({ event: 'done', data: { remaining: 0 } });

    const fourth = await ask(client(), token, 'Fourth question?');
    expect(fourth.status).toBe(429);
    expect(fourth.problem).toMatchObject({ code: 'ai.quota_exceeded', status: 429 });
    expect(String(fourth.problem?.detail)).toMatch(/free AI questions for today/);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('logs each question for the hourly precompute and gives the question back when no tier can answer', async () => {
    const token = await logIn(client(), await createAccount(client()));
    const question = `Which clan leads? ${crypto.randomUUID()}`;
    expect((await ask(client(), token, question)).status).toBe(200);
    const logged = await client().query(
      `select count from ai_state where key like 'question:%' and value->>'question' = '${question}'`,
    );
    expect(logged.map((r) => Number(r.count))).toEqual([1]);

    // The local model's breaker is open (as after a failed probe) and nothing is cached: 503.
    const open = JSON.stringify({ state: 'open', failures: 2, retryAtMs: 8_000_000_000_000, lastError: 'probe' });
    await client().query(
      `insert into ai_state (key, value, count) values ('health:ollama', '${open}'::jsonb, 0)
       on conflict (key) do update set value = excluded.value`,
    );
    try {
      for (let i = 0; i < 4; i++) {
        const down = await ask(client(), token, `A question nobody asked before ${i}`);
        expect(down.status).toBe(503);
        expect(down.problem).toMatchObject({ code: 'ai.unavailable' });
      }
    } finally {
      await client().query(`delete from ai_state where key = 'health:ollama'`);
    }
    // Four outages cost nothing: two of the three free questions are still left.
    const after = await ask(client(), token, 'Back again?');
    expect(after.events.at(-1)).toMatchObject({ event: 'done', data: { remaining: 1 } });
  });

  it('never limits a Pro user, whose plan only an admin can grant', async () => {
    const pro = await createAccount(client());
    const token = await logIn(client(), pro);
    expectProblem(
      await call(client(), 'POST', `/admin/users/${pro.userId}/plan`, { token, body: { plan: 'pro' } }),
      403,
      'auth.forbidden',
    );
    const admin = await createAccount(client());
    await client().query(`update users set role = 'admin' where id = '${admin.userId}'`);
    const adminToken = await logIn(client(), admin);
    expectProblem(
      await call(client(), 'POST', `/admin/users/${pro.userId}/plan`, { token: adminToken, body: { plan: 'gold' } }),
      422,
      'validation.failed',
    );
    const granted = await call(client(), 'POST', `/admin/users/${pro.userId}/plan`, {
      token: adminToken,
      body: { plan: 'pro' },
    });
    expect(granted.body).toEqual({ userId: pro.userId, plan: 'pro' });
    for (let i = 0; i < 5; i++) {
      const answer = await ask(client(), token, `Pro question ${i}?`);
      expect(answer.status).toBe(200);
      expect(answer.events.at(-1)).toMatchObject({ event: 'done', data: { tier: 'local', remaining: null } });
    }
  });

  it('lets only admins switch force-local', async () => {
    const user = await createAccount(client());
    const token = await logIn(client(), user);
    expectProblem(
      await call(client(), 'POST', '/admin/ai/force-local', { token, body: { enabled: true } }),
      403,
      'auth.forbidden',
    );
    await client().query(`update users set role = 'admin' where id = '${user.userId}'`);
    const on = await call(client(), 'POST', '/admin/ai/force-local', { token, body: { enabled: true } });
    expect(on.status).toBe(200);
    // No cloud tier is configured, so force-local changes the switch but not the mode.
    expect(on.body).toMatchObject({ forceLocal: true, tier: 'local' });
    expect((await call(client(), 'GET', '/ai/status')).body).toMatchObject({ forceLocal: true });
    const off = await call(client(), 'POST', '/admin/ai/force-local', { token, body: { enabled: false } });
    expect(off.body).toMatchObject({ forceLocal: false });
  });
}

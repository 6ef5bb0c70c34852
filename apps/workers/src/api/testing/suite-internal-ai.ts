import { AI_NOTICES } from '@clantrader/core';
import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, type ApiTestClient } from './api-client';
import { LOCAL_TEST_ANSWER } from './suite-ai';

/**
 * The shared internal secret both homes' test clients configure (`internalSecret` on
 * Node; ROOM_CONTROL_SECRET in workerd, vitest.workers.config.ts).
 */
export const INTERNAL_TEST_SECRET = 'internal-test-secret-at-least-32-characters';

const PATH = '/internal/ai/clan-mention';

/**
 * The party worker's `@ai` route (routes/internal-ai.ts): hidden without the secret, then
 * the clan assistant's plan check, notices and answer from the local test model.
 */
export function defineInternalAiTests(client: () => ApiTestClient): void {
  const mention = (body: unknown, secret: string | null = INTERNAL_TEST_SECRET) =>
    call(client(), 'POST', PATH, { body, ...(secret === null ? {} : { headers: { 'x-room-control': secret } }) });

  it("answers clan members' @ai for the party worker: upsell for free clans, the model for pro ones", async () => {
    const lead = await createAccount(client());
    const token = await logIn(client(), lead);
    const created = await call(client(), 'POST', '/clans', {
      token,
      body: { name: `Mention ${crypto.randomUUID().slice(0, 8)}`, tradingFocus: 'gold', privacy: 'open' },
    });
    expect(created.status).toBe(201);
    const clanId = String(created.body?.id);
    const ask = { clanId, askerId: lead.userId, text: '@ai who leads?' };

    // Hidden without the secret or with a wrong one.
    expectProblem(await mention(ask, null), 404, 'request.not_found');
    expectProblem(await mention(ask, 'x'.repeat(43)), 404, 'request.not_found');
    expectProblem(await mention({ ...ask, clanId: 'nope' }), 422, 'validation.failed');

    expect(await mention(ask)).toMatchObject({
      status: 200,
      body: { reply: { text: AI_NOTICES.pro_only, ai: { tier: null, notice: 'pro_only' } } },
    });
    // Once per user per hour.
    expect((await mention(ask)).body).toEqual({ reply: null });

    await client().query(`update clans set plan = 'pro' where id = '${clanId}'`);
    expect(await mention(ask)).toMatchObject({
      status: 200,
      body: { reply: { text: LOCAL_TEST_ANSWER, ai: { tier: 'local' } } },
    });
    // Someone who is not a member gets nothing, whatever the party worker says.
    const outsider = await createAccount(client());
    expect((await mention({ ...ask, askerId: outsider.userId })).body).toEqual({ reply: null });
  });
}

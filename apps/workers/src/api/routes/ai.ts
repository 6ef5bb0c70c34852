import { ai, DomainError } from '@clantrader/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AiApiDeps, ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { streamAnswer } from '../sse';
import { jsonBody } from '../validate';

export const AskBodySchema = z.strictObject({ question: z.string().trim().min(1).max(2_000) });
export const ForceLocalBodySchema = z.strictObject({ enabled: z.boolean() });

/**
 * The spectator bot: `POST /ai/ask` streams the answer as Server-Sent Events (`delta`
 * {text}, `reset` {}, then `done` {tier, sourceTier, model, cachedAtMs, remaining}; a
 * failure after the stream began arrives as `error` {code, title, detail}). Quota and
 * "no tier can answer" before the first byte are ordinary problem+json answers.
 */
export function aiRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  return new Hono<ApiEnv>()
    .get('/ai/status', async (c) => {
      const status = await ai.getAiStatus(need(deps.ai).router);
      return c.json({ tier: status.mode, label: status.label, colour: status.colour, forceLocal: status.forceLocal });
    })
    .post('/ai/ask', session, jsonBody(AskBodySchema), async (c) => {
      const aiDeps = need(deps.ai);
      const user = c.get('user');
      const who = { userId: user.id, plan: user.plan, timezone: user.timezone };
      const quotaDeps = { quota: aiDeps.quota, clock: aiDeps.router.clock };
      const { remaining } = await ai.countQuestion(quotaDeps, who);
      const question = c.req.valid('json').question;
      const snapshot = await aiDeps.snapshots.latest().catch(() => null);
      await ai.recordQuestion(
        { questions: aiDeps.questions, clock: aiDeps.router.clock },
        { question, queryType: 'stats' },
      );
      const abort = new AbortController();
      const events = ai.askAi(aiDeps.router, {
        question,
        queryType: 'stats',
        contextVersion: ai.contextVersionOf(snapshot, aiDeps.router.clock.now()),
        snapshot,
        caller: { userId: user.id, clanIds: [] },
        signal: abort.signal,
      });
      // The first event is pulled before answering, so "no tier can answer" is a plain 503 —
      // and costs the user nothing: the question is given back.
      return streamAnswer(c, events, {
        abort,
        done: { remaining },
        onFailedStart: () => ai.refundQuestion(quotaDeps, who),
      });
    })
    .post('/admin/ai/force-local', session, jsonBody(ForceLocalBodySchema), async (c) => {
      if (c.get('user').role !== 'admin') throw new DomainError('auth.forbidden', 'Only admins may do this');
      const router = need(deps.ai).router;
      await router.connectivity.setForceLocal(c.req.valid('json').enabled);
      const status = await ai.getAiStatus(router);
      return c.json({ forceLocal: status.forceLocal, tier: status.mode, label: status.label, colour: status.colour });
    });
}

function need(deps: AiApiDeps | undefined): AiApiDeps {
  if (!deps)
    throw new DomainError('ai.unavailable', 'The AI assistant is not configured here', { retryAfterSeconds: 60 });
  return deps;
}

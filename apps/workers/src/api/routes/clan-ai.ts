import { clanAi, DomainError } from '@clantrader/core';
import { Hono, type Context } from 'hono';
import type { AiApiDeps, ApiDeps, ApiEnv } from '../deps';
import { requireSession } from '../middleware/auth';
import { streamAnswer } from '../sse';
import { jsonBody, readPathId } from '../validate';

const RecruitBodySchema = clanAi.ClanAiQuestionSchema.omit({ rival: true });

/**
 * The clan assistant (docs/ai.md, "Clan assistant"), for members of the clan only:
 * `POST /clans/:id/ai/recruit` {question} and `POST /clans/:id/ai/rival` {question, rival?}
 * stream like `/ai/ask` (SSE: delta, reset, done {tier, ...}); `GET /clans/:id/summaries`
 * lists the weekly summaries. Non-members get 403 `clan.not_permitted` before any model runs.
 * Both assistants share the clan's daily allowance (`clanAi.CLAN_AI_QUESTIONS_PER_DAY`):
 * over it, 429 `ai.quota_exceeded` with Retry-After until 00:00 UTC; `done` says what remains.
 */
export function clanAiRoutes(deps: ApiDeps) {
  const session = requireSession(deps);
  const clanAiDeps = (): clanAi.ClanAiDeps => {
    const ai = need(deps.ai);
    return { ai: ai.router, clans: deps.clans.store, summaries: ai.clanSummaries };
  };
  /** Counts the question against the clan's daily allowance, then streams the answer. */
  const ask = async (c: Context<ApiEnv>, question: Omit<clanAi.ClanQuestion, 'clanId' | 'askerId' | 'signal'>) => {
    const ai = need(deps.ai);
    const quotaDeps = { clans: deps.clans.store, quota: ai.quota, clock: ai.router.clock };
    const asked = { clanId: clanId(c.req.param('id') ?? ''), askerId: c.get('user').id };
    const quota = await clanAi.countClanQuestion(quotaDeps, asked);
    const abort = new AbortController();
    const events = clanAi.askClanAi(clanAiDeps(), { ...asked, ...question, signal: abort.signal });
    return streamAnswer(c, events, {
      abort,
      done: { remaining: quota.remaining, limit: quota.limit },
      onFailedStart: () => clanAi.refundClanQuestion(quotaDeps, quota),
    });
  };
  return new Hono<ApiEnv>()
    .post('/clans/:id/ai/recruit', session, jsonBody(RecruitBodySchema), async (c) =>
      ask(c, { question: c.req.valid('json').question, kind: 'recruit' }),
    )
    .post('/clans/:id/ai/rival', session, jsonBody(clanAi.ClanAiQuestionSchema), async (c) => {
      const body = c.req.valid('json');
      return ask(c, { question: body.question, kind: 'rival', rival: body.rival ?? null });
    })
    .get('/clans/:id/summaries', session, async (c) => {
      const items = await clanAi.listClanSummaries(clanAiDeps(), {
        clanId: clanId(c.req.param('id')),
        userId: c.get('user').id,
      });
      return c.json({
        items: items.map((s) => ({
          week: s.week,
          weekStart: s.weekStart.toISOString(),
          weekEnd: s.weekEnd.toISOString(),
          text: s.text,
          tier: s.tier,
          model: s.model,
          createdAt: s.createdAt.toISOString(),
        })),
      });
    });
}

/** Path ids that are not UUIDs never reach SQL: no such clan. */
function clanId(raw: string): string {
  return readPathId(raw, 'clan.not_found', 'No such clan');
}

function need(deps: AiApiDeps | undefined): AiApiDeps {
  if (!deps)
    throw new DomainError('ai.unavailable', 'The AI assistant is not configured here', { retryAfterSeconds: 60 });
  return deps;
}

import { createClanAssistant, DomainError, type ClanAssistant } from '@clantrader/core';
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ApiDeps, ApiEnv } from '../deps';
import { jsonBody, UUID_PATTERN } from '../validate';

/** Header carrying the shared internal secret (ROOM_CONTROL_SECRET), as on eviction requests. */
export const INTERNAL_SECRET_HEADER = 'x-room-control';

/** Path of the clan assistant for the party worker's `@ai` (under /api/v1). */
export const CLAN_MENTION_PATH = '/internal/ai/clan-mention';

const ClanMentionSchema = z.strictObject({
  clanId: z.string().regex(UUID_PATTERN),
  askerId: z.string().regex(UUID_PATTERN),
  /** The member's whole message, as stored (≤ 4096 UTF-8 bytes, so ≤ 4096 UTF-16 units). */
  text: z.string().min(1).max(4096),
});

/**
 * Internal routes for the party worker (the edge's rooms have no AI deps): `POST
 * /internal/ai/clan-mention {clanId, askerId, text}` → `{ reply: {text, ai} | null }`, the
 * same `createClanAssistant` the on-prem room server calls in process (plan check, daily
 * limit, notices, membership re-checked in `clanAi.answerInClan`). Reached over the party
 * worker's service binding `API` with the shared secret in `x-room-control`; without the
 * secret configured, or with a wrong one, the route does not exist (404).
 */
export function internalAiRoutes(deps: ApiDeps) {
  return new Hono<ApiEnv>().post(CLAN_MENTION_PATH, internalOnly(deps), jsonBody(ClanMentionSchema), async (c) => {
    const assistant = clanAssistantOf(deps);
    if (!assistant) throw new DomainError('ai.unavailable', 'The AI assistant is not configured here');
    const reply = await assistant.answer(c.req.valid('json'));
    return c.json({ reply });
  });
}

/** The clan assistant over the API's deps (AI router, clan store, database rate limiter). */
export function clanAssistantOf(deps: ApiDeps): ClanAssistant | null {
  if (!deps.ai) return null;
  return createClanAssistant({
    ai: deps.ai.router,
    clans: deps.clans.store,
    summaries: deps.ai.clanSummaries,
    limiter: deps.rateLimiter,
  });
}

function internalOnly(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const secret = deps.internalSecret;
    if (!secret || !(await sameSecret(c.req.header(INTERNAL_SECRET_HEADER), secret)))
      throw new DomainError('request.not_found', `No route for ${c.req.method} ${c.req.path}`);
    await next();
  };
}

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
async function sameSecret(given: string | undefined, expected: string): Promise<boolean> {
  if (given === undefined) return false;
  const digest = async (s: string) =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

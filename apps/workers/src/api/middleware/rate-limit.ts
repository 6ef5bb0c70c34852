import { DomainError } from '@clantrader/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { DEFAULT_AUTH_LIMITS, type ApiDeps, type ApiEnv, type AuthLimits } from '../deps';

/**
 * Per-client-IP fixed-window limit for one group of auth endpoints. Counted before the
 * body is read, so malformed floods are limited too.
 * @throws DomainError `rate.limited` (with Retry-After)
 */
export function limitPerIp(deps: Pick<ApiDeps, 'rateLimiter' | 'clientIp' | 'authLimits'>, bucket: keyof AuthLimits) {
  const { limit, windowSeconds } = deps.authLimits?.[bucket] ?? DEFAULT_AUTH_LIMITS[bucket];
  return createMiddleware<ApiEnv>(async (c, next) => {
    const ip = (deps.clientIp ?? readClientIp)(c) || 'unknown';
    const verdict = await deps.rateLimiter.hit(`auth:${bucket}:${ip}`, limit, windowSeconds);
    if (!verdict.allowed) {
      throw new DomainError('rate.limited', 'Too many requests from your network; wait a moment and try again', {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    await next();
  });
}

/** Cloudflare's own header first (it cannot be forged through Cloudflare), then the first proxy hop. */
export function readClientIp(c: Context): string | null {
  const cf = c.req.header('cf-connecting-ip')?.trim();
  if (cf) return cf;
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null;
}

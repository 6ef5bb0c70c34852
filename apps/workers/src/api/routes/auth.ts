import {
  completePasswordReset,
  getMe,
  LogInSchema,
  logIn,
  logOut,
  PasswordResetCompleteSchema,
  PasswordResetRequestSchema,
  requestPasswordReset,
  SignUpSchema,
  signUp,
  TokenSchema,
  verifyEmail,
} from '@clantrader/core';
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { ApiDeps, ApiEnv } from '../deps';
import { requireSession, SESSION_COOKIE } from '../middleware/auth';
import { limitPerIp } from '../middleware/rate-limit';
import { jsonBody } from '../validate';

/** Sign-up, email verification, log-in/out and password reset: the unauthenticated edge. */
export function authRoutes(deps: ApiDeps) {
  const { accounts } = deps;
  return new Hono<ApiEnv>()
    .post('/auth/signup', limitPerIp(deps, 'signup'), jsonBody(SignUpSchema), async (c) => {
      return c.json(await signUp(accounts, c.req.valid('json')), 201);
    })
    .post('/auth/verify-email', limitPerIp(deps, 'verify'), jsonBody(TokenSchema), async (c) => {
      return c.json(await verifyEmail(accounts, c.req.valid('json')));
    })
    .post('/auth/login', limitPerIp(deps, 'login'), jsonBody(LogInSchema), async (c) => {
      const session = await logIn(accounts, c.req.valid('json'));
      const user = await getMe(accounts, session.userId);
      return c.json({ sessionToken: session.sessionToken, expiresAt: session.expiresAt, user });
    })
    .post('/auth/logout', requireSession(deps), async (c) => {
      await logOut(accounts, c.get('sessionToken'));
      if (c.get('authVia') === 'cookie') deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .post(
      '/auth/password-reset/request',
      limitPerIp(deps, 'reset'),
      jsonBody(PasswordResetRequestSchema),
      async (c) => {
        await requestPasswordReset(accounts, c.req.valid('json'));
        return c.body(null, 202);
      },
    )
    .post(
      '/auth/password-reset/complete',
      limitPerIp(deps, 'reset'),
      jsonBody(PasswordResetCompleteSchema),
      async (c) => {
        return c.json(await completePasswordReset(accounts, c.req.valid('json')));
      },
    );
}

import { CredentialsSignin, SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import Credentials from '@auth/sveltekit/providers/credentials';
import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { LogInSchema } from '@clantrader/core';
import { z } from 'zod';
import { SessionUserSchema, type SessionUser } from '$lib/session-user';
import { ApiError, apiJson } from './api';
import { LoginResultSchema } from './api-schemas';
import { setApiSessionCookie, toSessionUser } from './session';

/** Why a log-in failed, carried to the login page as Auth.js's `code`. */
export const LOGIN_FAILURES = ['invalid_credentials', 'email_unverified', 'throttled', 'unavailable'] as const;
export type LoginFailure = (typeof LOGIN_FAILURES)[number];

export class LoginFailed extends CredentialsSignin {
  constructor(readonly reason: LoginFailure) {
    super(reason);
    this.code = reason;
  }
}

function failureFor(error: unknown): LoginFailure {
  if (!(error instanceof ApiError)) return 'unavailable';
  if (error.code === 'auth.email_unverified') return 'email_unverified';
  if (error.code === 'auth.throttled' || error.code === 'rate.limited') return 'throttled';
  if (error.code === 'auth.invalid_credentials' || error.code === 'validation.failed') return 'invalid_credentials';
  return 'unavailable';
}

/** What our JWT carries beyond Auth.js's defaults. The API token never leaves the server. */
const ApiSessionSchema = z.object({ apiToken: z.string(), apiTokenExpiresAt: z.string(), user: SessionUserSchema });

const DEV_SECRET = 'clantrader-dev-only-secret-do-not-use-in-production';

function authSecret(event: RequestEvent): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // Workers have no NODE_ENV, so the edge always needs a real secret.
  if (env.NODE_ENV !== 'production' && !event.platform?.env) return DEV_SECRET;
  throw new Error('AUTH_SECRET must be set (at least 32 characters)');
}

function buildConfig(event: RequestEvent): SvelteKitAuthConfig {
  let login: { token: string; expiresAt: string; user: SessionUser } | null = null;
  return {
    secret: authSecret(event),
    trustHost: true,
    session: { strategy: 'jwt' },
    pages: { signIn: '/login', error: '/login' },
    logger: {
      // Wrong passwords are routine, not server errors.
      error: (error) => {
        if (error instanceof CredentialsSignin) return;
        console.error('[auth]', error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials) {
          const input = LogInSchema.safeParse({ email: credentials.email, password: credentials.password });
          if (!input.success) throw new LoginFailed('invalid_credentials');
          try {
            const result = await apiJson(event, '/auth/login', LoginResultSchema, {
              method: 'POST',
              json: input.data,
              token: null,
            });
            login = { token: result.sessionToken, expiresAt: result.expiresAt, user: toSessionUser(result.user) };
            setApiSessionCookie(event, result.sessionToken, result.expiresAt);
            return { id: result.user.id, name: result.user.profile.displayName };
          } catch (error) {
            throw new LoginFailed(failureFor(error));
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, trigger }) {
        if (trigger === 'signIn' && login) {
          return { ...token, apiToken: login.token, apiTokenExpiresAt: login.expiresAt, user: login.user };
        }
        const parsed = ApiSessionSchema.safeParse(token);
        if (!parsed.success) return null;
        if (Date.parse(parsed.data.apiTokenExpiresAt) <= Date.now()) return null;
        return token;
      },
      session({ session, token }) {
        const parsed = ApiSessionSchema.safeParse(token);
        // Side channel for this request only: pages get the user, never the token.
        event.locals.apiToken = parsed.success ? parsed.data.apiToken : null;
        const user = parsed.success ? parsed.data.user : null;
        // Our user shape replaces Auth.js's AdapterUser on purpose (no email, no image).
        return { expires: session.expires, user: user ?? undefined } as unknown as typeof session;
      },
    },
  };
}

export const { handle: authHandle, signIn, signOut } = SvelteKitAuth(async (event) => buildConfig(event));

import type { Mailer } from '../mail/ports';
import type { Cache, Clock, IdGenerator, PasswordHasher, TokenVault } from '../shared/ports';
import type { AccountStore } from './ports';

/** Everything the account use cases need, built once per runtime by its composition root. */
export type AccountDeps = {
  store: AccountStore;
  clock: Clock;
  ids: IdGenerator;
  vault: TokenVault;
  passwords: PasswordHasher;
  mailer: Mailer;
  /** Public origin of the web app, used to build links in emails (no trailing slash). */
  appUrl: string;
  /** Optional read-through cache for public profiles; see PUBLIC_PROFILE_TTL_SECONDS. */
  cache?: Cache;
};

/**
 * How long a public profile may be served from the cache. Updates invalidate it at once
 * in the process that made them; other processes (edge isolates) may lag this long.
 */
export const PUBLIC_PROFILE_TTL_SECONDS = 10;

export const VERIFY_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_FAILURE_LIMIT = 10;

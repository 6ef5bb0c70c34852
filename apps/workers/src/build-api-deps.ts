import {
  createHmacTicketSigner,
  createPbkdf2Hasher,
  createTokenVault,
  createUuidV7,
  systemClock,
} from '@clantrader/adapters';
import type { Clock, IdGenerator, Mailer } from '@clantrader/core';
import {
  checkDatabase,
  createAccountStore,
  createOutboxMailer,
  createRateLimiter,
  listOutbox,
  type Database,
} from '@clantrader/db';
import type { ApiDeps, LogEntry } from './api/index';

/** What `buildApiDeps` needs besides the database; shared by the Worker and the tests. */
export type ApiConfig = {
  appUrl: string;
  authSecret: string;
  version: string;
  /** Exposes `/dev/outbox`. */
  devOutbox: boolean;
  /** Defaults to the outbox mailer (development). */
  mailer?: Mailer;
  /** PBKDF2 iterations for new hashes; default 600,000. */
  passwordIterations?: number;
  clock?: Clock;
  ids?: IdGenerator;
  log?: (entry: LogEntry) => void;
};

/**
 * Builds the API's ports on one database: repositories from @clantrader/db, web-standard
 * adapters for crypto, ids and tickets. Runtime-neutral, so tests run the exact wiring the
 * Worker uses against PGlite and PostgreSQL in Node.
 */
export function buildApiDeps(db: Database, config: ApiConfig): ApiDeps {
  const clock = config.clock ?? systemClock;
  const ids = config.ids ?? createUuidV7(clock);
  return {
    accounts: {
      store: createAccountStore(db),
      clock,
      ids,
      vault: createTokenVault(),
      passwords: createPbkdf2Hasher(
        config.passwordIterations === undefined ? {} : { iterations: config.passwordIterations },
      ),
      mailer: config.mailer ?? createOutboxMailer(db, { ids, clock }),
      appUrl: config.appUrl,
    },
    rateLimiter: createRateLimiter(db),
    tickets: createHmacTicketSigner(config.authSecret, clock),
    checkDatabase: () => checkDatabase(db),
    ...(config.devOutbox ? { listOutbox: (limit: number) => listOutbox(db, limit) } : {}),
    version: config.version,
    ...(config.log ? { log: config.log } : {}),
  };
}

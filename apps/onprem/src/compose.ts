import type { Mailer } from '@clantrader/core';
import type { DbHandle } from '@clantrader/db';
import { buildApiDeps } from '@clantrader/workers/deps';
import { createSmtpMailer } from './adapters/mailer.smtp';
import type { OnpremEnv } from './env';

/**
 * The on-prem composition root: builds every adapter once at boot from the validated
 * environment, on the same `buildApiDeps` wiring the Worker uses; only the mailer and
 * the client address differ.
 */
export function composeOnprem(env: OnpremEnv, handle: DbHandle, version: string) {
  const mailer: Mailer | undefined =
    env.MAIL_TRANSPORT === 'smtp' && env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM }) : undefined;
  const api = buildApiDeps(handle.db, {
    appUrl: env.APP_URL,
    authSecret: env.AUTH_SECRET,
    version,
    devOutbox: env.DEV_OUTBOX,
    ...(mailer ? { mailer } : {}),
    ...(env.PASSWORD_ITERATIONS ? { passwordIterations: env.PASSWORD_ITERATIONS } : {}),
  });
  // The on-prem server writes the socket address (or the trusted proxy's hop) into
  // x-client-ip and overwrites whatever a client sent under that name.
  api.clientIp = (c) => c.req.header('x-client-ip');
  return { api, accounts: api.accounts, tickets: api.tickets, clock: api.accounts.clock };
}

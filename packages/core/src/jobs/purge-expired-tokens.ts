import type { AccountStore } from '../accounts/ports';
import type { Clock } from '../shared/ports';

/**
 * Background job (hourly cron on the edge, scheduler on-prem): deletes link tokens and
 * sessions that expired more than a day ago. Idempotent; safe to run on two servers.
 */
export async function purgeExpiredTokens(deps: { store: AccountStore; clock: Clock }) {
  const cutoff = new Date(deps.clock.now().getTime() - 24 * 60 * 60 * 1000);
  return deps.store.purgeExpired(cutoff);
}

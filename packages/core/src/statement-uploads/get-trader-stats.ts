import type { MonthlyReturn } from '../metrics/model';
import { DomainError } from '../shared/domain-error';
import type { StatementDeps } from './deps';
import type { CurvePoint, KeyStats, VerificationLabel } from './model';

/** One verified trading account on a public profile. The login is never shown. */
export type AccountStats = {
  tradingAccountId: string;
  broker: string | null;
  server: string | null;
  currency: string | null;
  statementId: string;
  verifiedAt: Date;
  label: VerificationLabel;
  stats: KeyStats;
  balanceCurve: CurvePoint[];
  monthlyReturns: MonthlyReturn[];
  instruments: string[];
};

/**
 * A trader's verified numbers for the public profile. `verified` is false and `accounts`
 * empty when nothing is currently verified (never uploaded, in review, rejected or expired):
 * unverified numbers are never shown.
 */
export type TraderStats = {
  handle: string;
  verified: boolean;
  badge: { label: VerificationLabel; verifiedAt: Date } | null;
  accounts: AccountStats[];
  instruments: string[];
};

/**
 * Public stats of the trader with this handle, from the latest verified statement of each
 * of their trading accounts (money in cents of that account's currency; accounts in
 * different currencies are listed apart, never summed).
 * @throws DomainError `profile.not_found`
 */
export async function getTraderStats(
  deps: Pick<StatementDeps, 'store' | 'users'>,
  handle: string,
): Promise<TraderStats> {
  const profile = await deps.users.findProfileByHandle(handle.toLowerCase());
  if (!profile) throw new DomainError('profile.not_found', `No trader with the handle @${handle}`);
  const latest = await deps.store.listLatestVerified(profile.userId);
  const accounts: AccountStats[] = latest
    .filter((s) => s.verifiedAt !== null)
    .map((s) => ({
      tradingAccountId: s.tradingAccountId,
      broker: s.report.account.broker,
      server: s.report.account.server,
      currency: s.report.account.currency,
      statementId: s.id,
      verifiedAt: s.verifiedAt ?? s.createdAt,
      label: s.label,
      stats: s.report.stats,
      balanceCurve: s.report.curve,
      monthlyReturns: s.report.monthlyReturns,
      instruments: s.report.instruments,
    }))
    .sort((a, b) => b.verifiedAt.getTime() - a.verifiedAt.getTime());
  const newest = accounts[0];
  return {
    handle: profile.handle,
    verified: accounts.length > 0,
    badge: newest ? { label: bestLabel(accounts), verifiedAt: newest.verifiedAt } : null,
    accounts,
    instruments: [...new Set(accounts.flatMap((a) => a.instruments))].sort(),
  };
}

function bestLabel(accounts: AccountStats[]): VerificationLabel {
  return accounts.some((a) => a.label === 'broker_verified') ? 'broker_verified' : 'self_reported';
}

import type { VerificationLabel } from '../statement-uploads/model';
import { combineStats, type CombinedStats, type MemberAccounts } from './combine-stats';
import type { ClanDeps } from './deps';
import { requireClan } from './load';
import type { ClanMember, ClanRole, ClanSearch, ClanSummary, Page } from './model';
import { toSummary } from './views';

export type ProfileMember = ClanMember & { verified: boolean; verificationLabel: VerificationLabel | null };
export type ClanBadge = { award: string; seasonId: string; handle: string };
export type ClanProfile = ClanSummary & { members: ProfileMember[]; stats: CombinedStats; badges: ClanBadge[] };

/**
 * The public clan profile: members with their verified badge, combined verified stats
 * (combineStats) and the season awards its current members have won.
 * @throws DomainError `clan.not_found`
 */
export async function getClanProfile(
  deps: Pick<ClanDeps, 'store' | 'statements' | 'seasons'>,
  clanId: string,
): Promise<ClanProfile> {
  const clan = await requireClan(deps, clanId);
  const members = await deps.store.listMembers(clan.id);
  const verified = await Promise.all(members.map((m) => deps.statements.listLatestVerified(m.userId)));
  const accounts: MemberAccounts[] = members.map((m, i) => ({
    userId: m.userId,
    accounts: (verified[i] ?? []).map((s) => ({ currency: s.report.account.currency, stats: s.report.stats })),
  }));
  const badges = await badgesOf(deps, members);
  return {
    ...toSummary(clan),
    members: members.map((m, i) => {
      const statements = verified[i] ?? [];
      const label: VerificationLabel | null =
        statements.length === 0
          ? null
          : statements.some((s) => s.label === 'broker_verified')
            ? 'broker_verified'
            : 'self_reported';
      return { ...m, verified: label !== null, verificationLabel: label };
    }),
    stats: combineStats(accounts),
    badges,
  };
}

async function badgesOf(deps: Pick<ClanDeps, 'seasons'>, members: ClanMember[]): Promise<ClanBadge[]> {
  const seasons = deps.seasons;
  if (!seasons) return [];
  const histories = await Promise.all(members.map((m) => seasons.seasonHistory(m.userId)));
  return members
    .flatMap((m, i) =>
      (histories[i] ?? []).flatMap((r) => r.awards.map((award) => ({ award, seasonId: r.seasonId, handle: m.handle }))),
    )
    .sort((a, b) => b.seasonId.localeCompare(a.seasonId) || a.award.localeCompare(b.award));
}

/** The signed-in trader's clan and role; both null when they are in none. */
export async function getMyClan(
  deps: Pick<ClanDeps, 'store'>,
  userId: string,
): Promise<{ clan: ClanSummary | null; role: ClanRole | null }> {
  const mine = await deps.store.clanOf(userId);
  return mine ? { clan: toSummary(mine.clan), role: mine.role } : { clan: null, role: null };
}

/** Active clans, newest first, filtered by name text, focus and privacy. */
export async function searchClans(deps: Pick<ClanDeps, 'store'>, query: ClanSearch): Promise<Page<ClanSummary>> {
  const rows = await deps.store.searchClans({ ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(toSummary);
  return { items, nextCursor: rows.length > query.limit ? (items[items.length - 1]?.id ?? null) : null };
}

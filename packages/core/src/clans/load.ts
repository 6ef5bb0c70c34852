import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import type { ClanRole } from './model';
import type { ClanWithCount } from './ports';

/** @throws DomainError `clan.not_found` (also for a disbanded clan) */
export async function requireClan(deps: Pick<ClanDeps, 'store'>, clanId: string): Promise<ClanWithCount> {
  const clan = await deps.store.findClan(clanId);
  if (!clan) throw clanNotFound();
  return clan;
}

/** The clan and the actor's role in it (null when not a member). */
export async function loadActor(
  deps: Pick<ClanDeps, 'store'>,
  clanId: string,
  userId: string,
): Promise<{ clan: ClanWithCount; role: ClanRole | null }> {
  const clan = await requireClan(deps, clanId);
  return { clan, role: await deps.store.roleOf(clanId, userId) };
}

/** @throws DomainError `clan.member_not_found` */
export async function requireMemberRole(
  deps: Pick<ClanDeps, 'store'>,
  clanId: string,
  userId: string,
): Promise<ClanRole> {
  const role = await deps.store.roleOf(clanId, userId);
  if (!role) throw new DomainError('clan.member_not_found', 'That trader is not a member of this clan');
  return role;
}

export function clanNotFound(): DomainError {
  return new DomainError('clan.not_found', 'No such clan');
}

export function alreadyInClan(): DomainError {
  return new DomainError(
    'clan.already_in_clan',
    'You are already in a clan. Leave it (or transfer its leadership) before joining or creating another.',
  );
}

export function clanFull(limit: number): DomainError {
  return new DomainError('clan.full', `This clan is full: it already has ${limit} members, the limit of its plan.`);
}

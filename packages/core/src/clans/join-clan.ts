import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { alreadyInClan, clanFull, clanNotFound, requireClan } from './load';
import { CLAN_SIZE_LIMITS, type JoinOutcome, type JoinRequest } from './model';
import type { AddMemberResult, JoinVia } from './ports';

/**
 * Joins an open clan at once, or files a join request for a `request` clan. Invite-only
 * clans are joined through their link (acceptInvite).
 * @throws DomainError `clan.not_found` | `clan.already_in_clan` | `clan.full` |
 *   `clan.invite_only` | `clan.request_exists`
 */
export async function joinClan(
  deps: Pick<ClanDeps, 'store' | 'clock' | 'ids'>,
  command: { userId: string; clanId: string; message?: string },
): Promise<JoinOutcome> {
  const clan = await requireClan(deps, command.clanId);
  if (await deps.store.clanOf(command.userId)) throw alreadyInClan();
  if (clan.privacy === 'invite') {
    throw new DomainError('clan.invite_only', 'This clan takes new members by invite link only');
  }
  if (clan.privacy === 'open') {
    await addMember(deps, { clanId: clan.id, userId: command.userId, via: { kind: 'open' } });
    return { status: 'joined' };
  }
  if (clan.memberCount >= CLAN_SIZE_LIMITS[clan.plan]) throw clanFull(CLAN_SIZE_LIMITS[clan.plan]);
  const request: JoinRequest = {
    id: deps.ids.newId(),
    clanId: clan.id,
    userId: command.userId,
    message: command.message ?? '',
    status: 'pending',
    createdAt: deps.clock.now(),
    decidedAt: null,
    decidedBy: null,
  };
  await deps.store.createJoinRequest(request);
  return { status: 'requested', requestId: request.id };
}

/**
 * Adds a member through the store's atomic, limit-checked insert and turns a refusal into
 * its DomainError. `staleError` is what a concurrently revoked invite / decided request means.
 */
export async function addMember(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  input: { clanId: string; userId: string; via: JoinVia },
  staleError?: () => DomainError,
): Promise<void> {
  const result = await deps.store.addMember({ ...input, joinedAt: deps.clock.now(), limits: CLAN_SIZE_LIMITS });
  if (result === 'added') return;
  const plan = result === 'full' ? await deps.store.planOf(input.clanId) : null;
  throwUnlessAdded(result, plan, staleError);
}

function throwUnlessAdded(
  result: AddMemberResult,
  plan: keyof typeof CLAN_SIZE_LIMITS | null,
  staleError?: () => DomainError,
): void {
  switch (result) {
    case 'added':
      return;
    case 'full':
      throw clanFull(CLAN_SIZE_LIMITS[plan ?? 'free']);
    case 'already_in_clan':
      throw alreadyInClan();
    case 'clan_gone':
      throw clanNotFound();
    case 'stale':
      throw staleError ? staleError() : new DomainError('clan.request_not_found', 'This request was already decided');
  }
}

import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { evictFromClanRooms } from './evict';
import { loadActor, requireMemberRole } from './load';
import { assertCan } from './permissions';

type MemberCommand = { userId: string; clanId: string; targetUserId: string };

/**
 * Removes another member (leader: anyone; co-leader: members only) and closes their open
 * sockets in the clan's rooms.
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.member_not_found`
 */
export async function kickMember(deps: Pick<ClanDeps, 'store' | 'rooms'>, command: MemberCommand): Promise<void> {
  const { actorRole, targetRole } = await actorAndTarget(deps, command);
  assertCan(actorRole, 'kick', targetRole);
  if (!(await deps.store.removeMember(command.clanId, command.targetUserId, targetRole))) throw changedMeanwhile();
  await evictFromClanRooms(deps.rooms, command.clanId, [command.targetUserId], 'removed');
}

/**
 * Promotes a member to co-leader or demotes a co-leader (leader only). The member's sockets
 * are closed with "role changed" so their client fetches a ticket with the new role.
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.member_not_found`
 */
export async function changeMemberRole(
  deps: Pick<ClanDeps, 'store' | 'rooms'>,
  command: MemberCommand & { role: 'co_leader' | 'member' },
): Promise<void> {
  const { actorRole, targetRole } = await actorAndTarget(deps, command);
  assertCan(actorRole, 'change_role', targetRole);
  if (targetRole === command.role) return;
  if (!(await deps.store.setRole(command.clanId, command.targetUserId, targetRole, command.role))) {
    throw changedMeanwhile();
  }
  await evictFromClanRooms(deps.rooms, command.clanId, [command.targetUserId], 'role_changed');
}

/**
 * Hands the clan to another member; the old leader stays as co-leader. Both sockets are
 * closed with "role changed".
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.member_not_found`
 */
export async function transferLeadership(
  deps: Pick<ClanDeps, 'store' | 'rooms'>,
  command: MemberCommand,
): Promise<void> {
  const { actorRole } = await actorAndTarget(deps, command);
  assertCan(actorRole, 'transfer_leadership');
  if (!(await deps.store.transferLeadership(command.clanId, command.userId, command.targetUserId))) {
    throw changedMeanwhile();
  }
  await evictFromClanRooms(deps.rooms, command.clanId, [command.userId, command.targetUserId], 'role_changed');
}

async function actorAndTarget(deps: Pick<ClanDeps, 'store'>, command: MemberCommand) {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  if (command.targetUserId === command.userId) {
    throw new DomainError('clan.not_permitted', 'You cannot do this to yourself; to go, leave the clan');
  }
  if (!role) throw new DomainError('clan.not_permitted', 'Only members of this clan may manage its members');
  return { actorRole: role, targetRole: await requireMemberRole(deps, command.clanId, command.targetUserId) };
}

function changedMeanwhile(): DomainError {
  return new DomainError('clan.member_not_found', 'That member left or changed role meanwhile; reload and try again');
}

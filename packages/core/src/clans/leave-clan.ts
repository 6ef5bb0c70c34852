import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { evictFromClanRooms } from './evict';
import { clanNotFound, loadActor } from './load';
import { assertCan } from './permissions';

/**
 * Leaves the clan. A leader with other members must transfer leadership first; a leader
 * who is the last member disbands the clan by leaving.
 * @throws DomainError `clan.not_found` | `clan.member_not_found` | `clan.leader_must_transfer`
 */
export async function leaveClan(
  deps: Pick<ClanDeps, 'store' | 'rooms' | 'clock'>,
  command: { userId: string; clanId: string },
): Promise<{ disbanded: boolean }> {
  const { clan, role } = await loadActor(deps, command.clanId, command.userId);
  if (!role) throw new DomainError('clan.member_not_found', 'You are not a member of this clan');
  if (role === 'leader') {
    if (clan.memberCount > 1) {
      throw new DomainError(
        'clan.leader_must_transfer',
        'Transfer leadership to another member before leaving, or disband the clan',
      );
    }
    await disband(deps, clan.id);
    return { disbanded: true };
  }
  if (!(await deps.store.removeMember(clan.id, command.userId, role))) {
    throw new DomainError('clan.member_not_found', 'Your role changed meanwhile; reload and try again');
  }
  await evictFromClanRooms(deps.rooms, clan.id, [command.userId], 'removed');
  return { disbanded: false };
}

/**
 * Ends the clan (leader only): every member is removed and pushed out of its rooms, its
 * invites stop working and pending requests are cancelled. The name becomes free again.
 * @throws DomainError `clan.not_found` | `clan.not_permitted`
 */
export async function disbandClan(
  deps: Pick<ClanDeps, 'store' | 'rooms' | 'clock'>,
  command: { userId: string; clanId: string },
): Promise<void> {
  const { clan, role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'disband');
  await disband(deps, clan.id);
}

async function disband(deps: Pick<ClanDeps, 'store' | 'rooms' | 'clock'>, clanId: string): Promise<void> {
  const removed = await deps.store.disband(clanId, deps.clock.now());
  if (!removed) throw clanNotFound();
  await evictFromClanRooms(deps.rooms, clanId, removed, 'disbanded');
}

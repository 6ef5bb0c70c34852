import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { requireClan } from './load';
import type { JoinRequest, MyJoinRequest } from './model';

/**
 * The signed-in trader's pending request to join this clan, so the clan page can say
 * "request pending" instead of offering the request again. Null when there is none.
 * @throws DomainError `clan.not_found`
 */
export async function getMyJoinRequest(
  deps: Pick<ClanDeps, 'store'>,
  command: { userId: string; clanId: string },
): Promise<JoinRequest | null> {
  await requireClan(deps, command.clanId);
  return deps.store.findPendingRequest(command.clanId, command.userId);
}

/**
 * Withdraws the trader's own pending request. A request the leader decided meanwhile is
 * no longer pending, so it cannot be cancelled (the compare-and-set in the store says so).
 * @throws DomainError `clan.not_found` | `clan.request_not_found`
 */
export async function cancelMyJoinRequest(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  command: { userId: string; clanId: string },
): Promise<void> {
  const request = await getMyJoinRequest(deps, command);
  if (!request || !(await deps.store.cancelJoinRequest(request.id, command.userId, deps.clock.now()))) {
    throw new DomainError('clan.request_not_found', 'You have no pending request to join this clan');
  }
}

/** The trader's pending requests to clans that still exist, newest first. */
export async function listMyJoinRequests(deps: Pick<ClanDeps, 'store'>, userId: string): Promise<MyJoinRequest[]> {
  return deps.store.listRequestsOf(userId);
}

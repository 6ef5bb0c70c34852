import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { addMember } from './join-clan';
import { loadActor } from './load';
import type { JoinRequest, JoinRequestView } from './model';
import { assertCan } from './permissions';

/**
 * Pending join requests of the clan (leader or co-leader only).
 * @throws DomainError `clan.not_found` | `clan.not_permitted`
 */
export async function listJoinRequests(
  deps: Pick<ClanDeps, 'store'>,
  command: { userId: string; clanId: string },
): Promise<JoinRequestView[]> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'view_requests');
  return deps.store.listPendingRequests(command.clanId);
}

/**
 * Approves a pending request: the requester joins (size limit and "one clan per trader"
 * checked atomically with marking the request approved).
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.request_not_found` |
 *   `clan.full` | `clan.already_in_clan`
 */
export async function approveJoinRequest(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  command: { userId: string; clanId: string; requestId: string },
): Promise<void> {
  const request = await pendingRequest(deps, command);
  await addMember(deps, {
    clanId: command.clanId,
    userId: request.userId,
    via: { kind: 'request', requestId: request.id, decidedBy: command.userId },
  });
}

/**
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.request_not_found`
 */
export async function denyJoinRequest(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  command: { userId: string; clanId: string; requestId: string },
): Promise<void> {
  const request = await pendingRequest(deps, command);
  if (!(await deps.store.denyJoinRequest(request.id, command.userId, deps.clock.now()))) throw requestNotFound();
}

async function pendingRequest(
  deps: Pick<ClanDeps, 'store'>,
  command: { userId: string; clanId: string; requestId: string },
): Promise<JoinRequest> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'decide_requests');
  const request = await deps.store.findJoinRequest(command.requestId);
  if (!request || request.clanId !== command.clanId || request.status !== 'pending') throw requestNotFound();
  return request;
}

function requestNotFound(): DomainError {
  return new DomainError('clan.request_not_found', 'No pending join request with this id');
}

import { DomainError } from '../shared/domain-error';
import type { ClanDeps } from './deps';
import { addMember } from './join-clan';
import { alreadyInClan, loadActor, requireClan } from './load';
import { INVITE_TTL_MS, type ClanInvite, type ClanSummary } from './model';
import { assertCan } from './permissions';
import { toSummary } from './views';

export type CreatedInvite = { id: string; token: string; url: string; expiresAt: Date };
export type InviteView = Pick<ClanInvite, 'id' | 'createdAt' | 'expiresAt' | 'uses'>;

/**
 * Makes an invite link for the clan (leader or co-leader). The token is 256 random bits
 * from the TokenVault; only its hash is stored, so the link is shown this once. It stays
 * valid for INVITE_TTL_MS, for any number of joins (the size limit still holds), until revoked.
 * @throws DomainError `clan.not_found` | `clan.not_permitted`
 */
export async function createInvite(
  deps: Pick<ClanDeps, 'store' | 'clock' | 'ids' | 'vault' | 'appUrl'>,
  command: { userId: string; clanId: string },
): Promise<CreatedInvite> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'invite');
  const token = deps.vault.newToken();
  const now = deps.clock.now();
  const invite: ClanInvite = {
    id: deps.ids.newId(),
    clanId: command.clanId,
    tokenHash: await deps.vault.hashToken(token),
    createdBy: command.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    revokedAt: null,
    uses: 0,
  };
  await deps.store.createInvite(invite);
  return { id: invite.id, token, url: `${deps.appUrl}/invite/${token}`, expiresAt: invite.expiresAt };
}

/** Live invite links of the clan, for the leaders' revoke list (tokens are never shown again). */
export async function listInvites(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  command: { userId: string; clanId: string },
): Promise<InviteView[]> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'invite');
  const invites = await deps.store.listInvites(command.clanId, deps.clock.now());
  return invites.map(({ id, createdAt, expiresAt, uses }) => ({ id, createdAt, expiresAt, uses }));
}

/**
 * @throws DomainError `clan.not_found` | `clan.not_permitted` | `clan.invite_not_found`
 */
export async function revokeInvite(
  deps: Pick<ClanDeps, 'store' | 'clock'>,
  command: { userId: string; clanId: string; inviteId: string },
): Promise<void> {
  const { role } = await loadActor(deps, command.clanId, command.userId);
  assertCan(role, 'invite');
  if (!(await deps.store.revokeInvite(command.clanId, command.inviteId, deps.clock.now()))) {
    throw inviteNotFound();
  }
}

/**
 * What an invite link leads to, for the page a link opens (no sign-in needed).
 * @throws DomainError `clan.invite_not_found` | `clan.invite_expired` | `clan.invite_revoked` | `clan.not_found`
 */
export async function previewInvite(
  deps: Pick<ClanDeps, 'store' | 'clock' | 'vault'>,
  token: string,
): Promise<{ clan: ClanSummary; expiresAt: Date }> {
  const invite = await liveInvite(deps, token);
  const clan = await requireClan(deps, invite.clanId);
  return { clan: toSummary(clan), expiresAt: invite.expiresAt };
}

/**
 * Joins the clan the link belongs to, whatever its privacy. The store re-checks the invite
 * and the size limit under the clan row lock.
 * @throws DomainError `clan.invite_not_found` | `clan.invite_expired` | `clan.invite_revoked` |
 *   `clan.not_found` | `clan.already_in_clan` | `clan.full`
 */
export async function acceptInvite(
  deps: Pick<ClanDeps, 'store' | 'clock' | 'vault'>,
  command: { userId: string; token: string },
): Promise<{ clanId: string }> {
  const invite = await liveInvite(deps, command.token);
  if (await deps.store.clanOf(command.userId)) throw alreadyInClan();
  const clan = await requireClan(deps, invite.clanId);
  await addMember(
    deps,
    { clanId: clan.id, userId: command.userId, via: { kind: 'invite', inviteId: invite.id } },
    () => new DomainError('clan.invite_revoked', 'This invite link was revoked or has expired'),
  );
  return { clanId: clan.id };
}

async function liveInvite(deps: Pick<ClanDeps, 'store' | 'clock' | 'vault'>, token: string): Promise<ClanInvite> {
  const invite = await deps.store.findInviteByHash(await deps.vault.hashToken(token));
  if (!invite) throw inviteNotFound();
  if (invite.revokedAt) throw new DomainError('clan.invite_revoked', 'This invite link was revoked');
  if (invite.expiresAt.getTime() <= deps.clock.now().getTime()) {
    throw new DomainError('clan.invite_expired', 'This invite link has expired; ask for a new one');
  }
  return invite;
}

function inviteNotFound(): DomainError {
  return new DomainError('clan.invite_not_found', 'This invite link is not valid');
}

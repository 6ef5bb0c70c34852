import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import type { Subscription } from './model';
import { requirePublisher } from './publish-post';

/**
 * Grants a complimentary subscription (payments arrive in a later issue and write rows
 * with source 'payment'). Only the clan's leader and co-leaders grant. Granting again
 * replaces the expiry. `expiresAt` null = open-ended.
 * @throws DomainError `channel.not_found` | `channel.forbidden` | `channel.user_not_found`
 *   | `validation.failed`
 */
export async function grantSubscription(
  deps: ChannelDeps,
  input: { actorId: string; clanId: string; userId: string; expiresAt: Date | null },
): Promise<Subscription> {
  await requirePublisher(deps, input.clanId, input.actorId);
  if (!(await deps.store.userExists(input.userId))) {
    throw new DomainError('channel.user_not_found', 'No such user');
  }
  const now = deps.clock.now();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError('validation.failed', 'Some fields are not valid', {
      fields: [{ path: 'expiresAt', message: 'Expiry must be in the future' }],
    });
  }
  const subscription: Subscription = {
    clanId: input.clanId,
    userId: input.userId,
    source: 'complimentary',
    grantedBy: input.actorId,
    createdAt: now,
    expiresAt: input.expiresAt,
  };
  await deps.store.upsertSubscription(subscription);
  return subscription;
}

/**
 * Revokes a complimentary subscription (idempotent) and pushes the user out of the live
 * subscriber chat. Paid subscriptions end through the payment provider, not here.
 * @throws DomainError `channel.not_found` | `channel.forbidden` | `channel.subscription_paid`
 */
export async function revokeSubscription(
  deps: ChannelDeps,
  input: { actorId: string; clanId: string; userId: string },
): Promise<void> {
  await requirePublisher(deps, input.clanId, input.actorId);
  const existing = await deps.store.findSubscription(input.clanId, input.userId);
  if (!existing) return;
  if (existing.source === 'payment') {
    throw new DomainError('channel.subscription_paid', 'A paid subscription ends through its payment');
  }
  await deps.store.deleteSubscription(input.clanId, input.userId);
  // Clan members stay in the subscriber chat by membership, so only outsiders are pushed out.
  const membership = await deps.store.findMembership(input.userId);
  if (membership?.clanId !== input.clanId)
    await deps.rooms?.evict({ party: 'subs', room: input.clanId, userId: input.userId, reason: 'removed' });
}

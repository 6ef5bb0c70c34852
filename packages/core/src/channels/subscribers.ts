import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import type { GrantByHandle, Page, SubscriberPageQuery, SubscriberView } from './model';
import { requirePublisher } from './publish-post';
import { grantSubscription } from './subscriptions';

/**
 * The channel's active subscribers for its leader and co-leaders, ordered by handle, one
 * page at a time (`nextCursor` is the last handle shown, passed back as `after`).
 * @throws DomainError `channel.not_found` | `channel.forbidden`
 */
export async function listSubscribers(
  deps: Pick<ChannelDeps, 'store' | 'clock'>,
  input: { actorId: string; clanId: string; query: SubscriberPageQuery },
): Promise<Page<SubscriberView>> {
  await requirePublisher(deps, input.clanId, input.actorId);
  const { after, limit } = input.query;
  const rows = await deps.store.listSubscribers({
    clanId: input.clanId,
    now: deps.clock.now(),
    limit: limit + 1,
    ...(after ? { after } : {}),
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.handle ?? null) : null };
}

/**
 * Grants a complimentary subscription to the trader a leader names by @handle. Unlike the
 * grant by id (which renews), this refuses someone already subscribed, so a leader never
 * shortens a subscription by accident, and refuses the leader themselves.
 * @throws DomainError `channel.not_found` | `channel.forbidden` | `channel.user_not_found`
 *   | `channel.self_subscription` | `channel.already_subscribed` | `validation.failed`
 */
export async function grantSubscriptionByHandle(
  deps: ChannelDeps,
  input: { actorId: string; clanId: string; grant: GrantByHandle },
): Promise<SubscriberView> {
  await requirePublisher(deps, input.clanId, input.actorId);
  const { handle, expiresAt } = input.grant;
  const trader = await deps.store.findUserByHandle(handle);
  if (!trader) throw handleProblem('channel.user_not_found', `No trader has the handle @${handle}`);
  if (trader.userId === input.actorId) {
    throw handleProblem('channel.self_subscription', 'You cannot give yourself a subscription');
  }
  if (await deps.store.isSubscriber(input.clanId, trader.userId, deps.clock.now())) {
    throw handleProblem('channel.already_subscribed', `@${trader.handle} already subscribes to this channel`);
  }
  const granted = await grantSubscription(deps, {
    actorId: input.actorId,
    clanId: input.clanId,
    userId: trader.userId,
    expiresAt,
  });
  return {
    userId: trader.userId,
    handle: trader.handle,
    displayName: trader.displayName,
    source: granted.source,
    since: granted.createdAt,
    expiresAt: granted.expiresAt,
  };
}

/** A refusal shown beside the handle field of the grant form. */
function handleProblem(
  code: 'channel.user_not_found' | 'channel.self_subscription' | 'channel.already_subscribed',
  message: string,
): DomainError {
  return new DomainError(code, message, { fields: [{ path: 'handle', message }] });
}

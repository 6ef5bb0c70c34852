import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import type { Channel } from './model';
import type { FollowedChannel } from './ports';

/** @throws DomainError `channel.not_found` */
export async function requireChannel(deps: Pick<ChannelDeps, 'store'>, clanId: string): Promise<Channel> {
  const channel = await deps.store.findChannel(clanId);
  if (!channel) throw new DomainError('channel.not_found', 'No such channel');
  return channel;
}

/**
 * Follows (free, anyone signed in) or unfollows a channel; both idempotent. Following sets
 * the read marker to now, so only posts published afterwards count as unread.
 * @throws DomainError `channel.not_found`
 */
export async function setFollowing(
  deps: ChannelDeps,
  input: { userId: string; clanId: string; on: boolean },
): Promise<{ following: boolean }> {
  await requireChannel(deps, input.clanId);
  const at = deps.clock.now();
  await deps.store.setFollow({ clanId: input.clanId, userId: input.userId, on: input.on, at });
  if (input.on) await deps.store.markRead(input.clanId, input.userId, at);
  return { following: input.on };
}

/**
 * Records that the user has just seen the channel: unread counts restart from here.
 * @throws DomainError `channel.not_found`
 */
export async function markChannelRead(deps: ChannelDeps, input: { userId: string; clanId: string }): Promise<void> {
  await requireChannel(deps, input.clanId);
  await deps.store.markRead(input.clanId, input.userId, deps.clock.now());
}

/** The sidebar: followed channels with unread counts, optionally filtered by name. */
export async function listMyChannels(
  deps: ChannelDeps,
  input: { userId: string; q?: string | undefined },
): Promise<{ channels: FollowedChannel[] }> {
  const q = input.q?.trim();
  return { channels: await deps.store.listFollowedChannels(input.userId, q ? q : undefined) };
}

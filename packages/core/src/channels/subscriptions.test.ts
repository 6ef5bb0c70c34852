import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { getChannel } from './channel-page';
import { grantSubscription, revokeSubscription } from './subscriptions';

describe('subscriptions', () => {
  it('are granted by leaders, counted on the channel, and revoked with an eviction from the chat', async () => {
    const { deps, addClan, addUser, store, rooms, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan('Gold');
    const fan = addUser();
    await grantSubscription(deps, { actorId: leader.id, clanId, userId: fan.id, expiresAt: null });
    expect(await store.isSubscriber(clanId, fan.id, clock.now())).toBe(true);
    const page = await getChannel(deps, { viewer: { userId: fan.id, timezone: 'UTC' }, clanId });
    expect(page).toMatchObject({ name: 'Gold', subscribers: 1, viewer: { subscribed: true, canPublish: false } });
    await revokeSubscription(deps, { actorId: leader.id, clanId, userId: fan.id });
    expect(await store.isSubscriber(clanId, fan.id, clock.now())).toBe(false);
    expect(rooms.evictions).toEqual([{ party: 'subs', room: clanId, userId: fan.id, reason: 'removed' }]);
  });

  it('refuses grants by plain members and grants to unknown users', async () => {
    const { deps, addClan, addUser } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const member = addUser({ clanId });
    const fan = addUser();
    await expect(
      grantSubscription(deps, { actorId: member.id, clanId, userId: fan.id, expiresAt: null }),
    ).rejects.toMatchObject({ code: 'channel.forbidden' });
    await expect(
      grantSubscription(deps, { actorId: leader.id, clanId, userId: 'nobody', expiresAt: null }),
    ).rejects.toMatchObject({ code: 'channel.user_not_found' });
  });

  it('lapses at its expiry and leaves paid subscriptions to the payment provider', async () => {
    const { deps, addClan, addUser, store, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const fan = addUser();
    await grantSubscription(deps, {
      actorId: leader.id,
      clanId,
      userId: fan.id,
      expiresAt: new Date(clock.now().getTime() + 1000),
    });
    clock.advance(1000);
    expect(await store.isSubscriber(clanId, fan.id, clock.now())).toBe(false);
    await store.upsertSubscription({
      clanId,
      userId: fan.id,
      source: 'payment',
      grantedBy: null,
      createdAt: clock.now(),
      expiresAt: null,
    });
    await expect(revokeSubscription(deps, { actorId: leader.id, clanId, userId: fan.id })).rejects.toMatchObject({
      code: 'channel.subscription_paid',
    });
  });
});

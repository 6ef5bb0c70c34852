import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { GrantByHandleSchema, SubscriberPageQuerySchema } from './model';
import { grantSubscriptionByHandle, listSubscribers } from './subscribers';
import { grantSubscription } from './subscriptions';

const grant = (handle: string, expiresAt: Date | null = null) => GrantByHandleSchema.parse({ handle, expiresAt });
const page = (o: Record<string, unknown> = {}) => SubscriberPageQuerySchema.parse(o);

describe('grantSubscriptionByHandle', () => {
  it('grants by @handle, in any case, and returns who it went to', async () => {
    const { deps, addClan, addUser, store, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const fan = addUser();
    const until = new Date(clock.now().getTime() + 86_400_000);
    const view = await grantSubscriptionByHandle(deps, {
      actorId: leader.id,
      clanId,
      grant: grant(`@${fan.handle.toUpperCase()}`, until),
    });
    expect(view).toEqual({
      userId: fan.id,
      handle: fan.handle,
      displayName: expect.any(String),
      source: 'complimentary',
      since: clock.now(),
      expiresAt: until,
    });
    expect(await store.isSubscriber(clanId, fan.id, clock.now())).toBe(true);
  });

  it('says clearly when the handle is unknown, already subscribed, or the leader’s own', async () => {
    const { deps, addClan, addUser, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const fan = addUser();
    const byHandle = (handle: string) =>
      grantSubscriptionByHandle(deps, { actorId: leader.id, clanId, grant: grant(handle) });
    await expect(byHandle('nobody_here')).rejects.toMatchObject({
      code: 'channel.user_not_found',
      message: 'No trader has the handle @nobody_here',
      details: { fields: [{ path: 'handle', message: 'No trader has the handle @nobody_here' }] },
    });
    await expect(byHandle(leader.handle)).rejects.toMatchObject({ code: 'channel.self_subscription' });
    await byHandle(fan.handle);
    await expect(byHandle(fan.handle)).rejects.toMatchObject({
      code: 'channel.already_subscribed',
      message: `@${fan.handle} already subscribes to this channel`,
    });
    // A lapsed subscription may be granted again.
    await grantSubscription(deps, {
      actorId: leader.id,
      clanId,
      userId: fan.id,
      expiresAt: new Date(clock.now().getTime() + 1000),
    });
    clock.advance(1000);
    await expect(byHandle(fan.handle)).resolves.toMatchObject({ userId: fan.id, expiresAt: null });
  });

  it('is for leaders and co-leaders only', async () => {
    const { deps, addClan, addUser } = fakeChannelDeps();
    const { clanId } = addClan();
    const member = addUser({ clanId });
    const coLeader = addUser({ clanId, role: 'co_leader' });
    const fan = addUser();
    await expect(
      grantSubscriptionByHandle(deps, { actorId: member.id, clanId, grant: grant(fan.handle) }),
    ).rejects.toMatchObject({ code: 'channel.forbidden' });
    await expect(
      grantSubscriptionByHandle(deps, { actorId: coLeader.id, clanId, grant: grant(fan.handle) }),
    ).resolves.toMatchObject({ userId: fan.id });
  });
});

describe('listSubscribers', () => {
  it('pages active subscribers by handle with since and until, for leaders only', async () => {
    const { deps, addClan, addUser, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const member = addUser({ clanId });
    const fans = [addUser(), addUser(), addUser(), addUser()];
    const lapsing = addUser();
    const until = new Date(clock.now().getTime() + 5000);
    for (const fan of fans) {
      await grantSubscription(deps, {
        actorId: leader.id,
        clanId,
        userId: fan.id,
        expiresAt: fan === fans[1] ? until : null,
      });
    }
    await grantSubscription(deps, {
      actorId: leader.id,
      clanId,
      userId: lapsing.id,
      expiresAt: new Date(clock.now().getTime() + 1000),
    });
    clock.advance(1000);

    const first = await listSubscribers(deps, { actorId: leader.id, clanId, query: page({ limit: 3 }) });
    const handles = fans.map((f) => f.handle).sort();
    expect(first.items.map((s) => s.handle)).toEqual(handles.slice(0, 3));
    expect(first.nextCursor).toBe(handles[2]);
    expect(first.items.find((s) => s.userId === fans[1]?.id)).toMatchObject({
      expiresAt: until,
      source: 'complimentary',
    });
    const second = await listSubscribers(deps, {
      actorId: leader.id,
      clanId,
      query: page({ limit: 3, after: first.nextCursor }),
    });
    expect(second).toEqual({ items: [expect.objectContaining({ handle: handles[3] })], nextCursor: null });
    expect(second.items.map((s) => s.userId)).not.toContain(lapsing.id);

    await expect(listSubscribers(deps, { actorId: member.id, clanId, query: page() })).rejects.toMatchObject({
      code: 'channel.forbidden',
    });
  });
});

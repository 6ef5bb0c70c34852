import { channels } from '@clantrader/core';
import { FixedOffsetZones, ManualClock, MemoryBlobStore, PNG_BYTES, SequentialIds } from '@clantrader/core/testing';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { clanMembers, clans } from '../schema/index';
import { testDatabases } from '../testing/index';
import { newAccount } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createChannelStore } from './channel-store';

const post = (text: string, premium = false) => channels.NewPostSchema.parse({ text, premium });

describe.each(testDatabases())('ChannelStore on $name', ({ open }) => {
  let handle: DbHandle;
  let deps: channels.ChannelDeps;
  let clock: ManualClock;
  let n = 0;

  beforeEach(async () => {
    handle = await open();
    clock = new ManualClock();
    deps = {
      store: createChannelStore(handle.db),
      blobs: new MemoryBlobStore(),
      clock,
      ids: new SequentialIds(),
      zones: new FixedOffsetZones(),
    };
  });
  afterEach(() => handle.close());

  async function user(timezone = 'UTC') {
    n += 1;
    const a = newAccount(n);
    await createAccountStore(handle.db).createAccount(a);
    return { id: a.user.id, timezone };
  }
  async function clan(name: string) {
    const leader = await user();
    const id = randomUUID();
    const now = clock.now();
    await handle.db.insert(clans).values({
      id,
      name,
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      tradingFocus: 'gold',
      privacy: 'open',
      createdBy: leader.id,
      createdAt: now,
    });
    await handle.db.insert(clanMembers).values({ clanId: id, userId: leader.id, role: 'leader', joinedAt: now });
    return { clanId: id, leader };
  }

  it('publishes, edits, reorders images and deletes a post with its rows', async () => {
    const { clanId, leader } = await clan('Gold Hunters');
    const p = await channels.publishPost(deps, { author: leader, clanId, post: post('hello') });
    await channels.addPostImage(deps, { author: leader, postId: p.id, bytes: PNG_BYTES });
    const two = await channels.addPostImage(deps, { author: leader, postId: p.id, bytes: PNG_BYTES });
    const [a, b] = two.images.map((i) => i.id);
    const edited = await channels.editPost(deps, {
      author: leader,
      postId: p.id,
      patch: channels.PostPatchSchema.parse({ text: 'edited', imageIds: [b] }),
    });
    expect(edited).toMatchObject({ text: 'edited', images: [{ id: b, contentType: 'image/png' }] });
    expect(await deps.store.findImage(a ?? '')).toBeNull();
    await channels.deletePost(deps, { userId: leader.id, postId: p.id });
    expect(await deps.store.findPost(p.id)).toBeNull();
  });

  it('never lets parallel uploads pass four images', async () => {
    const { clanId, leader } = await clan('Gold');
    const p = await channels.publishPost(deps, { author: leader, clanId, post: post('x') });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => channels.addPostImage(deps, { author: leader, postId: p.id, bytes: PNG_BYTES })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect((await deps.store.findPost(p.id))?.images.map((i) => i.position)).toEqual([0, 1, 2, 3]);
  });

  it('never lets parallel peeks pass three a day, and counts per local day', async () => {
    const { clanId, leader } = await clan('Gold');
    const reader = await user('Asia/Tehran');
    const posts = [];
    for (let i = 0; i < 6; i++) {
      posts.push(await channels.publishPost(deps, { author: leader, clanId, post: post(`p${i}`, true) }));
    }
    const results = await Promise.allSettled(posts.map((p) => channels.peekPost(deps, { user: reader, postId: p.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await channels.getPeekStatus(deps, reader)).toMatchObject({ used: 3, day: '2026-01-15' });
    clock.set(new Date('2026-01-15T20:30:00Z'));
    expect(await channels.getPeekStatus(deps, reader)).toMatchObject({ used: 0, day: '2026-01-16' });
  });

  it('counts reactions and views once, feeds followed and trending posts, and tracks unread', async () => {
    const gold = await clan('Gold Hunters');
    const fx = await clan('FX 100%_club');
    const reader = await user();
    await channels.setFollowing(deps, { userId: reader.id, clanId: gold.clanId, on: true });
    const hot = await channels.publishPost(deps, { author: fx.leader, clanId: fx.clanId, post: post('hot') });
    clock.advance(1000);
    const mine = await channels.publishPost(deps, { author: gold.leader, clanId: gold.clanId, post: post('mine') });
    for (const emoji of ['🔥', '🔥', '🚀']) {
      await channels.reactToPost(deps, { user: reader, postId: hot.id, emoji, on: true });
    }
    const viewer = { userId: reader.id, timezone: 'UTC' };
    await channels.recordPostView(deps, { viewer, postId: hot.id });
    expect(await channels.recordPostView(deps, { viewer, postId: hot.id })).toEqual({ counted: false, views: 1 });

    const feed = await channels.getHomeFeed(deps, { user: reader, limit: 10 });
    expect(feed.items.map((i) => [i.id, i.followed, i.trending, i.channelName])).toEqual([
      [mine.id, true, false, 'Gold Hunters'],
      [hot.id, false, true, 'FX 100%_club'],
    ]);
    expect(feed.items[1]).toMatchObject({ views: 1, reactions: { counts: { '🔥': 1, '🚀': 1 }, mine: ['🔥', '🚀'] } });

    await channels.setFollowing(deps, { userId: reader.id, clanId: fx.clanId, on: true });
    const side = await channels.listMyChannels(deps, { userId: reader.id });
    expect(side.channels.map((c) => [c.name, c.unread])).toEqual([
      ['FX 100%_club', 0],
      ['Gold Hunters', 1],
    ]);
    expect((await channels.listMyChannels(deps, { userId: reader.id, q: '%_' })).channels).toHaveLength(1);
    await channels.markChannelRead(deps, { userId: reader.id, clanId: gold.clanId });
    expect((await channels.listMyChannels(deps, { userId: reader.id, q: 'gold' })).channels).toEqual([
      { clanId: gold.clanId, name: 'Gold Hunters', unread: 0, lastPostAt: mine.createdAt },
    ]);
  });

  it('grants, expires and revokes subscriptions, as the ticket route sees them', async () => {
    const { clanId, leader } = await clan('Gold');
    const fan = await user();
    const expiresAt = new Date(clock.now().getTime() + 60_000);
    await channels.grantSubscription(deps, { actorId: leader.id, clanId, userId: fan.id, expiresAt });
    expect(await deps.store.isSubscriber(clanId, fan.id, clock.now())).toBe(true);
    expect(await deps.store.isSubscriber(clanId, fan.id, expiresAt)).toBe(false);
    expect(await deps.store.counts(clanId, clock.now())).toEqual({ followers: 0, subscribers: 1 });
    await channels.revokeSubscription(deps, { actorId: leader.id, clanId, userId: fan.id });
    expect(await deps.store.findSubscription(clanId, fan.id)).toBeNull();
  });

  it('finds traders by handle and pages active subscribers by handle', async () => {
    const { clanId, leader } = await clan('Gold');
    const fans = [await user(), await user(), await user()];
    const lapsed = await user();
    const handleOf = async (id: string) =>
      (await deps.store.listSubscribers({ clanId, now: clock.now(), limit: 10 })).find((s) => s.userId === id)?.handle;
    const until = new Date(clock.now().getTime() + 60_000);
    for (const fan of fans) {
      await channels.grantSubscription(deps, {
        actorId: leader.id,
        clanId,
        userId: fan.id,
        expiresAt: fan === fans[0] ? until : null,
      });
    }
    await channels.grantSubscription(deps, {
      actorId: leader.id,
      clanId,
      userId: lapsed.id,
      expiresAt: new Date(clock.now().getTime() + 1000),
    });
    clock.advance(1000);

    const handle0 = await handleOf(fans[0]?.id ?? '');
    expect(await deps.store.findUserByHandle(handle0 ?? '')).toEqual({
      userId: fans[0]?.id,
      handle: handle0,
      displayName: expect.any(String),
    });
    expect(await deps.store.findUserByHandle('no_such_handle')).toBeNull();

    const all = await deps.store.listSubscribers({ clanId, now: clock.now(), limit: 10 });
    expect(all.map((s) => s.userId).sort()).toEqual(fans.map((f) => f.id).sort());
    const handles = all.map((s) => s.handle);
    expect(handles).toEqual([...handles].sort());
    expect(all.find((s) => s.userId === fans[0]?.id)).toMatchObject({
      source: 'complimentary',
      since: new Date(clock.now().getTime() - 1000),
      expiresAt: until,
    });
    const firstTwo = await deps.store.listSubscribers({ clanId, now: clock.now(), limit: 2 });
    const rest = await deps.store.listSubscribers({ clanId, now: clock.now(), limit: 2, after: firstTwo[1]?.handle });
    expect([...firstTwo, ...rest].map((s) => s.userId)).toEqual(all.map((s) => s.userId));
  });
});

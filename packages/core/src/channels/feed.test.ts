import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { reactToPost } from './engagement';
import { getHomeFeed, pickTrending, trendingScore } from './feed';
import { listMyChannels, markChannelRead, setFollowing } from './follows';
import { NewPostSchema } from './model';
import { publishPost } from './publish-post';

const HOUR = 3_600_000;
const now = new Date('2026-01-15T10:00:00Z');
const ago = (h: number) => new Date(now.getTime() - h * HOUR);

describe('trendingScore', () => {
  it('weighs reactions three times a view and halves every 24 hours', () => {
    expect(trendingScore({ postId: 'a', createdAt: now, reactions: 2, views: 4 }, now)).toBe(10);
    expect(trendingScore({ postId: 'a', createdAt: ago(24), reactions: 2, views: 4 }, now)).toBe(5);
    expect(trendingScore({ postId: 'a', createdAt: ago(73), reactions: 100, views: 100 }, now)).toBe(0);
  });

  it('picks the best scores, leaving out posts nobody engaged with', () => {
    const picked = pickTrending(
      [
        { postId: 'old-hit', createdAt: ago(48), reactions: 10, views: 0 },
        { postId: 'fresh', createdAt: ago(1), reactions: 3, views: 1 },
        { postId: 'silent', createdAt: ago(1), reactions: 0, views: 0 },
      ],
      now,
    );
    expect(picked).toEqual(['fresh', 'old-hit']);
  });
});

describe('getHomeFeed', () => {
  it('mixes followed posts and trending posts, newest first, marked, with a cursor', async () => {
    const { deps, addClan, addUser } = fakeChannelDeps();
    const followedClan = addClan('Followed');
    const otherClan = addClan('Other');
    const reader = addUser();
    await setFollowing(deps, { userId: reader.id, clanId: followedClan.clanId, on: true });
    const hot = await publishPost(deps, {
      author: otherClan.leader,
      clanId: otherClan.clanId,
      post: NewPostSchema.parse({ text: 'hot' }),
    });
    await publishPost(deps, {
      author: otherClan.leader,
      clanId: otherClan.clanId,
      post: NewPostSchema.parse({ text: 'cold' }),
    });
    await reactToPost(deps, { user: addUser(), postId: hot.id, emoji: '🔥', on: true });
    const mine1 = await publishPost(deps, {
      author: followedClan.leader,
      clanId: followedClan.clanId,
      post: NewPostSchema.parse({ text: 'a' }),
    });
    const mine2 = await publishPost(deps, {
      author: followedClan.leader,
      clanId: followedClan.clanId,
      post: NewPostSchema.parse({ text: 'b' }),
    });

    const first = await getHomeFeed(deps, { user: reader, limit: 2 });
    expect(first.items.map((i) => [i.id, i.followed, i.trending, i.channelName])).toEqual([
      [mine2.id, true, false, 'Followed'],
      [mine1.id, true, false, 'Followed'],
    ]);
    const second = await getHomeFeed(deps, { user: reader, limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((i) => [i.id, i.followed, i.trending])).toEqual([[hot.id, false, true]]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('listMyChannels', () => {
  it('counts posts since the last visit and searches by name', async () => {
    const { deps, addClan, addUser, clock } = fakeChannelDeps();
    const gold = addClan('Gold Hunters');
    const fx = addClan('FX Ninjas');
    const reader = addUser();
    await setFollowing(deps, { userId: reader.id, clanId: gold.clanId, on: true });
    await setFollowing(deps, { userId: reader.id, clanId: fx.clanId, on: true });
    clock.advance(1000);
    await publishPost(deps, { author: gold.leader, clanId: gold.clanId, post: NewPostSchema.parse({ text: '1' }) });
    await publishPost(deps, { author: gold.leader, clanId: gold.clanId, post: NewPostSchema.parse({ text: '2' }) });
    const all = await listMyChannels(deps, { userId: reader.id });
    expect(all.channels.map((c) => [c.name, c.unread])).toEqual([
      ['FX Ninjas', 0],
      ['Gold Hunters', 2],
    ]);
    clock.advance(1000);
    await markChannelRead(deps, { userId: reader.id, clanId: gold.clanId });
    const found = await listMyChannels(deps, { userId: reader.id, q: 'gold' });
    expect(found.channels.map((c) => [c.name, c.unread])).toEqual([['Gold Hunters', 0]]);
  });
});

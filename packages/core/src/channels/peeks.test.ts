import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { listChannelPosts } from './channel-page';
import { NewPostSchema } from './model';
import { getPeekStatus, peekPost } from './peeks';
import { publishPost } from './publish-post';
import { grantSubscription } from './subscriptions';

async function setup(timezone = 'UTC') {
  const f = fakeChannelDeps();
  const { clanId, leader } = f.addClan('Gold Hunters');
  const text = `Entry at 2310. ${'Long analysis. '.repeat(20)}`;
  const posts = [];
  for (let i = 0; i < 5; i++) {
    posts.push(
      await publishPost(f.deps, { author: leader, clanId, post: NewPostSchema.parse({ text, premium: true }) }),
    );
  }
  const reader = f.addUser({ timezone });
  return { ...f, clanId, leader, posts, reader };
}

describe('premium locks', () => {
  it('shows outsiders a 140-character teaser without charts or images', async () => {
    const { deps, clanId, reader } = await setup();
    const page = await listChannelPosts(deps, { viewer: { userId: reader.id, timezone: 'UTC' }, clanId, limit: 10 });
    const first = page.items[0];
    expect(first).toMatchObject({ locked: true, entities: [], charts: [], images: [] });
    expect(Array.from(first?.text ?? '')).toHaveLength(141);
    expect(first?.text.endsWith('…')).toBe(true);
  });

  it('shows subscribers and members everything', async () => {
    const { deps, clanId, leader, reader, addUser } = await setup();
    await grantSubscription(deps, { actorId: leader.id, clanId, userId: reader.id, expiresAt: null });
    const member = addUser({ clanId });
    for (const who of [reader, member]) {
      const page = await listChannelPosts(deps, { viewer: { userId: who.id, timezone: 'UTC' }, clanId, limit: 10 });
      expect(page.items.every((p) => !p.locked)).toBe(true);
    }
  });
});

describe('peekPost', () => {
  it('unlocks three posts a day, repeats are free, the fourth is refused with the reset time', async () => {
    const { deps, posts, reader } = await setup();
    for (const p of posts.slice(0, 3)) {
      const { post } = await peekPost(deps, { user: reader, postId: p.id });
      expect(post).toMatchObject({ locked: false, peeked: true });
    }
    const again = await peekPost(deps, { user: reader, postId: posts[0]?.id ?? '' });
    expect(again.peeks).toMatchObject({ used: 3, remaining: 0 });
    await expect(peekPost(deps, { user: reader, postId: posts[3]?.id ?? '' })).rejects.toMatchObject({
      code: 'peeks.exhausted',
      details: { retryAfterSeconds: 14 * 3600 },
    });
  });

  it("resets at the user's local midnight, not UTC's", async () => {
    // 10:00 UTC = 13:30 in Tehran; local midnight is 20:30 UTC.
    const { deps, posts, reader, clock } = await setup('Asia/Tehran');
    for (const p of posts.slice(0, 3)) await peekPost(deps, { user: reader, postId: p.id });
    expect(await getPeekStatus(deps, reader)).toMatchObject({
      remaining: 0,
      day: '2026-01-15',
      resetsAt: new Date('2026-01-15T20:30:00Z'),
    });
    clock.set(new Date('2026-01-15T20:29:59Z'));
    await expect(peekPost(deps, { user: reader, postId: posts[3]?.id ?? '' })).rejects.toMatchObject({
      code: 'peeks.exhausted',
    });
    clock.set(new Date('2026-01-15T20:30:00Z'));
    expect(await getPeekStatus(deps, reader)).toMatchObject({ remaining: 3, day: '2026-01-16' });
    const { post } = await peekPost(deps, { user: reader, postId: posts[3]?.id ?? '' });
    expect(post.locked).toBe(false);
  });

  it('costs nothing for free posts or for subscribers', async () => {
    const { deps, clanId, leader, posts, reader } = await setup();
    const free = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'free' }) });
    await peekPost(deps, { user: reader, postId: free.id });
    await grantSubscription(deps, { actorId: leader.id, clanId, userId: reader.id, expiresAt: null });
    await peekPost(deps, { user: reader, postId: posts[0]?.id ?? '' });
    expect(await getPeekStatus(deps, reader)).toMatchObject({ used: 0, remaining: 3 });
  });
});

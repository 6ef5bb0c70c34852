import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { parseReaction, reactToPost, recordPostView } from './engagement';
import { NewPostSchema } from './model';
import { publishPost } from './publish-post';

async function setup(premium = false) {
  const f = fakeChannelDeps();
  const { clanId, leader } = f.addClan();
  const post = await publishPost(f.deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'x', premium }) });
  return { ...f, clanId, leader, post };
}

describe('reactions', () => {
  it('accepts the fixed set by emoji or name, nothing else', () => {
    expect(parseReaction('🔥')).toBe('🔥');
    expect(parseReaction('rocket')).toBe('🚀');
    expect(parseReaction('❤')).toBe('❤️');
    expect(parseReaction('💩')).toBeNull();
  });

  it('toggles one of each emoji per user and counts per emoji', async () => {
    const { deps, post, addUser } = await setup();
    const [a, b] = [addUser(), addUser()];
    if (!a || !b) throw new Error('users');
    await reactToPost(deps, { user: a, postId: post.id, emoji: '🔥', on: true });
    await reactToPost(deps, { user: a, postId: post.id, emoji: '🔥', on: true });
    await reactToPost(deps, { user: a, postId: post.id, emoji: '🚀', on: true });
    const s = await reactToPost(deps, { user: b, postId: post.id, emoji: 'fire', on: true });
    expect(s).toEqual({ counts: { '🔥': 2, '🚀': 1 }, mine: ['🔥'] });
    const off = await reactToPost(deps, { user: a, postId: post.id, emoji: '🔥', on: false });
    expect(off.counts).toEqual({ '🔥': 1, '🚀': 1 });
  });

  it('refuses reactions on a locked premium post', async () => {
    const { deps, post, addUser } = await setup(true);
    await expect(reactToPost(deps, { user: addUser(), postId: post.id, emoji: '👍', on: true })).rejects.toMatchObject({
      code: 'channel.post_locked',
    });
  });
});

describe('recordPostView', () => {
  it('counts a user once and an anonymous visitor key once', async () => {
    const { deps, post, addUser } = await setup();
    const user = addUser();
    await recordPostView(deps, { viewer: { userId: user.id, timezone: 'UTC' }, postId: post.id });
    await recordPostView(deps, { viewer: { userId: user.id, timezone: 'UTC' }, postId: post.id });
    await recordPostView(deps, { viewer: { userId: null, visitorKey: 'visitor-key-123456' }, postId: post.id });
    const last = await recordPostView(deps, {
      viewer: { userId: null, visitorKey: 'visitor-key-123456' },
      postId: post.id,
    });
    expect(last).toEqual({ counted: false, views: 2 });
    expect(await recordPostView(deps, { viewer: { userId: null }, postId: post.id })).toEqual({
      counted: false,
      views: 2,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { fakeChannelDeps } from '../testing';
import { NewPostSchema, PostPatchSchema } from './model';
import { addPostImage, getChannelMedia } from './post-images';
import { deletePost, editPost, publishPost } from './publish-post';
import { PNG_BYTES as PNG } from './testing/images';

describe('publishPost', () => {
  it('lets the leader and a co-leader publish', async () => {
    const { deps, addClan, addUser } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const co = addUser({ clanId, role: 'co_leader' });
    const a = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'hello' }) });
    const b = await publishPost(deps, { author: co, clanId, post: NewPostSchema.parse({ text: 'hi', premium: true }) });
    expect(a).toMatchObject({ text: 'hello', locked: false, premium: false, views: 0 });
    expect(b).toMatchObject({ premium: true, locked: false });
  });

  it.each(['member', 'outsider'] as const)('refuses a %s', async (who) => {
    const { deps, addClan, addUser, store } = fakeChannelDeps();
    const { clanId } = addClan();
    const user = who === 'member' ? addUser({ clanId, role: 'member' }) : addUser();
    await expect(
      publishPost(deps, { author: user, clanId, post: NewPostSchema.parse({ text: 'x' }) }),
    ).rejects.toMatchObject({ code: 'channel.forbidden' });
    expect(store.posts.size).toBe(0);
  });

  it('refuses a disbanded clan as not found', async () => {
    const { deps, addClan, store } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    store.clans.set(clanId, { name: 'x', disbanded: true });
    await expect(publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({}) })).rejects.toMatchObject({
      code: 'channel.not_found',
    });
  });
});

describe('post schemas', () => {
  it('refuses text over 4,000 characters, HTML-free formatting out of range and oversized charts', () => {
    expect(NewPostSchema.safeParse({ text: 'a'.repeat(4001) }).success).toBe(false);
    expect(NewPostSchema.safeParse({ text: 'ab', entities: [{ type: 'bold', offset: 1, length: 5 }] }).success).toBe(
      false,
    );
    expect(
      NewPostSchema.safeParse({
        text: 'ab',
        entities: [{ type: 'link', offset: 0, length: 2, url: 'javascript:alert(1)' }],
      }).success,
    ).toBe(false);
    const points = Array.from({ length: 501 }, (_, i) => ({ x: i, y: i }));
    expect(NewPostSchema.safeParse({ charts: [{ kind: 'line', title: 't', points }] }).success).toBe(false);
    expect(NewPostSchema.safeParse({ charts: [{ kind: 'pie', title: 't', points: [{ x: 1, y: 1 }] }] }).success).toBe(
      false,
    );
    expect(PostPatchSchema.safeParse({}).success).toBe(false);
  });
});

describe('editPost and deletePost', () => {
  it('lets the author edit and stamps the edit', async () => {
    const { deps, addClan, clock } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const post = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'v1' }) });
    clock.advance(60_000);
    const edited = await editPost(deps, {
      author: leader,
      postId: post.id,
      patch: PostPatchSchema.parse({ text: 'v2' }),
    });
    expect(edited).toMatchObject({ text: 'v2', editedAt: clock.now() });
  });

  it('refuses edits by others; lets a co-leader delete (moderation), not a member', async () => {
    const { deps, addClan, addUser, store } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const co = addUser({ clanId, role: 'co_leader' });
    const member = addUser({ clanId });
    const post = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'v1' }) });
    await expect(
      editPost(deps, { author: co, postId: post.id, patch: PostPatchSchema.parse({ text: 'x' }) }),
    ).rejects.toMatchObject({ code: 'channel.forbidden' });
    await expect(deletePost(deps, { userId: member.id, postId: post.id })).rejects.toMatchObject({
      code: 'channel.forbidden',
    });
    await deletePost(deps, { userId: co.id, postId: post.id });
    expect(store.posts.size).toBe(0);
  });
});

describe('post images', () => {
  it('stores up to four sniffed images and refuses a fifth', async () => {
    const { deps, addClan, blobs } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const post = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ text: 'chart' }) });
    for (let i = 0; i < 4; i++) await addPostImage(deps, { author: leader, postId: post.id, bytes: PNG });
    await expect(addPostImage(deps, { author: leader, postId: post.id, bytes: PNG })).rejects.toMatchObject({
      code: 'channel.too_many_images',
    });
    const [first] = [...blobs.blobs.values()];
    expect(first?.contentType).toBe('image/png');
  });

  it('hides the images of a locked premium post', async () => {
    const { deps, addClan, addUser } = fakeChannelDeps();
    const { clanId, leader } = addClan();
    const post = await publishPost(deps, { author: leader, clanId, post: NewPostSchema.parse({ premium: true }) });
    const withImage = await addPostImage(deps, { author: leader, postId: post.id, bytes: PNG });
    const mediaId = withImage.images[0]?.id ?? '';
    const outsider = addUser();
    await expect(
      getChannelMedia(deps, { viewer: { userId: outsider.id, timezone: 'UTC' }, mediaId }),
    ).rejects.toMatchObject({ code: 'channel.media_not_found' });
    const own = await getChannelMedia(deps, { viewer: { userId: leader.id, timezone: 'UTC' }, mediaId });
    expect(own).toEqual({ bytes: PNG, contentType: 'image/png' });
  });
});

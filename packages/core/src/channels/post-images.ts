import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import { CHANNEL_LIMITS, type ImageType, type PostView, type Viewer } from './model';
import { presentOne } from './publish-post';
import { sniffImage } from './sniff-image';
import { canSee, loadViewerContext, requirePost } from './viewer';

/**
 * Adds one image to the author's post. The type is sniffed from the bytes (PNG, JPEG,
 * WebP, GIF) and the blob key is made here, never from user input. The blob is written
 * before the row, so a row never points at a missing file; an image refused for the count
 * limit leaves an unreferenced blob, which is harmless.
 * @throws DomainError `channel.post_not_found` | `channel.forbidden` | `channel.media_too_large`
 *   | `channel.media_unsupported` | `channel.too_many_images`
 */
export async function addPostImage(
  deps: ChannelDeps,
  input: { author: { id: string; timezone: string }; postId: string; bytes: Uint8Array },
): Promise<PostView> {
  const post = await requirePost(deps, input.postId);
  if (post.authorId !== input.author.id) {
    throw new DomainError('channel.forbidden', 'Only the author may add images to a post');
  }
  const contentType = sniffImage(input.bytes);
  if (post.images.length >= CHANNEL_LIMITS.maxImages) throw tooMany();
  const id = deps.ids.newId();
  const blobKey = `channels/${post.clanId}/${post.id}/${id}`;
  await deps.blobs.put(blobKey, input.bytes, { contentType, fileName: `${id}.${contentType.slice(6)}` });
  const added = await deps.store.addImage(
    {
      id,
      postId: post.id,
      blobKey,
      contentType,
      byteSize: input.bytes.length,
      position: post.images.length,
      createdAt: deps.clock.now(),
    },
    CHANNEL_LIMITS.maxImages,
  );
  if (!added) throw tooMany();
  return presentOne(deps, (await deps.store.findPost(post.id)) ?? post, input.author);
}

function tooMany(): DomainError {
  return new DomainError('channel.too_many_images', `A post has at most ${CHANNEL_LIMITS.maxImages} images`);
}

/**
 * The bytes of one post image, for a viewer allowed to see the post: an image of a locked
 * premium post is as hidden as the post (not found, so ids cannot be probed).
 * @throws DomainError `channel.media_not_found`
 */
export async function getChannelMedia(
  deps: ChannelDeps,
  input: { viewer: Viewer; mediaId: string },
): Promise<{ bytes: Uint8Array; contentType: ImageType }> {
  const image = await deps.store.findImage(input.mediaId);
  const post = image ? await deps.store.findPost(image.postId) : null;
  const notFound = () => new DomainError('channel.media_not_found', 'No such image');
  if (!image || !post || !(await deps.store.findChannel(post.clanId))) throw notFound();
  if (post.premium && !canSee(post, await loadViewerContext(deps, input.viewer))) throw notFound();
  const bytes = await deps.blobs.get(image.blobKey);
  if (!bytes) throw notFound();
  return { bytes, contentType: image.contentType };
}

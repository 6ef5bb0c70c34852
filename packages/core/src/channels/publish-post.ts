import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import { PUBLISHER_ROLES, type Channel, type NewPost, type PostPatch, type PostRecord, type PostView } from './model';
import { loadViewerContext, presentPosts, requirePost } from './viewer';

/**
 * The channel, when `userId` may publish in it: its clan's leader or a co-leader.
 * @throws DomainError `channel.not_found` | `channel.forbidden`
 */
export async function requirePublisher(
  deps: Pick<ChannelDeps, 'store'>,
  clanId: string,
  userId: string,
): Promise<Channel> {
  const channel = await deps.store.findChannel(clanId);
  if (!channel) throw new DomainError('channel.not_found', 'No such channel');
  const membership = await deps.store.findMembership(userId);
  if (membership?.clanId !== clanId || !PUBLISHER_ROLES.includes(membership.role)) {
    throw new DomainError('channel.forbidden', 'Only the clan leader and co-leaders publish in its channel');
  }
  return channel;
}

type Author = { id: string; timezone: string };

/**
 * Publishes a post (free or premium) in a clan's channel. Images follow, one upload each.
 * @throws DomainError `channel.not_found` | `channel.forbidden`
 */
export async function publishPost(
  deps: ChannelDeps,
  input: { author: Author; clanId: string; post: NewPost },
): Promise<PostView> {
  await requirePublisher(deps, input.clanId, input.author.id);
  const post: PostRecord = {
    id: deps.ids.newId(),
    clanId: input.clanId,
    authorId: input.author.id,
    text: input.post.text,
    entities: input.post.entities,
    charts: input.post.charts,
    premium: input.post.premium,
    images: [],
    viewCount: 0,
    createdAt: deps.clock.now(),
    editedAt: null,
  };
  await deps.store.insertPost(post);
  return presentOne(deps, post, input.author);
}

/**
 * Edits the author's own post. `imageIds` may drop or reorder images, never add (upload).
 * @throws DomainError `channel.post_not_found` | `channel.forbidden` | `validation.failed`
 */
export async function editPost(
  deps: ChannelDeps,
  input: { author: Author; postId: string; patch: PostPatch },
): Promise<PostView> {
  const post = await requirePost(deps, input.postId);
  if (post.authorId !== input.author.id) {
    throw new DomainError('channel.forbidden', 'Only the author may edit a post');
  }
  const { imageIds, ...fields } = input.patch;
  const known = new Set(post.images.map((i) => i.id));
  if (imageIds && (imageIds.some((id) => !known.has(id)) || new Set(imageIds).size !== imageIds.length)) {
    throw new DomainError('validation.failed', 'Some fields are not valid', {
      fields: [{ path: 'imageIds', message: 'Only images of this post, each once' }],
    });
  }
  const text = fields.text ?? post.text;
  const entities = fields.entities ?? (fields.text === undefined ? post.entities : []);
  if (entities.some((e) => e.offset + e.length > text.length)) {
    throw new DomainError('validation.failed', 'Some fields are not valid', {
      fields: [{ path: 'entities', message: 'A formatting range lies outside the text' }],
    });
  }
  const updated = await deps.store.updatePost(post.id, {
    ...fields,
    ...(fields.text === undefined ? {} : { entities }),
    ...(imageIds ? { imageIds } : {}),
    editedAt: deps.clock.now(),
  });
  if (!updated) throw new DomainError('channel.post_not_found', 'No such post');
  return presentOne(deps, updated, input.author);
}

/**
 * Deletes a post: its author may, and so may the clan's leader and co-leaders (moderation).
 * @throws DomainError `channel.post_not_found` | `channel.forbidden`
 */
export async function deletePost(deps: ChannelDeps, input: { userId: string; postId: string }): Promise<void> {
  const post = await requirePost(deps, input.postId);
  if (post.authorId !== input.userId) await requirePublisher(deps, post.clanId, input.userId);
  await deps.store.deletePost(post.id);
}

export async function presentOne(deps: ChannelDeps, post: PostRecord, viewer: Author): Promise<PostView> {
  const ctx = await loadViewerContext(deps, { userId: viewer.id, timezone: viewer.timezone });
  const [view] = await presentPosts(deps, [post], ctx);
  if (!view) throw new Error('presentPosts returned nothing for one post');
  return view;
}

import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import { REACTION_EMOJIS, REACTIONS, type ReactionEmoji, type ReactionSummary, type Viewer } from './model';
import { canSee, loadViewerContext, requirePost } from './viewer';

const BY_NAME = new Map<string, ReactionEmoji>(Object.entries(REACTIONS));

/**
 * One of the fixed reactions, by emoji or by its name (`fire`); the heart is accepted with
 * or without its variation selector. Null for anything else.
 */
export function parseReaction(raw: string): ReactionEmoji | null {
  const named = BY_NAME.get(raw);
  if (named) return named;
  const normalized = raw === '\u2764' ? '\u2764\ufe0f' : raw;
  return REACTION_EMOJIS.find((e) => e === normalized) ?? null;
}

/**
 * Adds (`on`) or removes one reaction of the user; both are idempotent, so a double tap
 * never counts twice. Locked premium posts cannot be reacted to.
 * @throws DomainError `validation.failed` | `channel.post_not_found` | `channel.post_locked`
 */
export async function reactToPost(
  deps: ChannelDeps,
  input: { user: { id: string; timezone: string }; postId: string; emoji: string; on: boolean },
): Promise<ReactionSummary> {
  const emoji = parseReaction(input.emoji);
  if (!emoji) {
    throw new DomainError('validation.failed', 'Some fields are not valid', {
      fields: [{ path: 'emoji', message: `Use one of ${REACTION_EMOJIS.join(' ')}` }],
    });
  }
  const post = await requirePost(deps, input.postId);
  const ctx = await loadViewerContext(deps, { userId: input.user.id, timezone: input.user.timezone });
  if (!canSee(post, ctx)) throw new DomainError('channel.post_locked', 'Subscribe or peek to react to this post');
  await deps.store.setReaction({ postId: post.id, userId: input.user.id, emoji, on: input.on, at: deps.clock.now() });
  const summaries = await deps.store.reactionSummaries([post.id], input.user.id);
  return summaries.get(post.id) ?? { counts: {}, mine: [] };
}

/**
 * Counts a view once per signed-in user (or per anonymous visitor key) and post. A viewer
 * with neither is not counted. Teasers of locked posts count too: the post was seen.
 * @throws DomainError `channel.post_not_found`
 */
export async function recordPostView(
  deps: ChannelDeps,
  input: { viewer: Viewer; postId: string },
): Promise<{ counted: boolean; views: number }> {
  const post = await requirePost(deps, input.postId);
  const key = viewerKey(input.viewer);
  if (!key) return { counted: false, views: post.viewCount };
  return deps.store.recordView(post.id, key, deps.clock.now());
}

function viewerKey(viewer: Viewer): string | null {
  if (viewer.userId !== null) return `u:${viewer.userId}`;
  return viewer.visitorKey ? `a:${viewer.visitorKey}` : null;
}

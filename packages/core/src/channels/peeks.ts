import { DomainError } from '../shared/domain-error';
import type { ChannelDeps } from './deps';
import { localDayOf } from './local-day';
import { CHANNEL_LIMITS, type PostView } from './model';
import { hasFullAccess, loadViewerContext, presentPosts, requirePost } from './viewer';

type Reader = { id: string; timezone: string };

/** Peeks left for the user's current local day, and when the count resets. */
export type PeekStatus = { limit: number; used: number; remaining: number; day: string; resetsAt: Date };

/**
 * The user's peeks today. "Today" is the calendar day in the user's own time zone (from
 * their profile, UTC when unset), so the count resets at their local midnight.
 */
export async function getPeekStatus(deps: ChannelDeps, user: Reader): Promise<PeekStatus> {
  const today = localDayOf(deps.zones, user.timezone, deps.clock.now());
  const used = (await deps.store.peekedPostIds(user.id, today.day)).size;
  return statusOf(used, today);
}

/**
 * Unlocks one premium post for the user for the rest of their local day. Peeking a post
 * already peeked today costs nothing, nor does "peeking" a free post or one the user can
 * read anyway (member, subscriber, author). The fourth distinct post of a day is refused;
 * the store counts atomically, so parallel requests cannot squeeze in a fourth.
 * @throws DomainError `channel.post_not_found` | `peeks.exhausted`
 */
export async function peekPost(
  deps: ChannelDeps,
  input: { user: Reader; postId: string },
): Promise<{ post: PostView; peeks: PeekStatus }> {
  const post = await requirePost(deps, input.postId);
  const ctx = await loadViewerContext(deps, { userId: input.user.id, timezone: input.user.timezone });
  const today = ctx.today ?? localDayOf(deps.zones, input.user.timezone, deps.clock.now());
  if (!hasFullAccess(post, ctx)) {
    const outcome = await deps.store.recordPeek({
      userId: input.user.id,
      postId: post.id,
      day: today.day,
      at: deps.clock.now(),
      limit: CHANNEL_LIMITS.peeksPerDay,
    });
    if (outcome.status === 'exhausted') {
      const seconds = Math.ceil((today.resetsAt.getTime() - deps.clock.now().getTime()) / 1000);
      throw new DomainError(
        'peeks.exhausted',
        `You have used your ${CHANNEL_LIMITS.peeksPerDay} peeks for today; they reset at ${today.resetsAt.toISOString()}.`,
        { retryAfterSeconds: seconds },
      );
    }
    ctx.peeked.add(post.id);
  }
  const [view] = await presentPosts(deps, [post], ctx);
  if (!view) throw new Error('presentPosts returned nothing for one post');
  return { post: view, peeks: statusOf(ctx.peeked.size, today) };
}

function statusOf(used: number, today: { day: string; resetsAt: Date }): PeekStatus {
  const limit = CHANNEL_LIMITS.peeksPerDay;
  return { limit, used, remaining: Math.max(0, limit - used), day: today.day, resetsAt: today.resetsAt };
}

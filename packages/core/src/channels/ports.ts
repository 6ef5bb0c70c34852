import type {
  Channel,
  ClanRole,
  PostImage,
  PostRecord,
  ReactionEmoji,
  ReactionSummary,
  SubscriberView,
  Subscription,
  TraderRef,
} from './model';

/** Engagement of one recent post, the input of the trending score. */
export type TrendingCandidate = { postId: string; createdAt: Date; reactions: number; views: number };

/** One followed channel in the sidebar. */
export type FollowedChannel = { clanId: string; name: string; unread: number; lastPostAt: Date | null };

/** The outcome of recording a peek; `used` counts the day's distinct peeked posts after it. */
export type PeekOutcome = { status: 'new' | 'repeat' | 'exhausted'; used: number };

/**
 * Persistence of channels: posts with their images, reactions, views, follows,
 * subscriptions, daily peeks and read markers, plus the few clan facts channels need
 * (the clans domain owns those tables; a disbanded clan has no channel).
 * Toggles and counters are idempotent: a reaction, a view or a follow recorded twice is
 * one row. `recordPeek` and `addImage` enforce their limits atomically.
 */
export interface ChannelStore {
  /** The live (not disbanded) clan behind a channel, or null. */
  findChannel(clanId: string): Promise<Channel | null>;
  /** The user's clan and role (a trader is in at most one clan), or null. */
  findMembership(userId: string): Promise<{ clanId: string; role: ClanRole } | null>;
  userExists(userId: string): Promise<boolean>;
  /** The trader with this (lowercase) handle, or null. */
  findUserByHandle(handle: string): Promise<TraderRef | null>;

  insertPost(post: PostRecord): Promise<void>;
  findPost(id: string): Promise<PostRecord | null>;
  /** Writes the edited fields; `imageIds` (when given) keeps only those images, in that order. */
  updatePost(
    id: string,
    patch: {
      text?: string;
      entities?: PostRecord['entities'];
      charts?: PostRecord['charts'];
      premium?: boolean;
      imageIds?: string[];
      editedAt: Date;
    },
  ): Promise<PostRecord | null>;
  /** Deletes the post with its images, reactions, views and peeks; false when absent. */
  deletePost(id: string): Promise<boolean>;
  /** Appends an image unless the post already has `max`; false then (nothing written). */
  addImage(image: PostImage, max: number): Promise<boolean>;
  findImage(id: string): Promise<PostImage | null>;

  /** A channel's posts, newest first, strictly older than `cursor` (a post id). */
  listPosts(q: { clanId: string; cursor?: string; limit: number }): Promise<PostRecord[]>;
  /** Posts of channels `userId` follows or with an id in `extraIds`, newest first. */
  listFeed(q: { userId: string; extraIds: string[]; cursor?: string; limit: number }): Promise<PostRecord[]>;
  /** Posts of live channels created at or after `since`, with their engagement counts. */
  listTrendingCandidates(since: Date, limit: number): Promise<TrendingCandidate[]>;
  channelNames(clanIds: string[]): Promise<Map<string, string>>;

  /** Adds or removes one reaction; idempotent both ways. */
  setReaction(r: { postId: string; userId: string; emoji: ReactionEmoji; on: boolean; at: Date }): Promise<void>;
  reactionSummaries(postIds: string[], viewerId: string | null): Promise<Map<string, ReactionSummary>>;
  /** Counts a view once per (post, viewer key); `counted` is true when this call did. */
  recordView(postId: string, viewerKey: string, at: Date): Promise<{ counted: boolean; views: number }>;

  setFollow(f: { clanId: string; userId: string; on: boolean; at: Date }): Promise<void>;
  followedClanIds(userId: string, clanIds: string[]): Promise<Set<string>>;
  counts(clanId: string, now: Date): Promise<{ followers: number; subscribers: number }>;

  /** Creates or replaces the subscription row (a grant renews an expired one). */
  upsertSubscription(s: Subscription): Promise<void>;
  findSubscription(clanId: string, userId: string): Promise<Subscription | null>;
  deleteSubscription(clanId: string, userId: string): Promise<boolean>;
  /**
   * True when the user holds a subscription to the clan's channel that is open-ended or
   * expires after `now` (default: the database's clock). The room ticket route asks this
   * before admitting someone to the `subs` party.
   */
  isSubscriber(clanId: string, userId: string, now?: Date): Promise<boolean>;
  /**
   * The channel's subscribers active at `now`, ordered by handle, those after `after`.
   * Served by channel_subscriptions_unique (clan_id, user_id) and the profiles primary key.
   */
  listSubscribers(q: { clanId: string; now: Date; after?: string; limit: number }): Promise<SubscriberView[]>;
  /** Clans whose channel the user subscribes to right now (open-ended or not yet expired). */
  activeSubscriptionClanIds(userId: string, now: Date): Promise<Set<string>>;

  /**
   * Records that `userId` peeked `postId` on local day `day` ('YYYY-MM-DD'), unless the day
   * already holds `limit` distinct posts. Atomic per user: concurrent peeks cannot exceed it.
   */
  recordPeek(p: { userId: string; postId: string; day: string; at: Date; limit: number }): Promise<PeekOutcome>;
  /** The posts the user peeked on local day `day`. */
  peekedPostIds(userId: string, day: string): Promise<Set<string>>;

  markRead(clanId: string, userId: string, at: Date): Promise<void>;
  /** Followed live channels with unread counts, name containing `q` (case-insensitive). */
  listFollowedChannels(userId: string, q: string | undefined): Promise<FollowedChannel[]>;
}

/**
 * The UTC offset of an IANA time zone at an instant, in minutes (Tehran in winter: +210).
 * Core does calendar-day math from it without reading any runtime global; the adapter
 * uses Intl. Unknown zones answer 0 (UTC).
 */
export interface TimeZoneOffsets {
  offsetMinutes(timeZone: string, at: Date): number;
}

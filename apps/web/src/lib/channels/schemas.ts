import { channels } from '@clantrader/core';
import { z } from 'zod';

/**
 * Shapes of the channel API's answers (apps/workers/src/api/routes/channels.ts and
 * channel-feed.ts). Dates stay ISO strings. Formatting and charts are parsed with core's
 * own schemas: what reaches a component is data, never markup.
 */
export const ChannelSummarySchema = z.object({
  clanId: z.string(),
  name: z.string(),
  followers: z.number().int(),
  subscribers: z.number().int(),
  viewer: z.object({
    following: z.boolean(),
    subscribed: z.boolean(),
    role: z.enum(['leader', 'co_leader', 'member']).nullable(),
    canPublish: z.boolean(),
  }),
});
export type ChannelSummary = z.infer<typeof ChannelSummarySchema>;

export const ReactionSummarySchema = z.object({
  counts: z.record(z.string(), z.number().int()),
  mine: z.array(z.string()),
});
export type ReactionSummary = z.infer<typeof ReactionSummarySchema>;

export const PostViewSchema = z.object({
  id: z.string(),
  clanId: z.string(),
  authorId: z.string(),
  premium: z.boolean(),
  locked: z.boolean(),
  peeked: z.boolean().default(false),
  text: z.string(),
  entities: z.array(channels.EntitySchema).catch([]),
  charts: z.array(channels.ChartSchema).catch([]),
  images: z.array(z.object({ id: z.string(), contentType: z.string(), byteSize: z.number() })).default([]),
  reactions: ReactionSummarySchema,
  views: z.number().int(),
  createdAt: z.string(),
  editedAt: z.string().nullable().default(null),
});
export type PostView = z.infer<typeof PostViewSchema>;

export const PostPageSchema = z.object({ items: z.array(PostViewSchema), nextCursor: z.string().nullable() });
export type PostPage = z.infer<typeof PostPageSchema>;

export const FeedItemSchema = PostViewSchema.extend({
  channelName: z.string(),
  followed: z.boolean(),
  trending: z.boolean(),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const FeedPageSchema = z.object({ items: z.array(FeedItemSchema), nextCursor: z.string().nullable() });

export const PeekStatusSchema = z.object({
  limit: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  day: z.string(),
  resetsAt: z.string(),
});
export type PeekStatus = z.infer<typeof PeekStatusSchema>;

export const PeekResultSchema = z.object({ post: PostViewSchema, peeks: PeekStatusSchema });

export const FollowResultSchema = z.object({ following: z.boolean() });

export const ViewResultSchema = z.object({ counted: z.boolean(), views: z.number().int() });

export const MyChannelsSchema = z.object({
  channels: z.array(
    z.object({ clanId: z.string(), name: z.string(), unread: z.number().int(), lastPostAt: z.string().nullable() }),
  ),
});
export type FollowedChannel = z.infer<typeof MyChannelsSchema>['channels'][number];

export const SubscriptionSchema = z.object({
  clanId: z.string(),
  userId: z.string(),
  source: z.string(),
  expiresAt: z.string().nullable(),
});

/** One active subscriber as GET/POST /channels/:id/subscribers answers. */
export const SubscriberSchema = z.object({
  userId: z.string(),
  handle: z.string(),
  displayName: z.string(),
  source: z.enum(['complimentary', 'payment']),
  since: z.string(),
  expiresAt: z.string().nullable(),
});
export type Subscriber = z.infer<typeof SubscriberSchema>;

export const SubscriberPageSchema = z.object({ items: z.array(SubscriberSchema), nextCursor: z.string().nullable() });

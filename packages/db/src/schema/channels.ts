import type { channels } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { clans } from './clans';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A surrogate key: drizzle-kit's PGlite introspection cannot read composite primary keys. */
const surrogate = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

/**
 * A post in a clan's channel (the channel id IS the clan id). Formatting and charts are
 * plain data (jsonb), never markup. `view_count` is kept in step with channel_post_views
 * in the same transaction, so pages and the trending score read it without counting.
 */
export const channelPosts = pgTable(
  'channel_posts',
  {
    id: uuid('id').primaryKey(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    text: text('text').notNull().default(''),
    entities: jsonb('entities').$type<channels.Entity[]>().notNull().default([]),
    charts: jsonb('charts').$type<channels.Chart[]>().notNull().default([]),
    premium: boolean('premium').notNull().default(false),
    viewCount: integer('view_count').notNull().default(0),
    createdAt: at('created_at').notNull(),
    editedAt: at('edited_at'),
  },
  (t) => [
    index('channel_posts_clan_id_idx').on(t.clanId, t.id),
    index('channel_posts_created_at_idx').on(t.createdAt),
    check('channel_posts_text_length', sql`char_length(${t.text}) <= 4000`),
  ],
);

/** Images of a post, in display order; the bytes live in the BlobStore under `blob_key`. */
export const channelPostImages = pgTable(
  'channel_post_images',
  {
    id: uuid('id').primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => channelPosts.id, { onDelete: 'cascade' }),
    blobKey: text('blob_key').notNull(),
    contentType: text('content_type', { enum: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] }).notNull(),
    byteSize: integer('byte_size').notNull(),
    position: integer('position').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('channel_post_images_post_idx').on(t.postId, t.position),
    check(
      'channel_post_images_type_known',
      sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp', 'image/gif')`,
    ),
  ],
);

/** One row per (post, user, emoji): a reaction toggles by insert / delete. */
export const channelPostReactions = pgTable(
  'channel_post_reactions',
  {
    id: surrogate(),
    postId: uuid('post_id')
      .notNull()
      .references(() => channelPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('channel_post_reactions_unique').on(t.postId, t.userId, t.emoji)],
);

/** One row per (post, viewer key): `u:<userId>` or `a:<anonymous visitor key>`. */
export const channelPostViews = pgTable(
  'channel_post_views',
  {
    id: surrogate(),
    postId: uuid('post_id')
      .notNull()
      .references(() => channelPosts.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    viewedAt: at('viewed_at').notNull(),
  },
  (t) => [uniqueIndex('channel_post_views_unique').on(t.postId, t.viewerKey)],
);

export const channelFollows = pgTable(
  'channel_follows',
  {
    id: surrogate(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('channel_follows_unique').on(t.clanId, t.userId), index('channel_follows_user_idx').on(t.userId)],
);

/**
 * Who may read a channel's premium posts and join its subscriber chat. `source` says who
 * created the row: a leader's complimentary grant now, a payment provider later.
 * `expires_at` null = open-ended. (clan_id, user_id) is unique and is the key readers use.
 */
export const channelSubscriptions = pgTable(
  'channel_subscriptions',
  {
    id: surrogate(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['complimentary', 'payment'] }).notNull(),
    grantedBy: uuid('granted_by'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
  },
  (t) => [
    uniqueIndex('channel_subscriptions_unique').on(t.clanId, t.userId),
    index('channel_subscriptions_user_idx').on(t.userId),
    check('channel_subscriptions_source_known', sql`${t.source} in ('complimentary', 'payment')`),
  ],
);

/** Premium posts a user peeked, per calendar day in the user's time zone. */
export const channelPeeks = pgTable(
  'channel_peeks',
  {
    id: surrogate(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => channelPosts.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    peekedAt: at('peeked_at').notNull(),
  },
  (t) => [uniqueIndex('channel_peeks_unique').on(t.userId, t.day, t.postId)],
);

/** When a user last looked at a channel: posts created after it are unread. */
export const channelReadMarkers = pgTable(
  'channel_read_markers',
  {
    id: surrogate(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: at('read_at').notNull(),
  },
  (t) => [uniqueIndex('channel_read_markers_unique').on(t.clanId, t.userId)],
);

import { z } from 'zod';

/** Limits of one post; the API and the UI read them from here. */
export const CHANNEL_LIMITS = {
  maxTextChars: 4000,
  maxEntities: 200,
  maxImages: 4,
  maxImageBytes: 5 * 1024 * 1024,
  maxCharts: 4,
  maxChartPoints: 500,
  teaserChars: 140,
  peeksPerDay: 3,
  maxPageSize: 50,
} as const;

/** The fixed reaction set. Names are URL-friendly aliases for the emoji themselves. */
export const REACTIONS = {
  thumbs_up: '👍',
  fire: '🔥',
  rocket: '🚀',
  chart_down: '📉',
  chart_up: '📈',
  heart: '❤️',
  joy: '😂',
  thinking: '🤔',
} as const;
export type ReactionName = keyof typeof REACTIONS;
export type ReactionEmoji = (typeof REACTIONS)[ReactionName];
export const REACTION_EMOJIS = Object.values(REACTIONS) as ReactionEmoji[];

/** Clan roles as the clans domain stores them; leaders and co-leaders publish. */
export type ClanRole = 'leader' | 'co_leader' | 'member';
export const PUBLISHER_ROLES: readonly ClanRole[] = ['leader', 'co_leader'];

/**
 * Formatting as plain data (Telegram-style entities): ranges of the text marked bold,
 * italic, code or link. The UI renders text nodes inside the matching elements; no HTML
 * ever travels or is stored.
 */
export const EntitySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.enum(['bold', 'italic', 'code']),
    offset: z.number().int().min(0),
    length: z.number().int().min(1),
  }),
  z.strictObject({
    type: z.literal('link'),
    offset: z.number().int().min(0),
    length: z.number().int().min(1),
    url: z.url({ protocol: /^https?$/, message: 'Links must be http(s) URLs' }).max(2000),
  }),
]);
export type Entity = z.infer<typeof EntitySchema>;

const ChartPointSchema = z.strictObject({
  x: z.union([z.number().finite(), z.string().max(40)]),
  y: z.number().finite(),
});

/** A chart is data the UI draws; never an image or markup. */
export const ChartSchema = z.strictObject({
  kind: z.enum(['line', 'bar']),
  title: z.string().trim().max(120, 'Chart title must be at most 120 characters'),
  points: z
    .array(ChartPointSchema)
    .min(1, 'A chart needs at least one point')
    .max(CHANNEL_LIMITS.maxChartPoints, `A chart has at most ${CHANNEL_LIMITS.maxChartPoints} points`),
});
export type Chart = z.infer<typeof ChartSchema>;

const TextSchema = z
  .string()
  .max(CHANNEL_LIMITS.maxTextChars, `Text must be at most ${CHANNEL_LIMITS.maxTextChars} characters`);

const EntitiesSchema = z
  .array(EntitySchema)
  .max(CHANNEL_LIMITS.maxEntities, `At most ${CHANNEL_LIMITS.maxEntities} formatting ranges`);

const ChartsSchema = z
  .array(ChartSchema)
  .max(CHANNEL_LIMITS.maxCharts, `At most ${CHANNEL_LIMITS.maxCharts} charts per post`);

function entitiesFit(v: { text?: string | undefined; entities?: Entity[] | undefined }): boolean {
  const len = v.text?.length ?? 0;
  return (v.entities ?? []).every((e) => e.offset + e.length <= len);
}

/** A new post. Images are added afterwards, one upload each (POST /posts/:id/images). */
export const NewPostSchema = z
  .strictObject({
    text: TextSchema.default(''),
    entities: EntitiesSchema.default([]),
    charts: ChartsSchema.default([]),
    premium: z.boolean().default(false),
  })
  .refine(entitiesFit, { path: ['entities'], message: 'A formatting range lies outside the text' });
export type NewPost = z.infer<typeof NewPostSchema>;

/** An edit: any subset; `imageIds` may only drop or reorder existing images. */
export const PostPatchSchema = z
  .strictObject({
    text: TextSchema.optional(),
    entities: EntitiesSchema.optional(),
    charts: ChartsSchema.optional(),
    premium: z.boolean().optional(),
    imageIds: z.array(z.uuid()).max(CHANNEL_LIMITS.maxImages).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .refine((v) => v.entities === undefined || v.text !== undefined, {
    path: ['entities'],
    message: 'Send the text together with its formatting',
  })
  .refine(entitiesFit, { path: ['entities'], message: 'A formatting range lies outside the text' });
export type PostPatch = z.infer<typeof PostPatchSchema>;

export const GrantSubscriptionSchema = z.strictObject({
  expiresAt: z.coerce.date().nullable().default(null),
});

/** A grant by @handle (what a leader knows), with the same optional expiry. */
export const GrantByHandleSchema = z.strictObject({
  handle: z
    .string()
    .trim()
    .transform((h) => h.replace(/^@/, '').toLowerCase())
    .pipe(z.string().min(1, 'Enter a handle').max(40, 'Handles are at most 24 characters')),
  expiresAt: z.coerce.date().nullable().default(null),
});
export type GrantByHandle = z.infer<typeof GrantByHandleSchema>;

/** The subscriber list, ordered by handle; `after` is the last handle of the previous page. */
export const SubscriberPageQuerySchema = z.strictObject({
  after: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SubscriberPageQuery = z.infer<typeof SubscriberPageQuerySchema>;

export const ChannelPageQuerySchema = z.strictObject({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(CHANNEL_LIMITS.maxPageSize).default(20),
});
export type ChannelPageQuery = z.infer<typeof ChannelPageQuerySchema>;

export const MyChannelsQuerySchema = z.strictObject({
  q: z.string().trim().max(60, 'Search text must be at most 60 characters').optional(),
});

/** An anonymous visitor's key (a random id the browser keeps), for view counts only. */
export const VisitorKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'Visitor key must be 16–64 letters, digits, _ or -');

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export type PostImage = {
  id: string;
  postId: string;
  blobKey: string;
  contentType: ImageType;
  byteSize: number;
  position: number;
  createdAt: Date;
};

/** A post as stored, with its images in display order and its counters. */
export type PostRecord = {
  id: string;
  clanId: string;
  authorId: string;
  text: string;
  entities: Entity[];
  charts: Chart[];
  premium: boolean;
  images: PostImage[];
  viewCount: number;
  createdAt: Date;
  editedAt: Date | null;
};

export type ReactionSummary = { counts: Partial<Record<ReactionEmoji, number>>; mine: ReactionEmoji[] };

/** A post as one viewer sees it: locked premium posts carry only a teaser. */
export type PostView = {
  id: string;
  clanId: string;
  authorId: string;
  premium: boolean;
  locked: boolean;
  /** True when a peek of today unlocked it for this viewer. */
  peeked: boolean;
  text: string;
  entities: Entity[];
  charts: Chart[];
  images: { id: string; contentType: ImageType; byteSize: number }[];
  reactions: ReactionSummary;
  views: number;
  createdAt: Date;
  editedAt: Date | null;
};

export type FeedItem = PostView & { channelName: string; followed: boolean; trending: boolean };

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Channel = { clanId: string; name: string };

export type Subscription = {
  clanId: string;
  userId: string;
  source: 'complimentary' | 'payment';
  grantedBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
};

/** One active subscriber as the clan's leaders see them. `expiresAt` null = open-ended. */
export type SubscriberView = {
  userId: string;
  handle: string;
  displayName: string;
  source: Subscription['source'];
  since: Date;
  expiresAt: Date | null;
};

/** A trader found by handle, for grants. */
export type TraderRef = { userId: string; handle: string; displayName: string };

/** Who is looking, as far as locks and peeks care. Anonymous viewers have no id. */
export type Viewer = { userId: string; timezone: string } | { userId: null; visitorKey?: string };

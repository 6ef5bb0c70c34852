import { z } from 'zod';

/** What a notification is about; the UI has one message per kind (en + fa). */
export const NOTIFICATION_KINDS = [
  'rank.climbed',
  'rank.dropped',
  'tier.changed',
  'season.ended',
  'season.started',
  'award.won',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Plain values the UI interpolates into the kind's message. */
export type NotificationData = Record<string, string | number | null>;

export type Notification = {
  id: string;
  userId: string;
  kind: NotificationKind;
  data: NotificationData;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * A notification to create. `dedupeKey` is unique per user: jobs that run hourly (or on
 * two servers) create each notification once.
 */
export type NotificationDraft = { userId: string; kind: NotificationKind; data: NotificationData; dedupeKey: string };

export const NotificationPageQuerySchema = z.strictObject({
  cursor: z.string().uuid('Cursor must be a notification id').optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const MarkReadSchema = z.strictObject({
  /** Marks this notification and every older one read; absent = all. */
  upTo: z.string().uuid('upTo must be a notification id').optional(),
});

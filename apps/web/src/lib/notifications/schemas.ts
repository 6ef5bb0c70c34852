import { z } from 'zod';

/** One notification as GET /me/notifications returns it. */
export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const MarkedSchema = z.object({ marked: z.number().int(), unread: z.number().int() });

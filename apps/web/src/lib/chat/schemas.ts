import { ChatMessageSchema, CHAT_PARTIES, ROOM_ROLES } from '@clantrader/core';
import { z } from 'zod';

/** GET /api/v1/chat/:party/:room/messages: the newest page for the first paint. */
export const RoomPageSchema = z.object({
  messages: z.array(ChatMessageSchema),
  hasMore: z.boolean(),
  readSeq: z.number().int().nonnegative(),
});
export type RoomPage = z.infer<typeof RoomPageSchema>;

/** GET /api/v1/chat/unread: every chat room the user may enter, with unread counts. */
export const UnreadRoomsSchema = z.object({
  rooms: z.array(
    z.object({
      party: z.enum(CHAT_PARTIES),
      room: z.string(),
      role: z.enum(ROOM_ROLES),
      title: z.string(),
      unread: z.number().int().nonnegative(),
    }),
  ),
});

/** GET /api/v1/me/channels: followed channels with unread post counts. */
export const FollowedChannelsSchema = z.object({
  channels: z.array(z.object({ clanId: z.string(), name: z.string(), unread: z.number().int().nonnegative() })),
});

/** The slice of GET /api/v1/clans/:id the chat shows: the clan's name and who is who. */
export const ChatClanSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(
    z.object({
      userId: z.string(),
      handle: z.string(),
      displayName: z.string(),
      role: z.enum(['leader', 'co_leader', 'member']),
    }),
  ),
});
export type ChatClan = z.infer<typeof ChatClanSchema>;

/** One conversation of the sidebar with its unread count. */
export type SidebarRoom = {
  kind: 'clan' | 'subs' | 'channel';
  /** The clan id (a channel's id is its clan's). */
  id: string;
  title: string;
  unread: number;
};

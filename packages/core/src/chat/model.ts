import { z } from 'zod';
import { AI_TIERS } from '../ai/model';
import type { RoomRole } from '../shared/ports';

/**
 * Parties (the URL segment in `/parties/<party>/<room>`) that both room servers serve.
 * `lobby`: presence only, any signed-in user. `clan`: a clan's chat (room = clan id),
 * clan members only. `subs`: the subscriber chat beside a clan's channel (room = clan
 * id), subscribers and clan members. partyserver kebab-cases the Durable Object binding
 * names (`Lobby`, `Clan`, `Subs`) into these.
 */
export const ROOM_PARTIES = ['lobby', 'clan', 'subs'] as const;
export type RoomParty = (typeof ROOM_PARTIES)[number];

/** Parties whose messages are stored; the lobby has presence only. */
export const CHAT_PARTIES = ['clan', 'subs'] as const;
export type ChatParty = (typeof CHAT_PARTIES)[number];

export const ROOM_ROLES = ['leader', 'co_leader', 'member', 'subscriber'] as const satisfies readonly RoomRole[];

/** Who may hold a ticket for each party; anything else is refused with 4003. */
const PARTY_ROLES: Record<RoomParty, readonly RoomRole[]> = {
  lobby: ROOM_ROLES,
  clan: ['leader', 'co_leader', 'member'],
  subs: ROOM_ROLES,
};

export function isRoomParty(party: string): party is RoomParty {
  return (ROOM_PARTIES as readonly string[]).includes(party);
}

export function isChatParty(party: string): party is ChatParty {
  return (CHAT_PARTIES as readonly string[]).includes(party);
}

export function roleAllowedIn(party: RoomParty, role: RoomRole): boolean {
  return PARTY_ROLES[party].includes(role);
}

/** Leaders and co-leaders pin and unpin, and edit or delete anyone's messages. */
export function isModerator(role: RoomRole): boolean {
  return role === 'leader' || role === 'co_leader';
}

/** A room is named by its party and id: the clan chat and the subscriber chat of one clan share the id. */
export type RoomKey = { party: string; room: string };

/** Message text limit in UTF-8 bytes, as typed (formatting marks count). */
export const MAX_TEXT_BYTES = 4096;

/**
 * One chat message as stored and as sent on the wire. `seq` is 1, 2, 3… per room with no
 * gaps; `id` is a UUIDv7. A deleted message keeps its seq (so sync has no holes) but loses
 * its text. Times are ISO-8601 UTC strings.
 */
export const ChatMessageSchema = z.object({
  id: z.string(),
  seq: z.number().int().positive(),
  room: z.string(),
  authorId: z.string(),
  authorHandle: z.string().optional(),
  clientId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  pinnedAt: z.string().nullable(),
  pinnedBy: z.string().nullable(),
  /**
   * Set only on the clan assistant's messages (`@ai`, docs/chat.md): `tier` is who answered
   * (cloud, local model, cache; the UI shows its dot), null for the assistant's notices
   * (pro-only, daily limit, unavailable). Absent on people's messages.
   */
  ai: z
    .object({
      tier: z.enum(AI_TIERS).nullable(),
      /** Which notice (with `tier: null`), so the UI may show it in the reader's language. */
      notice: z.enum(['pro_only', 'limit', 'unavailable']).optional(),
    })
    .optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
/** The assistant's reply as it travels between homes' adapters (the edge's service binding). */
export const AssistantReplySchema = z.object({
  text: z.string().min(1),
  ai: ChatMessageSchema.shape.ai.unwrap(),
});
/** The assistant's mark on a message: who answered, or which notice it is. */
export type ChatMessageAi = NonNullable<ChatMessage['ai']>;
export type AiNotice = NonNullable<ChatMessageAi['notice']>;
export type AssistantReplyWire = z.infer<typeof AssistantReplySchema>;

/**
 * UTF-8 length without TextEncoder (core has no runtime globals), so limits mean bytes
 * on the wire in both homes, whatever the script of the text.
 */
export function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

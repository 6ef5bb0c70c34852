import type { RoomRole } from '../shared/ports';
import type { AssistantReplyWire, ChatMessage, RoomKey } from './model';

/** What may change on a stored message; `null` clears a field (unpin). */
export type ChatMessagePatch = {
  text?: string;
  editedAt?: Date;
  deletedAt?: Date;
  pinnedAt?: Date | null;
  pinnedBy?: string | null;
};

/**
 * Chat persistence. Seq numbers are assigned by the store, one past the room's newest, and
 * `(party, room, seq)` is unique, so a second writer can never reuse a number. Appends of
 * one room called one after another (without waiting) take their seqs and settle in call
 * order: the room hub pipelines sends on that (RoomQueues.pipeline). `(party, room,
 * authorId, clientId)` is unique too: `append` of a known clientId returns the message
 * stored the first time with `created: false`.
 */
export interface ChatStore {
  append(
    input: RoomKey & {
      id: string;
      authorId: string;
      clientId: string;
      text: string;
      createdAt: Date;
      /** Only for the clan assistant's messages (`@ai`); stored and returned as `message.ai`. */
      ai?: AssistantReply['ai'];
    },
  ): Promise<{ message: ChatMessage; created: boolean }>;
  /** Null when the message is not in this room. */
  find(input: RoomKey & { messageId: string }): Promise<ChatMessage | null>;
  /** Null when the message is not in this room. */
  update(input: RoomKey & { messageId: string; patch: ChatMessagePatch }): Promise<ChatMessage | null>;
  /** Messages with seq > afterSeq, ascending, at most `limit`. */
  listAfter(input: RoomKey & { afterSeq: number; limit: number }): Promise<ChatMessage[]>;
  /** The `limit` newest messages with seq < beforeSeq (any when null), ascending. */
  listBefore(input: RoomKey & { beforeSeq: number | null; limit: number }): Promise<ChatMessage[]>;
  /** 0 for a room without messages. */
  lastSeq(key: RoomKey): Promise<number>;
  /** Pinned messages, oldest pin first. */
  pins(key: RoomKey): Promise<ChatMessage[]>;
  /** 0 when the user never read the room. */
  readMarker(input: RoomKey & { userId: string }): Promise<number>;
  /** Moves the marker forward only; returns the marker now stored. */
  setReadMarker(input: RoomKey & { userId: string; seq: number }): Promise<number>;
}

/** One room of the sidebar: where the user may chat and how much they have not read. */
export type UnreadRoom = RoomKey & {
  role: RoomRole;
  /** The clan's name, for the sidebar label. */
  title: string;
  unread: number;
  readSeq: number;
  lastMessage: Pick<ChatMessage, 'id' | 'seq' | 'authorId' | 'authorHandle' | 'text' | 'createdAt'> | null;
};

/**
 * Who may enter which chat room, from the clan and channel tables: a clan role in the
 * clan's `clan` and `subs` rooms, `subscriber` in `subs` for an active subscription.
 */
export interface RoomAccess {
  /** Null when the user may not enter; the lobby is not asked. */
  roleIn(input: RoomKey & { userId: string }): Promise<RoomRole | null>;
  /** Every chat room the user may enter, with unread counts (messages after the read marker, not own, not deleted). */
  unreadRooms(userId: string): Promise<UnreadRoom[]>;
}

/** The clan assistant's reply to an `@ai` message: an answer (with its tier) or a notice. */
export type AssistantReply = AssistantReplyWire;

/**
 * The assistant behind `@ai` in clan chat (docs/chat.md, "@ai"). The room hub calls it
 * off the room's queue after the asker's message is stored and acked, and posts the reply
 * as a message of the assistant. In process on-prem (`createClanAssistant`); through the
 * API Worker's internal route on the edge (the party worker has no AI deps).
 */
export interface ClanAssistant {
  /**
   * Null when the assistant says nothing (the asker left, an upsell already shown this
   * hour). A throw is answered in the room with the "unavailable" notice.
   */
  answer(input: { clanId: string; askerId: string; text: string }): Promise<AssistantReply | null>;
}

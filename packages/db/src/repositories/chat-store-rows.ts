import type { ChatMessage } from '@clantrader/core';

/** A chat_messages row as raw SQL returns it, with the author's handle. */
export type MessageRow = {
  id: string;
  seq: number;
  room: string;
  author_id: string;
  handle: string | null;
  client_id: string;
  text: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  deleted_at: Date | string | null;
  pinned_at: Date | string | null;
  pinned_by: string | null;
  ai: string | null;
};

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));

export function toChatMessage(r: MessageRow): ChatMessage {
  return {
    id: r.id,
    seq: Number(r.seq),
    room: r.room,
    authorId: r.author_id,
    ...(r.handle ? { authorHandle: r.handle } : {}),
    clientId: r.client_id,
    text: r.text,
    createdAt: iso(r.created_at),
    editedAt: isoOrNull(r.edited_at),
    deletedAt: isoOrNull(r.deleted_at),
    pinnedAt: isoOrNull(r.pinned_at),
    pinnedBy: r.pinned_by,
    ...(r.ai ? { ai: toMessageAi(r.ai) } : {}),
  };
}

/** The `ai` column: a tier ('cloud' | 'local' | 'cache') or a notice (docs/chat.md, "@ai"). */
function toMessageAi(value: string): NonNullable<ChatMessage['ai']> {
  if (value === 'cloud' || value === 'local' || value === 'cache') return { tier: value };
  if (value === 'pro_only' || value === 'limit' || value === 'unavailable') return { tier: null, notice: value };
  return { tier: null };
}

export function fromMessageAi(ai: ChatMessage['ai']): string | null {
  if (!ai) return null;
  return ai.tier ?? ai.notice ?? 'unavailable';
}

import { AI_AUTHOR_ID, type ChatMessage, type ChatMessagePatch, type ChatStore, type RoomKey } from '@clantrader/core';
import { and, asc, desc, eq, gt, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { profiles, users } from '../schema/accounts';
import { chatMessages, chatReadMarkers } from '../schema/chat';
import { uniqueViolation } from './pg-errors';
import { rowsOf } from './season-sql';

/** How often an append retries after another writer took the same seq. */
const SEQ_RETRIES = 5;

type MessageRow = {
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

function fromMessageAi(ai: ChatMessage['ai']): string | null {
  if (!ai) return null;
  return ai.tier ?? ai.notice ?? 'unavailable';
}

/** The columns every read returns, with the author's handle. */
const SELECT = {
  id: chatMessages.id,
  seq: chatMessages.seq,
  room: chatMessages.room,
  author_id: chatMessages.authorId,
  handle: profiles.handle,
  client_id: chatMessages.clientId,
  text: chatMessages.text,
  created_at: chatMessages.createdAt,
  edited_at: chatMessages.editedAt,
  deleted_at: chatMessages.deletedAt,
  pinned_at: chatMessages.pinnedAt,
  pinned_by: chatMessages.pinnedBy,
  ai: chatMessages.ai,
};

/**
 * The ChatStore on PostgreSQL (any driver). `append` is one statement: seq = the room's
 * newest + 1 (read through the unique (party, room, seq) index), ON CONFLICT on the
 * clientId key for idempotency; a unique violation on seq means another writer won the
 * number, so it retries.
 */
export function createChatStore(db: Database): ChatStore {
  const inRoom = (k: RoomKey, ...more: (SQL | undefined)[]) =>
    and(eq(chatMessages.party, k.party), eq(chatMessages.room, k.room), ...more);
  const select = (where: SQL | undefined) =>
    db.select(SELECT).from(chatMessages).leftJoin(profiles, eq(profiles.userId, chatMessages.authorId)).where(where);
  const findById = async (k: RoomKey, messageId: string) => {
    if (!isUuid(messageId)) return null;
    const [row] = await select(inRoom(k, eq(chatMessages.id, messageId)));
    return row ? toChatMessage(row) : null;
  };

  let assistantReady = false;

  return {
    async append(input) {
      if (input.authorId === AI_AUTHOR_ID && !assistantReady) {
        await ensureAssistantUser(db);
        assistantReady = true;
      }
      const ai = fromMessageAi(input.ai);
      for (let attempt = 0; ; attempt++) {
        try {
          const inserted = rowsOf<MessageRow>(
            await db.execute(sql`
              with ins as (
                insert into chat_messages (id, party, room, seq, author_id, client_id, text, created_at, ai)
                select ${input.id}, ${input.party}, ${input.room}, coalesce(max(seq), 0) + 1, ${input.authorId},
                  ${input.clientId}, ${input.text}, ${input.createdAt.toISOString()}::timestamptz, ${ai}
                from chat_messages where party = ${input.party} and room = ${input.room}
                on conflict (party, room, author_id, client_id) do nothing
                returning *
              )
              select ins.*, p.handle from ins left join profiles p on p.user_id = ins.author_id`),
          );
          const row = inserted[0];
          if (row) return { message: toChatMessage(row), created: true };
          const [existing] = await select(
            inRoom(input, eq(chatMessages.authorId, input.authorId), eq(chatMessages.clientId, input.clientId)),
          );
          if (existing) return { message: toChatMessage(existing), created: false };
        } catch (error) {
          const constraint = uniqueViolation(error);
          const raced =
            constraint === 'chat_messages_room_seq_unique' || constraint === 'chat_messages_client_id_unique';
          if (!raced || attempt >= SEQ_RETRIES) throw error;
        }
      }
    },

    find: (input) => findById(input, input.messageId),

    async update(input) {
      if (!isUuid(input.messageId)) return null;
      const updated = await db
        .update(chatMessages)
        .set(toColumns(input.patch))
        .where(inRoom(input, eq(chatMessages.id, input.messageId)))
        .returning({ id: chatMessages.id });
      return updated.length ? findById(input, input.messageId) : null;
    },

    async listAfter(input) {
      const rows = await select(inRoom(input, gt(chatMessages.seq, input.afterSeq)))
        .orderBy(asc(chatMessages.seq))
        .limit(input.limit);
      return rows.map(toChatMessage);
    },

    async listBefore(input) {
      const before = input.beforeSeq === null ? undefined : lt(chatMessages.seq, input.beforeSeq);
      const rows = await select(inRoom(input, before)).orderBy(desc(chatMessages.seq)).limit(input.limit);
      return rows.reverse().map(toChatMessage);
    },

    async lastSeq(key) {
      const [row] = await db
        .select({ seq: chatMessages.seq })
        .from(chatMessages)
        .where(inRoom(key))
        .orderBy(desc(chatMessages.seq))
        .limit(1);
      return row?.seq ?? 0;
    },

    async pins(key) {
      const rows = await select(inRoom(key, isNotNull(chatMessages.pinnedAt))).orderBy(
        asc(chatMessages.pinnedAt),
        asc(chatMessages.seq),
      );
      return rows.map(toChatMessage);
    },

    async readMarker(input) {
      const [row] = await db
        .select({ seq: chatReadMarkers.seq })
        .from(chatReadMarkers)
        .where(
          and(
            eq(chatReadMarkers.userId, input.userId),
            eq(chatReadMarkers.party, input.party),
            eq(chatReadMarkers.room, input.room),
          ),
        );
      return row?.seq ?? 0;
    },

    async setReadMarker(input) {
      const [row] = await db
        .insert(chatReadMarkers)
        .values({ party: input.party, room: input.room, userId: input.userId, seq: input.seq, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [chatReadMarkers.userId, chatReadMarkers.party, chatReadMarkers.room],
          set: { seq: sql`greatest(${chatReadMarkers.seq}, excluded.seq)`, updatedAt: sql`excluded.updated_at` },
        })
        .returning({ seq: chatReadMarkers.seq });
      return row?.seq ?? input.seq;
    },
  };
}

function toColumns(patch: ChatMessagePatch) {
  return {
    ...(patch.text === undefined ? {} : { text: patch.text }),
    ...(patch.editedAt ? { editedAt: patch.editedAt } : {}),
    ...(patch.deletedAt ? { deletedAt: patch.deletedAt } : {}),
    ...(patch.pinnedAt === undefined ? {} : { pinnedAt: patch.pinnedAt }),
    ...(patch.pinnedBy === undefined ? {} : { pinnedBy: patch.pinnedBy }),
  };
}

/** Message ids come from clients; anything that is not a uuid cannot be one (and would make PostgreSQL throw). */
function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * The clan assistant's user (core's AI_AUTHOR_ID), the author of its `@ai` messages,
 * created on its first message rather than by a data migration (so it exists only where
 * the assistant spoke, and survives migration squashes). It can never sign in: no
 * profile, an address under the reserved `.invalid` TLD (no reset mail can arrive) and a
 * password hash that no password verifies.
 */
async function ensureAssistantUser(db: Database): Promise<void> {
  await db
    .insert(users)
    .values({
      id: AI_AUTHOR_ID,
      email: 'assistant@clantrader.invalid',
      passwordHash: '!',
      createdAt: new Date(0),
    })
    .onConflictDoNothing();
}

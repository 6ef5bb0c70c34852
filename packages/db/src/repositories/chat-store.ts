import { AI_AUTHOR_ID, type ChatMessagePatch, type ChatStore, type RoomKey } from '@clantrader/core';
import { and, asc, desc, eq, gt, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { profiles, users } from '../schema/accounts';
import { chatMessages, chatReadMarkers } from '../schema/chat';
import { createBatchedAppend, type BatchedAppendOptions } from './chat-append-batch';
import { fromMessageAi, toChatMessage } from './chat-store-rows';

export { toChatMessage } from './chat-store-rows';

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
 * The ChatStore on PostgreSQL (any driver). `append` goes through a group commit
 * (chat-append-batch.ts): the appends of all rooms that arrive while a batch is being
 * written are stored by one multi-row statement, seq = the room's newest + 1, 2, … in
 * arrival order; a known clientId answers the stored message; a failed batch (another
 * writer took a seq) is retried row by row. `appendOptions` tunes the batches (tests, bench).
 */
export function createChatStore(db: Database, appendOptions: BatchedAppendOptions = {}): ChatStore {
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
  const appendBatched = createBatchedAppend(db, appendOptions);

  return {
    async append(input) {
      if (input.authorId === AI_AUTHOR_ID && !assistantReady) {
        await ensureAssistantUser(db);
        assistantReady = true;
      }
      const { ai, ...row } = input;
      return appendBatched({ ...row, ai: fromMessageAi(ai) });
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

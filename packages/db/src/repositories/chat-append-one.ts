import type { ChatMessage } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import type { Database } from '../database';
import { uniqueViolation } from './pg-errors';
import { rowsOf } from './season-sql';
import { toChatMessage, type MessageRow } from './chat-store-rows';

/** One message to store: the ChatStore `append` input with `ai` as its column value. */
export type AppendRow = {
  id: string;
  party: string;
  room: string;
  authorId: string;
  clientId: string;
  text: string;
  createdAt: Date;
  ai: string | null;
};

export type Appended = { message: ChatMessage; created: boolean };

/** How often a single-row append retries after another writer took the same seq. */
const SEQ_RETRIES = 5;

/** A raced insert: another writer took the seq, or stored the same clientId first. */
export function isAppendRace(error: unknown): boolean {
  const constraint = uniqueViolation(error);
  return constraint === 'chat_messages_room_seq_unique' || constraint === 'chat_messages_client_id_unique';
}

/**
 * Stores one message in its own statement: seq = the room's newest + 1 (read through the
 * unique (party, room, seq) index), ON CONFLICT on the clientId key for idempotency; a
 * unique violation on seq means another writer won the number, so it retries. The group
 * commit (chat-append-batch.ts) falls back to this when a batch statement fails.
 */
export async function appendOne(db: Database, input: AppendRow): Promise<Appended> {
  for (let attempt = 0; ; attempt++) {
    try {
      const inserted = rowsOf<MessageRow>(
        await db.execute(sql`
          with ins as (
            insert into chat_messages (id, party, room, seq, author_id, client_id, text, created_at, ai)
            select ${input.id}, ${input.party}, ${input.room}, coalesce(max(seq), 0) + 1, ${input.authorId},
              ${input.clientId}, ${input.text}, ${input.createdAt.toISOString()}::timestamptz, ${input.ai}
            from chat_messages where party = ${input.party} and room = ${input.room}
            on conflict (party, room, author_id, client_id) do nothing
            returning *
          )
          select ins.*, p.handle from ins left join profiles p on p.user_id = ins.author_id`),
      );
      const row = inserted[0];
      if (row) return { message: toChatMessage(row), created: true };
      const [existing] = rowsOf<MessageRow>(
        await db.execute(sql`
          select m.*, p.handle from chat_messages m left join profiles p on p.user_id = m.author_id
          where m.party = ${input.party} and m.room = ${input.room}
            and m.author_id = ${input.authorId} and m.client_id = ${input.clientId}`),
      );
      if (existing) return { message: toChatMessage(existing), created: false };
    } catch (error) {
      if (!isAppendRace(error) || attempt >= SEQ_RETRIES) throw error;
    }
  }
}

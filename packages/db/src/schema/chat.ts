import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Chat messages of the `clan` and `subs` rooms (docs/chat.md). `seq` numbers a room's
 * messages 1, 2, 3… and is unique per room, so a second writer can never reuse one;
 * (room, author, client_id) is unique, which makes a re-sent message a no-op. Deleting
 * blanks the text and keeps the row, so the seq stays taken and sync has no holes.
 * Pins are columns: a room has few, read with the partial index.
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey(),
    party: text('party').notNull(),
    room: text('room').notNull(),
    seq: integer('seq').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    text: text('text').notNull(),
    createdAt: at('created_at').notNull(),
    editedAt: at('edited_at'),
    deletedAt: at('deleted_at'),
    pinnedAt: at('pinned_at'),
    pinnedBy: uuid('pinned_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * The clan assistant's messages only (`@ai`, author = the assistant's user): the tier
     * that answered ('cloud' | 'local' | 'cache') or the notice ('pro_only' | 'limit' |
     * 'unavailable'). Null for people's messages.
     */
    ai: text('ai'),
  },
  (t) => [
    uniqueIndex('chat_messages_room_seq_unique').on(t.party, t.room, t.seq),
    uniqueIndex('chat_messages_client_id_unique').on(t.party, t.room, t.authorId, t.clientId),
    index('chat_messages_pins_idx')
      .on(t.party, t.room)
      .where(sql`${t.pinnedAt} is not null`),
    check('chat_messages_seq_positive', sql`${t.seq} > 0`),
    check('chat_messages_text_size', sql`octet_length(${t.text}) <= 4096`),
    check('chat_messages_ai_known', sql`${t.ai} in ('cloud', 'local', 'cache', 'pro_only', 'limit', 'unavailable')`),
  ],
);

/** How far each user has read each room; unread = later messages by others, not deleted. */
export const chatReadMarkers = pgTable(
  'chat_read_markers',
  {
    /** A surrogate key: drizzle-kit's PGlite introspection cannot read composite primary keys. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    party: text('party').notNull(),
    room: text('room').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('chat_read_markers_user_room_unique').on(t.userId, t.party, t.room),
    check('chat_read_markers_seq_nonnegative', sql`${t.seq} >= 0`),
  ],
);

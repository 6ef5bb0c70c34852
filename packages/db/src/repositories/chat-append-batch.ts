import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { appendOne, type Appended, type AppendRow } from './chat-append-one';
import { createGroupCommit, type ItemOutcome } from './chat-append-group-commit';
import { toChatMessage, type MessageRow } from './chat-store-rows';
import { rowsOf } from './season-sql';

/** Rows per statement: the group commit's batch ceiling (one JSON parameter, no bind limit). */
export const MAX_APPEND_BATCH = 500;

/**
 * Statements at once: with two, an append that arrives during a write starts at once in the
 * other slot instead of waiting for it (bench:chat, docs/chat.md). Two batches never hold
 * rows of one room, so a room's rows still go in arrival order.
 */
export const APPENDS_IN_FLIGHT = 2;

export type BatchedAppendOptions = {
  /** Rows per statement at most (default 500). */
  maxBatch?: number;
  /** Statements running at once (default APPENDS_IN_FLIGHT); two never hold rows of one room. */
  maxInFlight?: number;
};

/**
 * `append` with group commit: appends from any rooms that arrive while a batch is being
 * written go together in ONE multi-row statement (one transaction, one commit); each
 * caller's promise resolves after the statement holding its row has committed. A room's
 * appends are written and resolved in arrival order.
 */
export function createBatchedAppend(
  db: Database,
  options: BatchedAppendOptions = {},
): (row: AppendRow) => Promise<Appended> {
  return createGroupCommit((rows: readonly AppendRow[]) => appendBatch(db, rows), {
    maxBatch: options.maxBatch ?? MAX_APPEND_BATCH,
    maxInFlight: options.maxInFlight ?? APPENDS_IN_FLIGHT,
    groupOf: (row) => JSON.stringify([row.party, row.room]),
  });
}

type Keyed = { key: string; row: AppendRow };
const keyOf = (r: AppendRow) => JSON.stringify([r.party, r.room, r.authorId, r.clientId]);

/**
 * Stores a batch, answering per row in order. Seq per room continues from the room's
 * newest and follows arrival order inside the batch, so two rows of one room get
 * consecutive seqs. A clientId already stored answers its stored message (created: false);
 * a clientId twice in the batch is stored once, the later copy answers created: false.
 * When the statement fails — another writer took a seq or stored the same clientId
 * meanwhile (unique violation), or one row is bad — nothing of it was stored, and every
 * row is retried alone (chat-append-one.ts), each room's rows in arrival order, so one
 * bad row fails only its own caller.
 */
export async function appendBatch(db: Database, rows: readonly AppendRow[]): Promise<ItemOutcome<Appended>[]> {
  const unique = new Map<string, Keyed>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!unique.has(key)) unique.set(key, { key, row });
  }
  const firsts = [...unique.values()];
  let outcomes: Map<string, ItemOutcome<Appended>>;
  try {
    outcomes = await insertBatch(db, firsts);
  } catch {
    outcomes = await appendEachAlone(db, firsts);
  }
  const answered = new Set<string>();
  return rows.map((row) => {
    const key = keyOf(row);
    const outcome = outcomes.get(key) ?? { ok: false, error: new Error('chat append: row missing from the batch') };
    if (!answered.has(key)) {
      answered.add(key);
      return outcome;
    }
    return outcome.ok ? { ok: true, value: { message: outcome.value.message, created: false } } : outcome;
  });
}

type BatchRow = MessageRow & { ord: number; created: boolean };

/**
 * The one statement: existing clientIds are read, the others inserted with their seqs.
 * Rows are inserted in (party, room, seq) order, so two servers' batches that wait on each
 * other's seqs wait in the same order and cannot deadlock. Every read of chat_messages and
 * profiles is per input row through a unique index (lateral with `limit 1`, scalar
 * subqueries): the planner guesses 100 input rows, and with a fresh table's statistics it
 * otherwise hashes the whole table on every batch (bench:chat saw PostgreSQL's CPU climb
 * with the table's size). Exported for the plan test.
 */
export function batchAppendSql(rows: readonly AppendRow[]): SQL {
  const input = JSON.stringify(
    rows.map((row, ord) => ({
      ord,
      id: row.id,
      party: row.party,
      room: row.room,
      author_id: row.authorId,
      client_id: row.clientId,
      text: row.text,
      created_at: row.createdAt.toISOString(),
      ai: row.ai,
    })),
  );
  const cols = sql.raw(
    'r.id, r.room, r.seq, r.author_id, r.client_id, r.text, r.created_at, r.edited_at, r.deleted_at, r.pinned_at, r.pinned_by, r.ai, ' +
      '(select p.handle from profiles p where p.user_id = r.author_id) as handle',
  );
  return sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as i(
          ord int, id uuid, party text, room text, author_id uuid, client_id text, text text,
          created_at timestamptz, ai text)
      ),
      existing as (
        select m.*, i.ord from input i cross join lateral (
          select * from chat_messages m
          where m.party = i.party and m.room = i.room and m.author_id = i.author_id and m.client_id = i.client_id
          limit 1
        ) m
      ),
      numbered as (
        select i.*, coalesce((select max(m.seq) from chat_messages m where m.party = i.party and m.room = i.room), 0)
          + row_number() over (partition by i.party, i.room order by i.ord) as seq
        from input i where not exists (select 1 from existing e where e.ord = i.ord)
      ),
      ins as (
        insert into chat_messages (id, party, room, seq, author_id, client_id, text, created_at, ai)
        select id, party, room, seq, author_id, client_id, text, created_at, ai from numbered
        order by party, room, seq
        returning *
      )
      select ${cols}, i.ord, true as created from ins r join input i on i.id = r.id
      union all
      select ${cols}, r.ord, false as created from existing r`;
}

/** Runs the batch statement and answers each row by its key. */
async function insertBatch(db: Database, rows: readonly Keyed[]): Promise<Map<string, ItemOutcome<Appended>>> {
  const result = rowsOf<BatchRow>(await db.execute(batchAppendSql(rows.map((k) => k.row))));
  const outcomes = new Map<string, ItemOutcome<Appended>>();
  for (const r of result) {
    const keyed = rows[Number(r.ord)];
    if (keyed) outcomes.set(keyed.key, { ok: true, value: { message: toChatMessage(r), created: r.created } });
  }
  return outcomes;
}

/** The fallback: each row in its own statement, rooms side by side, a room's rows in order. */
async function appendEachAlone(db: Database, rows: readonly Keyed[]): Promise<Map<string, ItemOutcome<Appended>>> {
  const byRoom = new Map<string, Keyed[]>();
  for (const keyed of rows) {
    const room = JSON.stringify([keyed.row.party, keyed.row.room]);
    byRoom.set(room, [...(byRoom.get(room) ?? []), keyed]);
  }
  const outcomes = new Map<string, ItemOutcome<Appended>>();
  await Promise.all(
    [...byRoom.values()].map(async (roomRows) => {
      for (const { key, row } of roomRows) {
        try {
          outcomes.set(key, { ok: true, value: await appendOne(db, row) });
        } catch (error) {
          outcomes.set(key, { ok: false, error });
        }
      }
    }),
  );
  return outcomes;
}

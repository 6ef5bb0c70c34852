import type { ReviewFinding, StatementReport } from '@clantrader/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Money in cents of the account currency; bigint because JPY/IRR balances outgrow int4. */
const cents = (name: string) => bigint(name, { mode: 'number' }).notNull();

/**
 * A trading account a user has shown statements of, keyed by the broker server (or broker
 * name) and login. Two users may each have a row for the same key: that is a claim conflict
 * the upload flow flags, not something the schema forbids.
 */
export const tradingAccounts = pgTable(
  'trading_accounts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountKey: text('account_key').notNull(),
    broker: text('broker'),
    server: text('server'),
    currency: text('currency'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('trading_accounts_user_key_unique').on(t.userId, t.accountKey),
    index('trading_accounts_key_idx').on(t.accountKey),
  ],
);

/** One uploaded statement and what processing and review made of it. */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    blobKey: text('blob_key').notNull(),
    status: text('status', { enum: ['pending', 'verified', 'needs_review', 'rejected', 'expired'] }).notNull(),
    label: text('label', { enum: ['self_reported', 'broker_verified'] }).notNull(),
    fileHash: text('file_hash'),
    contentHash: text('content_hash'),
    accountKey: text('account_key'),
    tradingAccountId: uuid('trading_account_id').references(() => tradingAccounts.id, { onDelete: 'set null' }),
    findings: jsonb('findings').$type<ReviewFinding[]>().notNull().default([]),
    report: jsonb('report').$type<StatementReport>(),
    rejectReason: text('reject_reason'),
    reviewBy: uuid('review_by'),
    reviewedAt: at('reviewed_at'),
    reviewDecision: text('review_decision', { enum: ['approve', 'reject'] }),
    reviewReason: text('review_reason'),
    reverifyPrompt: boolean('reverify_prompt').notNull().default(false),
    createdAt: at('created_at').notNull(),
    processedAt: at('processed_at'),
    verifiedAt: at('verified_at'),
    expiredAt: at('expired_at'),
  },
  (t) => [
    index('statements_user_id_idx').on(t.userId, t.id),
    index('statements_status_id_idx').on(t.status, t.id),
    index('statements_file_hash_idx').on(t.fileHash),
    index('statements_content_hash_idx').on(t.contentHash),
    index('statements_account_key_idx').on(t.accountKey),
    index('statements_trading_account_idx').on(t.tradingAccountId, t.verifiedAt),
    check(
      'statements_status_known',
      sql`${t.status} in ('pending', 'verified', 'needs_review', 'rejected', 'expired')`,
    ),
  ],
);

/**
 * Closed trades merged from verified statements: one row per (account, ticket), so
 * overlapping uploads never duplicate a trade. Times are broker server time as printed.
 */
export const trades = pgTable(
  'trades',
  {
    // A surrogate key: drizzle-kit's PGlite introspection cannot read composite primary keys.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tradingAccountId: uuid('trading_account_id')
      .notNull()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    ticket: text('ticket').notNull(),
    statementId: uuid('statement_id').references(() => statements.id, { onDelete: 'set null' }),
    positionId: text('position_id'),
    openTime: text('open_time'),
    closeTime: text('close_time').notNull(),
    side: text('side', { enum: ['buy', 'sell'] }).notNull(),
    volume: text('volume').notNull(),
    symbol: text('symbol').notNull(),
    openPrice: text('open_price'),
    closePrice: text('close_price'),
    commission: cents('commission'),
    fee: cents('fee'),
    swap: cents('swap'),
    profit: cents('profit'),
    magic: text('magic'),
    comment: text('comment'),
    // Typed copies for the season pass (docs/ranking.md §2), so ranking 5M trades needs no
    // per-row parsing: times in UTC with the offset of the account's newest verified
    // statement (set when a statement is merged, and re-based when that offset changes),
    // and the trade's result (profit + swap + commission + fee).
    closedAt: timestamp('closed_at', { mode: 'string' }).notNull(),
    openedAt: timestamp('opened_at', { mode: 'string' }),
    net: bigint('net', { mode: 'number' })
      .notNull()
      .generatedAlwaysAs(sql`profit + swap + commission + fee`),
    // What the season pass reads of a trade, as the text it streams per trader
    // ("closeSeconds,net,holdSeconds,automated,symbol"; docs/ranking.md §2): kept with the
    // row and in the season index, so ranking 5M trades formats nothing per row.
    seasonFields: text('season_fields')
      .notNull()
      .generatedAlwaysAs(
        sql`date_part('epoch', closed_at)::int8::text || ',' || (profit + swap + commission + fee)::text || ',' || coalesce(date_part('epoch', closed_at - opened_at)::int8::text, '') || ',' || (magic is not null and magic <> '0')::int::text || ',' || replace(symbol, chr(30), '')`,
      ),
  },
  (t) => [
    uniqueIndex('trades_account_ticket_unique').on(t.tradingAccountId, t.ticket),
    index('trades_close_time_idx').on(t.tradingAccountId, t.closeTime),
    // The season pass: index-only reads of an account's trades in a window (and of the
    // results before it, for the starting balance). The migration adds
    // INCLUDE (id, net, season_fields), which drizzle cannot declare.
    index('trades_season_idx').on(t.tradingAccountId, t.closedAt),
  ],
);

/** Deposits, withdrawals, credit and bonus rows; `op_key` is the ticket or time|kind|amount. */
export const balanceOperations = pgTable(
  'balance_operations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tradingAccountId: uuid('trading_account_id')
      .notNull()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    opKey: text('op_key').notNull(),
    statementId: uuid('statement_id').references(() => statements.id, { onDelete: 'set null' }),
    ticket: text('ticket'),
    time: text('time').notNull(),
    kind: text('kind', { enum: ['deposit', 'withdrawal', 'credit', 'bonus', 'other'] }).notNull(),
    amount: cents('amount'),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('balance_operations_account_key_unique').on(t.tradingAccountId, t.opKey)],
);

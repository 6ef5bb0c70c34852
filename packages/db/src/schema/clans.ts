import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A clan. The name is unique case-insensitively among clans that are not disbanded, so a
 * disbanded clan's name is free again. The row is also THE lock of the size limit: every
 * join locks it (SELECT ... FOR UPDATE) before counting members.
 */
export const clans = pgTable(
  'clans',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    avatarUrl: text('avatar_url'),
    tradingFocus: text('trading_focus', {
      enum: ['forex', 'gold', 'indices', 'commodities', 'crypto', 'stocks', 'mixed'],
    }).notNull(),
    privacy: text('privacy', { enum: ['open', 'request', 'invite'] }).notNull(),
    plan: text('plan', { enum: ['free', 'pro'] })
      .notNull()
      .default('free'),
    telegramUrl: text('telegram_url'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    disbandedAt: at('disbanded_at'),
  },
  (t) => [
    uniqueIndex('clans_name_lower_unique')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.disbandedAt} is null`),
    index('clans_active_id_idx')
      .on(t.id)
      .where(sql`${t.disbandedAt} is null`),
    check('clans_privacy_known', sql`${t.privacy} in ('open', 'request', 'invite')`),
    check('clans_plan_known', sql`${t.plan} in ('free', 'pro')`),
  ],
);

/**
 * Current members only (leaving deletes the row). UNIQUE(user_id): one clan per trader.
 * (clan_id, user_id) is unique and is the key readers use; the table has a surrogate
 * primary key because drizzle-kit's PGlite introspection cannot read composite ones.
 */
export const clanMembers = pgTable(
  'clan_members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['leader', 'co_leader', 'member'] }).notNull(),
    joinedAt: at('joined_at').notNull(),
  },
  (t) => [
    uniqueIndex('clan_members_clan_user_unique').on(t.clanId, t.userId),
    uniqueIndex('clan_members_user_unique').on(t.userId),
    // At most one leader per clan, whatever races happen between transfers.
    uniqueIndex('clan_members_one_leader')
      .on(t.clanId)
      .where(sql`${t.role} = 'leader'`),
    check('clan_members_role_known', sql`${t.role} in ('leader', 'co_leader', 'member')`),
  ],
);

/** Invite links: only the token's hash is stored; usable until expiry or revocation. */
export const clanInvites = pgTable(
  'clan_invites',
  {
    id: uuid('id').primaryKey(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('clan_invites_token_hash_unique'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    uses: integer('uses').notNull().default(0),
  },
  (t) => [index('clan_invites_clan_idx').on(t.clanId, t.id)],
);

/** Requests to join a `request` clan; at most one pending per (clan, user). */
export const clanJoinRequests = pgTable(
  'clan_join_requests',
  {
    id: uuid('id').primaryKey(),
    clanId: uuid('clan_id')
      .notNull()
      .references(() => clans.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['pending', 'approved', 'denied', 'cancelled'] }).notNull(),
    createdAt: at('created_at').notNull(),
    decidedAt: at('decided_at'),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    uniqueIndex('clan_join_requests_one_pending')
      .on(t.clanId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('clan_join_requests_clan_status_idx').on(t.clanId, t.status, t.id),
    index('clan_join_requests_user_idx').on(t.userId),
    check('clan_join_requests_status_known', sql`${t.status} in ('pending', 'approved', 'denied', 'cancelled')`),
  ],
);

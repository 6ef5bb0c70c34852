import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every timestamp is stored as timestamptz (UTC) and read back as a Date. */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull().unique('users_email_unique'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    plan: text('plan', { enum: ['free', 'pro'] })
      .notNull()
      .default('free'),
    emailVerifiedAt: at('email_verified_at'),
    locale: text('locale', { enum: ['en', 'fa'] })
      .notNull()
      .default('en'),
    timezone: text('timezone').notNull().default('UTC'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    // Lookups compare exact strings, so one address must have exactly one spelling.
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_role_known', sql`${t.role} in ('user', 'admin')`),
    check('users_plan_known', sql`${t.plan} in ('free', 'pro')`),
  ],
);

export const profiles = pgTable('profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  handle: text('handle').notNull().unique('profiles_handle_unique'),
  displayName: text('display_name').notNull(),
  bio: text('bio').notNull().default(''),
  avatarUrl: text('avatar_url'),
  tradingStyle: text('trading_style', {
    enum: ['scalper', 'day_trader', 'swing_trader', 'position_trader', 'algorithmic'],
  }),
  preferredPairs: text('preferred_pairs').array().notNull(),
  sessionPreference: text('session_preference', { enum: ['asian', 'london', 'new_york', 'any'] }),
  updatedAt: at('updated_at').notNull(),
});

export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['verify_email', 'reset_password'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique('email_tokens_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('email_tokens_expires_at_idx').on(t.expiresAt),
    index('email_tokens_user_id_idx').on(t.userId),
    check('email_tokens_purpose_known', sql`${t.purpose} in ('verify_email', 'reset_password')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_unique'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('login_attempts_email_at_idx').on(t.email, t.at)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('audit_log_created_at_idx').on(t.createdAt)],
);

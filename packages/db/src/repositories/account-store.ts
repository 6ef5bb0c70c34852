import type { AccountStore, AuditEntry, NewAccount, Profile, ProfileUpdate } from '@clantrader/core';
import { and, count, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../database';
import { auditLog, emailTokens, loginAttempts, profiles, sessions, users } from '../schema/index';
import { rethrowAsDomainError } from './pg-errors';

/**
 * The AccountStore port on PostgreSQL (any driver). Multi-row writes run in one
 * transaction; unique violations become `user.email_taken` / `profile.handle_taken`;
 * single-use tokens are claimed with a conditional UPDATE so concurrent consumers race
 * on the row lock and exactly one wins.
 */
export function createAccountStore(db: Database): AccountStore {
  return {
    async createAccount(a: NewAccount) {
      await db
        .transaction(async (tx) => {
          await tx.insert(users).values({ ...a.user, email: a.user.email.toLowerCase() });
          await tx.insert(profiles).values(a.profile);
          await tx.insert(emailTokens).values(a.verifyToken);
          await tx.insert(auditLog).values(a.audit);
        })
        .catch(rethrowAsDomainError);
    },
    async findUserByEmail(email) {
      const rows = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
      return rows[0] ?? null;
    },
    async findUserById(id) {
      const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async findProfileByUserId(userId) {
      const rows = await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1);
      return rows[0] ?? null;
    },
    async findProfileByHandle(handle) {
      const rows = await db
        .select({ profile: profiles, memberSince: users.createdAt })
        .from(profiles)
        .innerJoin(users, eq(users.id, profiles.userId))
        .where(eq(profiles.handle, handle))
        .limit(1);
      const row = rows[0];
      return row ? { ...row.profile, memberSince: row.memberSince } : null;
    },
    updateProfile: (userId, patch, now, audit) =>
      db.transaction((tx) => writeProfile(tx, { userId, patch, now, audit })).catch(rethrowAsDomainError),

    async insertEmailToken(token) {
      await db.insert(emailTokens).values(token);
    },
    async findEmailToken(purpose, tokenHash) {
      const rows = await db
        .select()
        .from(emailTokens)
        .where(and(eq(emailTokens.purpose, purpose), eq(emailTokens.tokenHash, tokenHash)))
        .limit(1);
      return rows[0] ?? null;
    },
    consumeVerifyToken: (tokenId, userId, now, audit) =>
      db.transaction(async (tx) => {
        if (!(await claimToken(tx, tokenId, now))) return false;
        await tx
          .update(users)
          .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` })
          .where(eq(users.id, userId));
        await tx.insert(auditLog).values(audit);
        return true;
      }),
    consumeResetToken: (tokenId, userId, passwordHash, now, audit) =>
      db.transaction(async (tx) => {
        if (!(await claimToken(tx, tokenId, now))) return false;
        await tx
          .update(users)
          .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` })
          .where(eq(users.id, userId));
        await tx.delete(sessions).where(eq(sessions.userId, userId));
        await tx.insert(auditLog).values(audit);
        return true;
      }),
    async purgeExpired(before) {
      const tokens = await db
        .delete(emailTokens)
        .where(lt(emailTokens.expiresAt, before))
        .returning({ id: emailTokens.id });
      const gone = await db.delete(sessions).where(lt(sessions.expiresAt, before)).returning({ id: sessions.id });
      return { tokens: tokens.length, sessions: gone.length };
    },

    async insertSession(session) {
      await db.insert(sessions).values(session);
    },
    async findSession(tokenHash) {
      const rows = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
      return rows[0] ?? null;
    },
    async deleteSession(tokenHash) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async countFailedLogins(email, since) {
      const rows = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
      return rows[0]?.n ?? 0;
    },
    async recordLoginAttempt(attempt) {
      await db.insert(loginAttempts).values(attempt);
    },
    async appendAudit(entry) {
      await db.insert(auditLog).values(entry);
    },
    setRole: (userId, role, audit) =>
      db.transaction(async (tx) => {
        const changed = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning({ id: users.id });
        if (changed.length === 0) return false;
        await tx.insert(auditLog).values(audit);
        return true;
      }),
    setPlan: (userId, plan, audit) =>
      db.transaction(async (tx) => {
        const changed = await tx.update(users).set({ plan }).where(eq(users.id, userId)).returning({ id: users.id });
        if (changed.length === 0) return false;
        await tx.insert(auditLog).values(audit);
        return true;
      }),
  };
}

/** Marks the token used unless someone already did; true when this caller won. */
async function claimToken(tx: Executor, tokenId: string, now: Date): Promise<boolean> {
  const claimed = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, tokenId), isNull(emailTokens.usedAt)))
    .returning({ id: emailTokens.id });
  return claimed.length === 1;
}

type ProfileWrite = { userId: string; patch: ProfileUpdate; now: Date; audit: AuditEntry };

async function writeProfile(tx: Executor, { userId, patch, now, audit }: ProfileWrite): Promise<Profile> {
  const { locale, timezone, ...fields } = patch;
  const rows = await tx
    .update(profiles)
    .set({ ...withoutUndefined(fields), updatedAt: now })
    .where(eq(profiles.userId, userId))
    .returning();
  const profile = rows[0];
  if (!profile) throw new Error(`no profile for ${userId}`);
  const userFields = withoutUndefined({ locale, timezone });
  if (Object.keys(userFields).length > 0) await tx.update(users).set(userFields).where(eq(users.id, userId));
  await tx.insert(auditLog).values(audit);
  return profile;
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

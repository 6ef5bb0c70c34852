import type { clans as c } from '@clantrader/core';
import { and, asc, count, desc, eq, ilike, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../database';
import { clanMembers, clans, profiles } from '../schema/index';
import { createClanInviteStore } from './clan-store-invites';
import { listFreeAgents } from './clan-store-free-agents';
import { rethrowClanViolation } from './clan-store-errors';
import { uniqueViolation } from './pg-errors';

type ClanStore = c.ClanStore;
type ClanRow = typeof clans.$inferSelect;

/** Thrown inside a transaction to roll it back when a compare-and-set step finds nothing. */
class Conflict extends Error {}

// Spelled out: drizzle renders columns unqualified here, and `id` would bind to clan_members.id.
const memberCount = sql<number>`(select count(*)::int from clan_members cm where cm.clan_id = "clans"."id")`;
const ROLE_RANK = sql`case ${clanMembers.role} when 'leader' then 0 when 'co_leader' then 1 else 2 end`;

/**
 * The ClanStore port on PostgreSQL (any driver). The size limit holds because `addMember`
 * locks the clan row with SELECT ... FOR UPDATE before it counts members and inserts, in one
 * transaction: concurrent joins of one clan queue on that lock, and each sees the rows the
 * previous one committed. UNIQUE(user_id) on clan_members keeps a trader in one clan even
 * when two different clans are joined at once. Role changes are compare-and-set UPDATEs.
 */
export function createClanStore(db: Database): ClanStore {
  return {
    async createClan(clan) {
      await db
        .transaction(async (tx) => {
          await tx.insert(clans).values(clan);
          await tx
            .insert(clanMembers)
            .values({ clanId: clan.id, userId: clan.createdBy, role: 'leader', joinedAt: clan.createdAt });
        })
        .catch(rethrowClanViolation);
    },
    async findClan(id) {
      const rows = await db
        .select({ clan: clans, memberCount })
        .from(clans)
        .where(and(eq(clans.id, id), isNull(clans.disbandedAt)))
        .limit(1);
      return rows[0] ? withCount(rows[0]) : null;
    },
    async updateClan(id, patch) {
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const rows = await db
        .update(clans)
        .set(set)
        .where(and(eq(clans.id, id), isNull(clans.disbandedAt)))
        .returning()
        .catch(rethrowClanViolation);
      return rows[0] ?? null;
    },
    async searchClans(q) {
      const where: SQL[] = [isNull(clans.disbandedAt) as SQL];
      if (q.q) where.push(ilike(clans.name, `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
      if (q.focus) where.push(eq(clans.tradingFocus, q.focus));
      if (q.privacy) where.push(eq(clans.privacy, q.privacy));
      if (q.cursor) where.push(lt(clans.id, q.cursor));
      const rows = await db
        .select({ clan: clans, memberCount })
        .from(clans)
        .where(and(...where))
        .orderBy(desc(clans.id))
        .limit(q.limit);
      return rows.map(withCount);
    },
    async clanOf(userId) {
      const rows = await db
        .select({ clan: clans, memberCount, role: clanMembers.role })
        .from(clanMembers)
        .innerJoin(clans, eq(clans.id, clanMembers.clanId))
        .where(and(eq(clanMembers.userId, userId), isNull(clans.disbandedAt)))
        .limit(1);
      const row = rows[0];
      return row ? { clan: withCount(row), role: row.role } : null;
    },
    async listMembers(clanId) {
      return db
        .select({
          userId: clanMembers.userId,
          handle: profiles.handle,
          displayName: profiles.displayName,
          avatarUrl: profiles.avatarUrl,
          role: clanMembers.role,
          joinedAt: clanMembers.joinedAt,
        })
        .from(clanMembers)
        .innerJoin(profiles, eq(profiles.userId, clanMembers.userId))
        .where(eq(clanMembers.clanId, clanId))
        .orderBy(ROLE_RANK, asc(clanMembers.joinedAt), asc(clanMembers.id));
    },
    roleOf: (clanId, userId) => roleOf(db, clanId, userId),
    async planOf(clanId) {
      const rows = await db
        .select({ plan: clans.plan })
        .from(clans)
        .where(and(eq(clans.id, clanId), isNull(clans.disbandedAt)))
        .limit(1);
      return rows[0]?.plan ?? null;
    },
    addMember: (input) =>
      db
        .transaction((tx) => addMemberLocked(tx, input))
        .catch((error: unknown) => {
          if (error instanceof StaleVia) return 'stale' as const;
          if (uniqueViolation(error) === 'clan_members_user_unique') return 'already_in_clan' as const;
          throw error;
        }),
    async removeMember(clanId, userId, expectedRole) {
      const gone = await db
        .delete(clanMembers)
        .where(memberIs(clanId, userId, expectedRole))
        .returning({ id: clanMembers.id });
      return gone.length === 1;
    },
    async setRole(clanId, userId, from, to) {
      const changed = await db
        .update(clanMembers)
        .set({ role: to })
        .where(memberIs(clanId, userId, from))
        .returning({ id: clanMembers.id });
      return changed.length === 1;
    },
    transferLeadership: (clanId, fromUserId, toUserId) =>
      db
        .transaction(async (tx) => {
          // Demote first: at most one leader per clan is a unique index checked per statement.
          const demoted = await tx
            .update(clanMembers)
            .set({ role: 'co_leader' })
            .where(memberIs(clanId, fromUserId, 'leader'))
            .returning({ id: clanMembers.id });
          if (demoted.length !== 1) throw new Conflict();
          const promoted = await tx
            .update(clanMembers)
            .set({ role: 'leader' })
            .where(and(eq(clanMembers.clanId, clanId), eq(clanMembers.userId, toUserId)))
            .returning({ id: clanMembers.id });
          if (promoted.length !== 1) throw new Conflict();
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof Conflict) return false;
          throw error;
        }),
    disband: (clanId, at) => db.transaction((tx) => disbandLocked(tx, clanId, at)),
    ...createClanInviteStore(db),
    listFreeAgents: (filter) => listFreeAgents(db, filter),
  };
}

async function addMemberLocked(tx: Executor, input: c.AddMember): Promise<c.AddMemberResult> {
  const locked = await tx
    .select({ plan: clans.plan })
    .from(clans)
    .where(and(eq(clans.id, input.clanId), isNull(clans.disbandedAt)))
    .for('update');
  const plan = locked[0]?.plan;
  if (!plan) return 'clan_gone';
  if (await roleOfAnyClan(tx, input.userId)) return 'already_in_clan';
  const [counted] = await tx.select({ n: count() }).from(clanMembers).where(eq(clanMembers.clanId, input.clanId));
  if ((counted?.n ?? 0) >= input.limits[plan]) return 'full';
  if (!(await claimVia(tx, input))) throw new StaleVia();
  await tx.insert(clanMembers).values({
    clanId: input.clanId,
    userId: input.userId,
    role: 'member',
    joinedAt: input.joinedAt,
  });
  // A trader in a clan has no business waiting on other clans.
  await tx.execute(sql`update clan_join_requests set status = 'cancelled', decided_at = ${input.joinedAt.toISOString()}::timestamptz
    where user_id = ${input.userId} and status = 'pending'`);
  return 'added';
}

/** Uses the invite or approves the request under the lock; false when it went stale meanwhile. */
async function claimVia(tx: Executor, input: c.AddMember): Promise<boolean> {
  const via = input.via;
  if (via.kind === 'open') return true;
  const rows =
    via.kind === 'invite'
      ? await tx.execute(sql`update clan_invites set uses = uses + 1
          where id = ${via.inviteId} and clan_id = ${input.clanId} and revoked_at is null
            and expires_at > ${input.joinedAt.toISOString()}::timestamptz
          returning id`)
      : await tx.execute(sql`update clan_join_requests
          set status = 'approved', decided_at = ${input.joinedAt.toISOString()}::timestamptz, decided_by = ${via.decidedBy}
          where id = ${via.requestId} and clan_id = ${input.clanId} and status = 'pending'
          returning id`);
  return (rows as unknown as { rows: unknown[] }).rows.length === 1;
}

/** Rolls back a join whose invite or request went stale (nothing was written yet). */
class StaleVia extends Error {}

async function disbandLocked(tx: Executor, clanId: string, at: Date): Promise<string[] | null> {
  const ended = await tx
    .update(clans)
    .set({ disbandedAt: at })
    .where(and(eq(clans.id, clanId), isNull(clans.disbandedAt)))
    .returning({ id: clans.id });
  if (ended.length === 0) return null;
  const removed = await tx
    .delete(clanMembers)
    .where(eq(clanMembers.clanId, clanId))
    .returning({ userId: clanMembers.userId });
  await tx.execute(sql`update clan_invites set revoked_at = ${at.toISOString()}::timestamptz
    where clan_id = ${clanId} and revoked_at is null`);
  await tx.execute(sql`update clan_join_requests set status = 'cancelled', decided_at = ${at.toISOString()}::timestamptz
    where clan_id = ${clanId} and status = 'pending'`);
  return removed.map((r) => r.userId);
}

async function roleOf(db: Executor, clanId: string, userId: string): Promise<c.ClanRole | null> {
  const rows = await db
    .select({ role: clanMembers.role })
    .from(clanMembers)
    .where(and(eq(clanMembers.clanId, clanId), eq(clanMembers.userId, userId)))
    .limit(1);
  return rows[0]?.role ?? null;
}

async function roleOfAnyClan(db: Executor, userId: string): Promise<boolean> {
  const rows = await db.select({ id: clanMembers.id }).from(clanMembers).where(eq(clanMembers.userId, userId)).limit(1);
  return rows.length > 0;
}

function memberIs(clanId: string, userId: string, role: c.ClanRole): SQL | undefined {
  return and(eq(clanMembers.clanId, clanId), eq(clanMembers.userId, userId), eq(clanMembers.role, role));
}

function withCount(row: { clan: ClanRow; memberCount: number }): c.ClanWithCount {
  return { ...row.clan, memberCount: Number(row.memberCount) };
}

import type { clans as c } from '@clantrader/core';
import { and, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../database';
import { clanInvites, clanJoinRequests, clans, profiles } from '../schema/index';
import { rethrowClanViolation } from './clan-store-errors';

type InviteAndRequestMethods = Pick<
  c.ClanStore,
  | 'createInvite'
  | 'findInviteByHash'
  | 'listInvites'
  | 'revokeInvite'
  | 'createJoinRequest'
  | 'findJoinRequest'
  | 'listPendingRequests'
  | 'denyJoinRequest'
  | 'findPendingRequest'
  | 'cancelJoinRequest'
  | 'listRequestsOf'
>;

/** Invite links and join requests: single-row writes, so plain statements suffice. */
export function createClanInviteStore(db: Database): InviteAndRequestMethods {
  return {
    async createInvite(invite) {
      await db.insert(clanInvites).values(invite);
    },
    async findInviteByHash(tokenHash) {
      const rows = await db.select().from(clanInvites).where(eq(clanInvites.tokenHash, tokenHash)).limit(1);
      return rows[0] ?? null;
    },
    listInvites: (clanId, now) =>
      db
        .select()
        .from(clanInvites)
        .where(and(eq(clanInvites.clanId, clanId), isNull(clanInvites.revokedAt), gt(clanInvites.expiresAt, now)))
        .orderBy(desc(clanInvites.id))
        .limit(100),
    async revokeInvite(clanId, inviteId, at) {
      const rows = await db
        .update(clanInvites)
        .set({ revokedAt: at })
        .where(and(eq(clanInvites.id, inviteId), eq(clanInvites.clanId, clanId), isNull(clanInvites.revokedAt)))
        .returning({ id: clanInvites.id });
      return rows.length === 1;
    },
    async createJoinRequest(request) {
      await db.insert(clanJoinRequests).values(request).catch(rethrowClanViolation);
    },
    async findJoinRequest(id) {
      const rows = await db.select().from(clanJoinRequests).where(eq(clanJoinRequests.id, id)).limit(1);
      return rows[0] ?? null;
    },
    async listPendingRequests(clanId) {
      const rows = await db
        .select({ request: clanJoinRequests, handle: profiles.handle, displayName: profiles.displayName })
        .from(clanJoinRequests)
        .innerJoin(profiles, eq(profiles.userId, clanJoinRequests.userId))
        .where(and(eq(clanJoinRequests.clanId, clanId), eq(clanJoinRequests.status, 'pending')))
        .orderBy(clanJoinRequests.id)
        .limit(200);
      return rows.map((r) => ({ ...r.request, handle: r.handle, displayName: r.displayName }));
    },
    async denyJoinRequest(id, by, at) {
      const rows = await db
        .update(clanJoinRequests)
        .set({ status: 'denied', decidedBy: by, decidedAt: at })
        .where(and(eq(clanJoinRequests.id, id), eq(clanJoinRequests.status, 'pending')))
        .returning({ id: clanJoinRequests.id });
      return rows.length === 1;
    },
    async findPendingRequest(clanId, userId) {
      const rows = await db
        .select()
        .from(clanJoinRequests)
        .where(pendingOf(userId, eq(clanJoinRequests.clanId, clanId)))
        .limit(1);
      return rows[0] ?? null;
    },
    async cancelJoinRequest(id, userId, at) {
      const rows = await db
        .update(clanJoinRequests)
        .set({ status: 'cancelled', decidedBy: userId, decidedAt: at })
        .where(pendingOf(userId, eq(clanJoinRequests.id, id)))
        .returning({ id: clanJoinRequests.id });
      return rows.length === 1;
    },
    async listRequestsOf(userId) {
      return db
        .select({
          id: clanJoinRequests.id,
          clanId: clanJoinRequests.clanId,
          clanName: clans.name,
          message: clanJoinRequests.message,
          createdAt: clanJoinRequests.createdAt,
        })
        .from(clanJoinRequests)
        .innerJoin(clans, eq(clans.id, clanJoinRequests.clanId))
        .where(pendingOf(userId, isNull(clans.disbandedAt)))
        .orderBy(desc(clanJoinRequests.id))
        .limit(100);
    },
  };
}

/** The user's pending requests (served by clan_join_requests_user_idx), narrowed by `also`. */
function pendingOf(userId: string, also: SQL | undefined): SQL | undefined {
  return and(eq(clanJoinRequests.userId, userId), eq(clanJoinRequests.status, 'pending'), also);
}

import type {
  Clan,
  ClanInvite,
  ClanMember,
  ClanPlan,
  ClanRole,
  ClanSearch,
  FreeAgentFilter,
  FreeAgentRow,
  JoinRequest,
  JoinRequestView,
  MyJoinRequest,
  UpdateClanInput,
} from './model';

/** How a new member got in; the store re-checks it under the same lock as the size limit. */
export type JoinVia =
  { kind: 'open' } | { kind: 'invite'; inviteId: string } | { kind: 'request'; requestId: string; decidedBy: string };

export type AddMember = {
  clanId: string;
  userId: string;
  joinedAt: Date;
  via: JoinVia;
  /** Members allowed per plan; the store reads the plan under the lock. */
  limits: Readonly<Record<ClanPlan, number>>;
};

/**
 * `added`, or why not: `full` (at the plan's limit), `already_in_clan` (the user is in a
 * clan, this one or another), `clan_gone` (disbanded or unknown), `stale` (the invite was
 * revoked or expired, or the request was decided, while this call waited for the lock).
 */
export type AddMemberResult = 'added' | 'full' | 'already_in_clan' | 'clan_gone' | 'stale';

/** A clan row plus its live member count, for lists. */
export type ClanWithCount = Clan & { memberCount: number };

/**
 * Read-only membership facts other domains need (room tickets, chat moderation, channels).
 * Both are one indexed read; a disbanded clan has no members and no plan.
 */
export interface ClanMembership {
  roleOf(clanId: string, userId: string): Promise<ClanRole | null>;
  planOf(clanId: string): Promise<ClanPlan | null>;
}

/**
 * Persistence of clans, members, invites and join requests. Every write that touches more
 * than one row is one transaction. `addMember` is THE place the size limit holds: it locks
 * the clan row (SELECT ... FOR UPDATE), counts members and inserts under that lock, so two
 * concurrent joins can never exceed the limit. UNIQUE(user_id) on members keeps a trader
 * in at most one clan even across clans.
 */
export interface ClanStore extends ClanMembership {
  /**
   * Inserts the clan and its leader atomically.
   * @throws DomainError `clan.name_taken` | `clan.already_in_clan`
   */
  createClan(clan: Clan): Promise<void>;
  /** Null when unknown or disbanded. */
  findClan(id: string): Promise<ClanWithCount | null>;
  /** @throws DomainError `clan.name_taken`. Null when unknown or disbanded. */
  updateClan(id: string, patch: UpdateClanInput & { slug?: string }): Promise<Clan | null>;
  /** Active clans, newest first, after the `cursor` id. */
  searchClans(query: ClanSearch): Promise<ClanWithCount[]>;
  /** The user's active clan and role, or null. */
  clanOf(userId: string): Promise<{ clan: ClanWithCount; role: ClanRole } | null>;
  /** Leader first, then co-leaders, then members, each by join time. */
  listMembers(clanId: string): Promise<ClanMember[]>;

  addMember(input: AddMember): Promise<AddMemberResult>;
  /** Deletes the member only while their role is still `expectedRole`; false otherwise. */
  removeMember(clanId: string, userId: string, expectedRole: ClanRole): Promise<boolean>;
  /** Compare-and-set on the member's role; false when it was not `from`. */
  setRole(clanId: string, userId: string, from: ClanRole, to: ClanRole): Promise<boolean>;
  /** Leader -> co-leader and member -> leader in one transaction; false when either row moved. */
  transferLeadership(clanId: string, fromUserId: string, toUserId: string): Promise<boolean>;
  /**
   * Marks the clan disbanded, removes every member, revokes its invites and cancels its
   * pending requests, atomically. Returns the removed user ids; null when already gone.
   */
  disband(clanId: string, at: Date): Promise<string[] | null>;

  createInvite(invite: ClanInvite): Promise<void>;
  findInviteByHash(tokenHash: string): Promise<ClanInvite | null>;
  /** Unrevoked, unexpired invites of the clan, newest first. */
  listInvites(clanId: string, now: Date): Promise<ClanInvite[]>;
  /** False when no such unrevoked invite of this clan. */
  revokeInvite(clanId: string, inviteId: string, at: Date): Promise<boolean>;

  /** @throws DomainError `clan.request_exists` when the user already has a pending one. */
  createJoinRequest(request: JoinRequest): Promise<void>;
  findJoinRequest(id: string): Promise<JoinRequest | null>;
  listPendingRequests(clanId: string): Promise<JoinRequestView[]>;
  /** Compare-and-set pending -> denied; false when no longer pending. */
  denyJoinRequest(id: string, by: string, at: Date): Promise<boolean>;
  /** The user's pending request to join this clan, or null. */
  findPendingRequest(clanId: string, userId: string): Promise<JoinRequest | null>;
  /** Compare-and-set pending -> cancelled, only for the requester's own request; false otherwise. */
  cancelJoinRequest(id: string, userId: string, at: Date): Promise<boolean>;
  /** The user's pending requests to clans that still exist, newest first. */
  listRequestsOf(userId: string): Promise<MyJoinRequest[]>;

  /** Verified traders in no clan, matching the filter, ordered by handle. */
  listFreeAgents(filter: FreeAgentFilter): Promise<FreeAgentRow[]>;
}

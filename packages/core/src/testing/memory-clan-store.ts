import type {
  AddMember,
  AddMemberResult,
  Clan,
  ClanInvite,
  ClanMember,
  ClanRole,
  ClanStore,
  ClanWithCount,
  FreeAgentRow,
  JoinRequest,
} from '../clans/index';
import { DomainError } from '../shared/domain-error';

type Person = { handle: string; displayName: string; avatarUrl: string | null };
type Membership = { clanId: string; role: ClanRole; joinedAt: Date };

const ROLE_ORDER: Record<ClanRole, number> = { leader: 0, co_leader: 1, member: 2 };

/**
 * ClanStore in memory, with the same contract as the SQL one: one clan per user, the size
 * limit checked in the same synchronous step as the insert (JavaScript runs it without
 * interleaving, which is what the row lock gives PostgreSQL). Tests register people with
 * `addPerson` and free-agent candidates with `addTrader`.
 */
export class MemoryClanStore implements ClanStore {
  readonly clans = new Map<string, Clan>();
  /** userId -> membership (a user is in at most one clan). */
  readonly members = new Map<string, Membership>();
  readonly invites = new Map<string, ClanInvite>();
  readonly requests = new Map<string, JoinRequest>();
  readonly people = new Map<string, Person>();
  readonly traders: FreeAgentRow[] = [];

  addPerson(userId: string, person: Partial<Person> & { handle: string }): void {
    this.people.set(userId, { displayName: person.handle, avatarUrl: null, ...person });
  }

  /** A verified trader for the free-agent market (also registered as a person). */
  addTrader(row: FreeAgentRow): void {
    this.addPerson(row.userId, row);
    this.traders.push(row);
  }

  async createClan(clan: Clan) {
    if (this.activeByName(clan.name)) throw new DomainError('clan.name_taken', 'A clan with this name already exists');
    if (this.members.has(clan.createdBy)) throw new DomainError('clan.already_in_clan', 'Already in a clan');
    this.clans.set(clan.id, { ...clan });
    this.members.set(clan.createdBy, { clanId: clan.id, role: 'leader', joinedAt: clan.createdAt });
  }
  async findClan(id: string) {
    const clan = this.clans.get(id);
    return clan && !clan.disbandedAt ? this.withCount(clan) : null;
  }
  async updateClan(id: string, patch: Partial<Clan>) {
    const clan = this.clans.get(id);
    if (!clan || clan.disbandedAt) return null;
    const other = patch.name ? this.activeByName(patch.name) : undefined;
    if (other && other.id !== id) throw new DomainError('clan.name_taken', 'A clan with this name already exists');
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...clan, ...defined };
    this.clans.set(id, next);
    return { ...next };
  }
  async searchClans(q: { q?: string; focus?: string; privacy?: string; cursor?: string; limit: number }) {
    return [...this.clans.values()]
      .filter((c) => !c.disbandedAt)
      .filter((c) => !q.q || c.name.toLowerCase().includes(q.q.toLowerCase()))
      .filter((c) => !q.focus || c.tradingFocus === q.focus)
      .filter((c) => !q.privacy || c.privacy === q.privacy)
      .filter((c) => !q.cursor || c.id < q.cursor)
      .sort((a, b) => b.id.localeCompare(a.id))
      .slice(0, q.limit)
      .map((c) => this.withCount(c));
  }
  async clanOf(userId: string) {
    const m = this.members.get(userId);
    const clan = m ? this.clans.get(m.clanId) : undefined;
    return m && clan ? { clan: this.withCount(clan), role: m.role } : null;
  }
  async listMembers(clanId: string): Promise<ClanMember[]> {
    return [...this.members]
      .filter(([, m]) => m.clanId === clanId)
      .map(([userId, m]) => {
        const p = this.people.get(userId) ?? { handle: userId, displayName: userId, avatarUrl: null };
        return { userId, ...p, role: m.role, joinedAt: m.joinedAt };
      })
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.joinedAt.getTime() - b.joinedAt.getTime());
  }
  async roleOf(clanId: string, userId: string) {
    const m = this.members.get(userId);
    return m && m.clanId === clanId ? m.role : null;
  }
  async planOf(clanId: string) {
    const clan = this.clans.get(clanId);
    return clan && !clan.disbandedAt ? clan.plan : null;
  }

  async addMember(input: AddMember): Promise<AddMemberResult> {
    const clan = this.clans.get(input.clanId);
    if (!clan || clan.disbandedAt) return 'clan_gone';
    if (this.members.has(input.userId)) return 'already_in_clan';
    if (this.count(clan.id) >= input.limits[clan.plan]) return 'full';
    const via = input.via;
    if (via.kind === 'invite') {
      const invite = this.invites.get(via.inviteId);
      if (!invite || invite.revokedAt || invite.expiresAt <= input.joinedAt) return 'stale';
      invite.uses += 1;
    }
    if (via.kind === 'request') {
      const request = this.requests.get(via.requestId);
      if (!request || request.status !== 'pending') return 'stale';
      Object.assign(request, { status: 'approved', decidedAt: input.joinedAt, decidedBy: via.decidedBy });
    }
    this.members.set(input.userId, { clanId: clan.id, role: 'member', joinedAt: input.joinedAt });
    for (const r of this.requests.values()) {
      if (r.userId === input.userId && r.status === 'pending') r.status = 'cancelled';
    }
    return 'added';
  }
  async removeMember(clanId: string, userId: string, expectedRole: ClanRole) {
    const m = this.members.get(userId);
    if (!m || m.clanId !== clanId || m.role !== expectedRole) return false;
    this.members.delete(userId);
    return true;
  }
  async setRole(clanId: string, userId: string, from: ClanRole, to: ClanRole) {
    const m = this.members.get(userId);
    if (!m || m.clanId !== clanId || m.role !== from) return false;
    m.role = to;
    return true;
  }
  async transferLeadership(clanId: string, fromUserId: string, toUserId: string) {
    const from = this.members.get(fromUserId);
    const to = this.members.get(toUserId);
    if (from?.clanId !== clanId || from.role !== 'leader' || to?.clanId !== clanId) return false;
    from.role = 'co_leader';
    to.role = 'leader';
    return true;
  }
  async disband(clanId: string, at: Date) {
    const clan = this.clans.get(clanId);
    if (!clan || clan.disbandedAt) return null;
    clan.disbandedAt = at;
    const removed = [...this.members].filter(([, m]) => m.clanId === clanId).map(([userId]) => userId);
    for (const userId of removed) this.members.delete(userId);
    for (const i of this.invites.values()) if (i.clanId === clanId && !i.revokedAt) i.revokedAt = at;
    for (const r of this.requests.values()) if (r.clanId === clanId && r.status === 'pending') r.status = 'cancelled';
    return removed;
  }

  async createInvite(invite: ClanInvite) {
    this.invites.set(invite.id, { ...invite });
  }
  async findInviteByHash(tokenHash: string) {
    const found = [...this.invites.values()].find((i) => i.tokenHash === tokenHash);
    return found ? { ...found } : null;
  }
  async listInvites(clanId: string, now: Date) {
    return [...this.invites.values()]
      .filter((i) => i.clanId === clanId && !i.revokedAt && i.expiresAt > now)
      .sort((a, b) => b.id.localeCompare(a.id));
  }
  async revokeInvite(clanId: string, inviteId: string, at: Date) {
    const invite = this.invites.get(inviteId);
    if (!invite || invite.clanId !== clanId || invite.revokedAt) return false;
    invite.revokedAt = at;
    return true;
  }

  async createJoinRequest(request: JoinRequest) {
    const dup = [...this.requests.values()].some(
      (r) => r.clanId === request.clanId && r.userId === request.userId && r.status === 'pending',
    );
    if (dup) throw new DomainError('clan.request_exists', 'You already asked to join this clan');
    this.requests.set(request.id, { ...request });
  }
  async findJoinRequest(id: string) {
    const r = this.requests.get(id);
    return r ? { ...r } : null;
  }
  async listPendingRequests(clanId: string) {
    return [...this.requests.values()]
      .filter((r) => r.clanId === clanId && r.status === 'pending')
      .map((r) => {
        const p = this.people.get(r.userId);
        return { ...r, handle: p?.handle ?? r.userId, displayName: p?.displayName ?? r.userId };
      });
  }
  async denyJoinRequest(id: string, by: string, at: Date) {
    const r = this.requests.get(id);
    if (!r || r.status !== 'pending') return false;
    Object.assign(r, { status: 'denied', decidedBy: by, decidedAt: at });
    return true;
  }
  async findPendingRequest(clanId: string, userId: string) {
    const r = [...this.requests.values()].find(
      (x) => x.clanId === clanId && x.userId === userId && x.status === 'pending',
    );
    return r ? { ...r } : null;
  }
  async cancelJoinRequest(id: string, userId: string, at: Date) {
    const r = this.requests.get(id);
    if (!r || r.userId !== userId || r.status !== 'pending') return false;
    Object.assign(r, { status: 'cancelled', decidedBy: userId, decidedAt: at });
    return true;
  }
  async listRequestsOf(userId: string) {
    return [...this.requests.values()]
      .filter((r) => r.userId === userId && r.status === 'pending' && !this.clans.get(r.clanId)?.disbandedAt)
      .sort((a, b) => b.id.localeCompare(a.id))
      .map((r) => ({
        id: r.id,
        clanId: r.clanId,
        clanName: this.clans.get(r.clanId)?.name ?? r.clanId,
        message: r.message,
        createdAt: r.createdAt,
      }));
  }

  async listFreeAgents(f: Parameters<ClanStore['listFreeAgents']>[0]) {
    const { drawdown } = f;
    return this.traders
      .filter((t) => !this.members.has(t.userId))
      .filter((t) => !f.style || t.tradingStyle === f.style)
      .filter((t) => !f.pair || t.preferredPairs.includes(f.pair) || t.instruments.includes(f.pair))
      .filter((t) => !f.tier || t.tier === f.tier)
      .filter((t) => !f.session || t.sessionPreference === f.session || t.sessionPreference === 'any')
      .filter(
        (t) =>
          !drawdown ||
          (t.maxDrawdownPct >= drawdown.minPct && (drawdown.maxPct === null || t.maxDrawdownPct < drawdown.maxPct)),
      )
      .filter((t) => !f.after || t.handle > f.after)
      .sort((a, b) => a.handle.localeCompare(b.handle))
      .slice(0, f.limit)
      .map((t) => ({ ...t }));
  }

  private count(clanId: string): number {
    return [...this.members.values()].filter((m) => m.clanId === clanId).length;
  }
  private withCount(clan: Clan): ClanWithCount {
    return { ...clan, memberCount: this.count(clan.id) };
  }
  private activeByName(name: string): Clan | undefined {
    return [...this.clans.values()].find((c) => !c.disbandedAt && c.name.toLowerCase() === name.toLowerCase());
  }
}

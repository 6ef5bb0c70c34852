import type { AuditEntry, EmailToken, Profile, ProfileUpdate, Session, User } from '../accounts/model';
import type { AccountStore, NewAccount } from '../accounts/ports';
import { DomainError } from '../shared/domain-error';

/** In-memory AccountStore with the same uniqueness and single-use guarantees as the SQL one. */
export class MemoryAccountStore implements AccountStore {
  readonly users = new Map<string, User>();
  readonly profiles = new Map<string, Profile>();
  readonly tokens = new Map<string, EmailToken>();
  readonly sessions = new Map<string, Session>();
  readonly audit: AuditEntry[] = [];
  readonly loginAttempts: { id: string; email: string; succeeded: boolean; at: Date }[] = [];

  async createAccount(a: NewAccount): Promise<void> {
    if ([...this.users.values()].some((u) => u.email === a.user.email)) {
      throw new DomainError('user.email_taken', 'An account with this email already exists');
    }
    if ([...this.profiles.values()].some((p) => p.handle === a.profile.handle)) {
      throw new DomainError('profile.handle_taken', 'This handle is already taken');
    }
    this.users.set(a.user.id, { ...a.user });
    this.profiles.set(a.user.id, { ...a.profile });
    this.tokens.set(a.verifyToken.id, { ...a.verifyToken });
    this.audit.push(a.audit);
  }
  async findUserByEmail(email: string) {
    return [...this.users.values()].find((u) => u.email === email) ?? null;
  }
  async findUserById(id: string) {
    return this.users.get(id) ?? null;
  }
  async findProfileByUserId(userId: string) {
    return this.profiles.get(userId) ?? null;
  }
  async findProfileByHandle(handle: string) {
    const p = [...this.profiles.values()].find((x) => x.handle === handle);
    const u = p && this.users.get(p.userId);
    return p && u ? { ...p, memberSince: u.createdAt } : null;
  }
  async updateProfile(userId: string, patch: ProfileUpdate, now: Date, audit: AuditEntry) {
    const p = this.profiles.get(userId);
    const u = this.users.get(userId);
    if (!p || !u) throw new Error(`no profile for ${userId}`);
    if (patch.handle && [...this.profiles.values()].some((x) => x.handle === patch.handle && x.userId !== userId)) {
      throw new DomainError('profile.handle_taken', 'This handle is already taken');
    }
    const { locale, timezone, ...rest } = patch;
    const next: Profile = { ...p, ...stripUndefined(rest), updatedAt: now };
    this.profiles.set(userId, next);
    this.users.set(userId, { ...u, ...stripUndefined({ locale, timezone }) });
    this.audit.push(audit);
    return next;
  }
  async insertEmailToken(t: EmailToken) {
    this.tokens.set(t.id, { ...t });
  }
  async findEmailToken(purpose: EmailToken['purpose'], tokenHash: string) {
    return [...this.tokens.values()].find((t) => t.purpose === purpose && t.tokenHash === tokenHash) ?? null;
  }
  async consumeVerifyToken(tokenId: string, userId: string, now: Date, audit: AuditEntry) {
    if (!this.use(tokenId, now)) return false;
    const u = this.users.get(userId);
    if (u && !u.emailVerifiedAt) this.users.set(userId, { ...u, emailVerifiedAt: now });
    this.audit.push(audit);
    return true;
  }
  async consumeResetToken(tokenId: string, userId: string, passwordHash: string, now: Date, audit: AuditEntry) {
    if (!this.use(tokenId, now)) return false;
    const u = this.users.get(userId);
    if (u) this.users.set(userId, { ...u, passwordHash, emailVerifiedAt: u.emailVerifiedAt ?? now });
    for (const [k, s] of this.sessions) if (s.userId === userId) this.sessions.delete(k);
    this.audit.push(audit);
    return true;
  }
  async purgeExpired(before: Date) {
    let tokens = 0;
    let sessions = 0;
    for (const [k, t] of this.tokens) {
      if (t.expiresAt < before && this.tokens.delete(k)) tokens++;
    }
    for (const [k, s] of this.sessions) {
      if (s.expiresAt < before && this.sessions.delete(k)) sessions++;
    }
    return { tokens, sessions };
  }
  async insertSession(s: Session) {
    this.sessions.set(s.tokenHash, { ...s });
  }
  async findSession(tokenHash: string) {
    return this.sessions.get(tokenHash) ?? null;
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
  async countFailedLogins(email: string, since: Date) {
    return this.loginAttempts.filter((a) => a.email === email && !a.succeeded && a.at >= since).length;
  }
  async recordLoginAttempt(a: { id: string; email: string; succeeded: boolean; at: Date }) {
    this.loginAttempts.push(a);
  }
  async appendAudit(entry: AuditEntry) {
    this.audit.push(entry);
  }
  async setRole(userId: string, role: User['role'], audit: AuditEntry) {
    const u = this.users.get(userId);
    if (!u) return false;
    this.users.set(userId, { ...u, role });
    this.audit.push(audit);
    return true;
  }

  async setPlan(userId: string, plan: User['plan'], audit: AuditEntry) {
    const u = this.users.get(userId);
    if (!u) return false;
    this.users.set(userId, { ...u, plan });
    this.audit.push(audit);
    return true;
  }

  private use(tokenId: string, now: Date): boolean {
    const t = this.tokens.get(tokenId);
    if (!t || t.usedAt) return false;
    this.tokens.set(tokenId, { ...t, usedAt: now });
    return true;
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type {
  AuditEntry,
  EmailToken,
  EmailTokenPurpose,
  Profile,
  Plan,
  ProfileUpdate,
  Role,
  Session,
  User,
} from './model';

export type NewAccount = {
  user: User;
  profile: Profile;
  verifyToken: EmailToken;
  audit: AuditEntry;
};

/**
 * Persistence of accounts. Every method that writes more than one row is atomic:
 * it writes all of them or none, so a failed sign-up leaves no partial user behind.
 * Uniqueness races (two sign-ups with one email) surface as the matching DomainError.
 */
export interface AccountStore {
  /** @throws DomainError `user.email_taken` | `profile.handle_taken` */
  createAccount(account: NewAccount): Promise<void>;
  findUserByEmail(email: string): Promise<User | null>;
  findUserById(id: string): Promise<User | null>;
  findProfileByUserId(userId: string): Promise<Profile | null>;
  findProfileByHandle(handle: string): Promise<(Profile & { memberSince: Date }) | null>;
  /** @throws DomainError `profile.handle_taken` */
  updateProfile(userId: string, patch: ProfileUpdate, now: Date, audit: AuditEntry): Promise<Profile>;

  insertEmailToken(token: EmailToken): Promise<void>;
  findEmailToken(purpose: EmailTokenPurpose, tokenHash: string): Promise<EmailToken | null>;
  /**
   * Marks the token used and applies its effect in one transaction. Returns false when the
   * token was already used (someone else won the race), in which case nothing changed.
   */
  consumeVerifyToken(tokenId: string, userId: string, now: Date, audit: AuditEntry): Promise<boolean>;
  /** Same contract; also replaces the password hash and revokes every session of the user. */
  consumeResetToken(
    tokenId: string,
    userId: string,
    passwordHash: string,
    now: Date,
    audit: AuditEntry,
  ): Promise<boolean>;
  /** Deletes tokens and sessions that expired before `before`; returns how many rows went. */
  purgeExpired(before: Date): Promise<{ tokens: number; sessions: number }>;

  insertSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;

  /** Failed log-ins for this email since `since`. */
  countFailedLogins(email: string, since: Date): Promise<number>;
  recordLoginAttempt(attempt: { id: string; email: string; succeeded: boolean; at: Date }): Promise<void>;
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Grants or withdraws a role (with its audit row, atomically); false when no such user. */
  setRole(userId: string, role: Role, audit: AuditEntry): Promise<boolean>;
  /** Sets the plan (with its audit row, atomically); false when no such user. */
  setPlan(userId: string, plan: Plan, audit: AuditEntry): Promise<boolean>;
}

import { isDomainError, type AccountStore } from '@clantrader/core';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { auditLog, emailTokens, profiles, users } from '../schema/index';
import { createAccountStore } from './account-store';
import { HOUR, T0, audit, emailToken, newAccount, session } from './account-fixtures';

/** Rejects with the DomainError code, or fails the test. */
async function codeOf(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.code;
}

/**
 * The AccountStore contract, run against whatever `open` returns (PGlite, PostgreSQL,
 * Neon through the local proxy). Each test gets a fresh migrated database.
 */
export function describeAccountStore(open: () => Promise<DbHandle>): void {
  let handle: DbHandle;
  let store: AccountStore;
  beforeEach(async () => {
    handle = await open();
    store = createAccountStore(handle.db);
  });
  afterEach(() => handle.close());

  it('writes a whole account and reads every part back unchanged', async () => {
    const a = newAccount(1);
    a.profile.preferredPairs = ['EURUSD', 'XAUUSD.m'];
    await store.createAccount(a);
    expect(await store.findUserByEmail(a.user.email)).toEqual(a.user);
    expect(await store.findUserById(a.user.id)).toEqual(a.user);
    expect(await store.findProfileByUserId(a.user.id)).toEqual(a.profile);
    expect(await store.findProfileByHandle(a.profile.handle)).toEqual({ ...a.profile, memberSince: T0 });
    expect(await store.findEmailToken('verify_email', a.verifyToken.tokenHash)).toEqual(a.verifyToken);
    expect(await store.findEmailToken('reset_password', a.verifyToken.tokenHash)).toBeNull();
    const logged = await handle.db.select().from(auditLog);
    expect(logged).toEqual([a.audit]);
  });

  it('returns null for absent users, profiles, tokens and sessions', async () => {
    expect(await store.findUserByEmail('nobody@example.test')).toBeNull();
    expect(await store.findUserById('00000000-0000-7000-8000-000000000000')).toBeNull();
    expect(await store.findProfileByHandle('nobody')).toBeNull();
    expect(await store.findSession('nope')).toBeNull();
  });

  it('refuses a second account for an email and leaves no partial rows', async () => {
    await store.createAccount(newAccount(1));
    const dup = newAccount(2, { email: 'trader1@example.test' });
    expect(await codeOf(store.createAccount(dup))).toBe('user.email_taken');
    expect(await store.findProfileByHandle(dup.profile.handle)).toBeNull();
    expect(await store.findEmailToken('verify_email', dup.verifyToken.tokenHash)).toBeNull();
    expect(await handle.db.select().from(auditLog)).toHaveLength(1);
  });

  it('refuses a taken handle and leaves no user row behind', async () => {
    await store.createAccount(newAccount(1));
    const dup = newAccount(2, { handle: 'trader_1' });
    expect(await codeOf(store.createAccount(dup))).toBe('profile.handle_taken');
    expect(await store.findUserByEmail(dup.user.email)).toBeNull();
    expect(await store.findUserById(dup.user.id)).toBeNull();
    expect(await handle.db.select().from(users)).toHaveLength(1);
    expect(await handle.db.select().from(emailTokens)).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous sign-ups with one email win', async () => {
    const results = await Promise.allSettled([
      store.createAccount(newAccount(1, { email: 'race@example.test' })),
      store.createAccount(newAccount(2, { email: 'race@example.test' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(isDomainError(lost?.reason) && lost.reason.code).toBe('user.email_taken');
    expect(await handle.db.select().from(profiles)).toHaveLength(1);
  });

  it('updates a profile and the user locale in one go, and refuses a taken handle', async () => {
    const a = newAccount(1);
    const b = newAccount(2);
    await store.createAccount(a);
    await store.createAccount(b);
    const later = new Date(T0.getTime() + HOUR);
    const patch = { handle: 'fresh_name', bio: 'hi', preferredPairs: ['GBPUSD'], tradingStyle: 'scalper' as const };
    const updated = await store.updateProfile(a.user.id, { ...patch, locale: 'fa' }, later, audit('p', a.user.id));
    expect(updated).toEqual({ ...a.profile, ...patch, updatedAt: later });
    expect(await store.findProfileByUserId(a.user.id)).toEqual(updated);
    expect((await store.findUserById(a.user.id))?.locale).toBe('fa');

    const taken = store.updateProfile(b.user.id, { handle: 'fresh_name', locale: 'fa' }, later, audit('p', b.user.id));
    expect(await codeOf(taken)).toBe('profile.handle_taken');
    expect(await store.findProfileByUserId(b.user.id)).toEqual(b.profile);
    expect((await store.findUserById(b.user.id))?.locale).toBe('en');
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'p'))).toHaveLength(1);
  });

  it('consumes a verify token once, marking the email verified', async () => {
    const a = newAccount(1);
    await store.createAccount(a);
    const now = new Date(T0.getTime() + HOUR);
    expect(await store.consumeVerifyToken(a.verifyToken.id, a.user.id, now, audit('v', a.user.id))).toBe(true);
    expect((await store.findUserById(a.user.id))?.emailVerifiedAt).toEqual(now);
    expect((await store.findEmailToken('verify_email', a.verifyToken.tokenHash))?.usedAt).toEqual(now);
    const again = new Date(now.getTime() + HOUR);
    expect(await store.consumeVerifyToken(a.verifyToken.id, a.user.id, again, audit('v', a.user.id))).toBe(false);
    expect((await store.findUserById(a.user.id))?.emailVerifiedAt).toEqual(now);
  });

  it('lets exactly one of two simultaneous consumes of a token win', async () => {
    const a = newAccount(1);
    await store.createAccount(a);
    const consume = () => store.consumeVerifyToken(a.verifyToken.id, a.user.id, T0, audit('v', a.user.id));
    const results = await Promise.all([consume(), consume(), consume()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'v'))).toHaveLength(1);
  });

  it('resets the password once, revokes only that user’s sessions and verifies the email', async () => {
    const a = newAccount(1);
    const b = newAccount(2);
    await store.createAccount(a);
    await store.createAccount(b);
    const reset = emailToken(a.user.id, 'reset_password', 'reset-1');
    await store.insertEmailToken(reset);
    await store.insertSession(session(a.user.id, 's-a1'));
    await store.insertSession(session(a.user.id, 's-a2'));
    await store.insertSession(session(b.user.id, 's-b1'));
    const now = new Date(T0.getTime() + HOUR);
    expect(await store.consumeResetToken(reset.id, a.user.id, 'new-hash', now, audit('r', a.user.id))).toBe(true);
    const user = await store.findUserById(a.user.id);
    expect(user).toMatchObject({ passwordHash: 'new-hash', emailVerifiedAt: now });
    expect(await store.findSession('s-a1')).toBeNull();
    expect(await store.findSession('s-a2')).toBeNull();
    expect(await store.findSession('s-b1')).not.toBeNull();
    expect(await store.consumeResetToken(reset.id, a.user.id, 'other', now, audit('r', a.user.id))).toBe(false);
    expect((await store.findUserById(a.user.id))?.passwordHash).toBe('new-hash');
  });

  it('stores, finds and deletes sessions', async () => {
    const a = newAccount(1);
    await store.createAccount(a);
    const s = session(a.user.id, 'sess-1');
    await store.insertSession(s);
    expect(await store.findSession('sess-1')).toEqual(s);
    await store.deleteSession('sess-1');
    expect(await store.findSession('sess-1')).toBeNull();
  });

  it('purges only tokens and sessions that expired before the cut-off', async () => {
    const a = newAccount(1);
    await store.createAccount(a); // its verify token expires at T0 + 24 h
    await store.insertEmailToken(emailToken(a.user.id, 'reset_password', 'old', new Date(T0.getTime() - HOUR)));
    await store.insertSession(session(a.user.id, 'old-s', new Date(T0.getTime() - 1)));
    await store.insertSession(session(a.user.id, 'edge-s', T0));
    expect(await store.purgeExpired(T0)).toEqual({ tokens: 1, sessions: 1 });
    expect(await store.findSession('edge-s')).not.toBeNull();
    expect(await store.findEmailToken('verify_email', a.verifyToken.tokenHash)).not.toBeNull();
    expect(await store.purgeExpired(T0)).toEqual({ tokens: 0, sessions: 0 });
  });

  it('counts failed log-ins per email since a time', async () => {
    const email = 'who@example.test';
    const at = (min: number) => new Date(T0.getTime() + min * 60_000);
    const attempts = [
      { email, succeeded: false, at: at(-20) },
      { email, succeeded: false, at: at(-15) },
      { email, succeeded: true, at: at(-10) },
      { email, succeeded: false, at: at(-1) },
      { email: 'other@example.test', succeeded: false, at: at(-1) },
    ];
    for (const a of attempts) await store.recordLoginAttempt({ id: crypto.randomUUID(), ...a });
    expect(await store.countFailedLogins(email, at(-15))).toBe(2);
    expect(await store.countFailedLogins(email, at(-30))).toBe(3);
    expect(await store.countFailedLogins(email, at(0))).toBe(0);
  });

  it('appends audit entries with their data', async () => {
    const entry = { ...audit('admin.looked', null), data: { nested: { n: 1 }, list: ['a'] } };
    await store.appendAudit(entry);
    expect(await handle.db.select().from(auditLog)).toEqual([entry]);
  });

  it('grants a role with its audit row, and reports an unknown user', async () => {
    const a = newAccount(1);
    await store.createAccount(a);
    const grant = audit('user.role_set', a.user.id);
    expect(await store.setRole(a.user.id, 'admin', grant)).toBe(true);
    expect((await store.findUserById(a.user.id))?.role).toBe('admin');
    expect(await store.setRole('00000000-0000-7000-8000-000000000000', 'admin', audit('user.role_set', null))).toBe(
      false,
    );
    expect(await handle.db.select().from(auditLog)).toEqual([a.audit, grant]);
  });

  it('sets a plan with its audit row; new accounts are free', async () => {
    const a = newAccount(1);
    await store.createAccount(a);
    expect((await store.findUserById(a.user.id))?.plan).toBe('free');
    const grant = audit('user.plan_set', a.user.id);
    expect(await store.setPlan(a.user.id, 'pro', grant)).toBe(true);
    expect((await store.findUserById(a.user.id))?.plan).toBe('pro');
    expect(await store.setPlan('00000000-0000-7000-8000-000000000000', 'pro', audit('user.plan_set', null))).toBe(
      false,
    );
    expect(await handle.db.select().from(auditLog)).toEqual([a.audit, grant]);
  });
}

import type { AuditEntry, EmailToken, NewAccount, Session } from '@clantrader/core';
import { randomUUID } from 'node:crypto';

export const T0 = new Date('2026-01-15T10:00:00.000Z');
const HOUR = 3_600_000;

/** Fixtures for repository tests; `n` keeps emails, handles and token hashes distinct. */
export function newAccount(n: number, over: { email?: string; handle?: string } = {}): NewAccount {
  const userId = randomUUID();
  return {
    user: {
      id: userId,
      email: over.email ?? `trader${n}@example.test`,
      passwordHash: `hash-${n}`,
      role: 'user',
      plan: 'free',
      emailVerifiedAt: null,
      locale: 'en',
      timezone: 'UTC',
      createdAt: T0,
    },
    profile: {
      userId,
      handle: over.handle ?? `trader_${n}`,
      displayName: `Trader ${n}`,
      bio: '',
      avatarUrl: null,
      tradingStyle: null,
      preferredPairs: [],
      sessionPreference: null,
      updatedAt: T0,
    },
    verifyToken: emailToken(userId, 'verify_email', `verify-${n}`),
    audit: audit('user.signed_up', userId),
  };
}

export function emailToken(
  userId: string,
  purpose: EmailToken['purpose'],
  tokenHash: string,
  expiresAt = new Date(T0.getTime() + 24 * HOUR),
): EmailToken {
  return { id: randomUUID(), userId, purpose, tokenHash, expiresAt, usedAt: null, createdAt: T0 };
}

export function session(userId: string, tokenHash: string, expiresAt = new Date(T0.getTime() + HOUR)): Session {
  return { id: randomUUID(), userId, tokenHash, expiresAt, createdAt: T0 };
}

export function audit(action: string, subjectId: string | null): AuditEntry {
  return { id: randomUUID(), actorId: subjectId, action, subjectId, data: { via: 'test' }, createdAt: T0 };
}

export { HOUR };

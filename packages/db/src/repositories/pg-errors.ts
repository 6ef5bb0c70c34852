import { DomainError } from '@clantrader/core';

/** Unique constraints whose violation is a user-facing outcome, not a bug. */
const UNIQUE_TO_DOMAIN = {
  users_email_unique: () => new DomainError('user.email_taken', 'An account with this email already exists'),
  profiles_handle_unique: () => new DomainError('profile.handle_taken', 'This handle is already taken'),
} as const;

type PgErrorFields = { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };

/**
 * The constraint a unique violation (SQLSTATE 23505) hit, or null for any other error.
 * Drivers and drizzle wrap errors differently (DrizzleQueryError keeps the driver error in
 * `cause`), so the whole cause chain is searched.
 */
export function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const fields = e as PgErrorFields;
    if (fields.code === '23505') {
      if (typeof fields.constraint === 'string') return fields.constraint;
      const m = typeof fields.message === 'string' ? /unique constraint "([^"]+)"/.exec(fields.message) : null;
      return m?.[1] ?? '';
    }
    e = fields.cause;
  }
  return null;
}

/** Re-throws a known unique violation as its DomainError and anything else unchanged. */
export function rethrowAsDomainError(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint !== null && constraint in UNIQUE_TO_DOMAIN) {
    throw UNIQUE_TO_DOMAIN[constraint as keyof typeof UNIQUE_TO_DOMAIN]();
  }
  throw error;
}

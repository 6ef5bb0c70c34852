import { DomainError } from '../shared/domain-error';

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  'iloveyou',
  'letmein123',
  'trustno1',
  'welcome123',
  'football1',
  'clantrader',
  'clantrader1',
  'abcdefghij',
  '0123456789',
  '1111111111',
  'qwerty12345',
]);

/**
 * Semantic strength rules on top of the length check in `PasswordSchema`: at least two
 * kinds of characters, not a well-known password, and not built from the user's own
 * email or handle. Messages say what to change.
 * @throws DomainError `auth.weak_password`
 */
export function assertStrongPassword(password: string, personal: { email: string; handle?: string }): void {
  const fail = (message: string): never => {
    throw new DomainError('auth.weak_password', message, { fields: [{ path: 'password', message }] });
  };
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) fail('This password is too common; choose another');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  const hasNonLatin = /[^\u0000-\u007f]/.test(password);
  if (classes < 2 && !hasNonLatin) fail('Use at least two of: lowercase, uppercase, digits, symbols');
  if (new Set(password).size < 4) fail('Password repeats too few different characters');
  const local = personal.email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) fail('Password must not contain your email name');
  if (personal.handle && personal.handle.length >= 4 && lower.includes(personal.handle.toLowerCase())) {
    fail('Password must not contain your handle');
  }
}

import { describe, expect, it } from 'vitest';
import { fakeAccountDeps, tokenFromLink } from '../testing';
import { SignUpSchema } from './model';
import { signUp } from './sign-up';
import { verifyEmail } from './verify-email';
import { logIn } from './log-in';

const input = () =>
  SignUpSchema.parse({
    email: 'Sara@Example.com',
    password: 'gold-and-4-pips',
    handle: 'sara_fx',
    displayName: 'Sara',
  });

describe('signUp', () => {
  it('creates an unverified account and mails a verification link', async () => {
    const { deps, store, mailer } = fakeAccountDeps();
    const { userId } = await signUp(deps, input());
    expect(store.users.get(userId)?.email).toBe('sara@example.com');
    expect(store.users.get(userId)?.emailVerifiedAt).toBeNull();
    expect(mailer.lastLinkTo('sara@example.com')).toMatch(/^http:\/\/app\.test\/verify-email\?token=/);
  });

  it('rejects a second account with the same email, whatever its case', async () => {
    const { deps, store } = fakeAccountDeps();
    await signUp(deps, input());
    await expect(signUp(deps, { ...input(), handle: 'other' })).rejects.toMatchObject({ code: 'user.email_taken' });
    expect(store.users.size).toBe(1);
  });

  it('rejects a taken handle and writes nothing', async () => {
    const { deps, store } = fakeAccountDeps();
    await signUp(deps, input());
    await expect(signUp(deps, { ...input(), email: 'b@example.com' })).rejects.toMatchObject({
      code: 'profile.handle_taken',
    });
    expect(store.users.size).toBe(1);
  });

  it.each(['password123', 'aaaaaaaaaaaa', 'sara_fx-2024!', 'abcdefghijk'])(
    'rejects the weak password %s',
    async (pw) => {
      const { deps, store } = fakeAccountDeps();
      await expect(signUp(deps, { ...input(), password: pw })).rejects.toMatchObject({ code: 'auth.weak_password' });
      expect(store.users.size).toBe(0);
    },
  );
});

describe('verifyEmail', () => {
  it('verifies once and refuses the same link again', async () => {
    const { deps, store, mailer } = fakeAccountDeps();
    const { userId } = await signUp(deps, input());
    const token = tokenFromLink(mailer.lastLinkTo('sara@example.com'));
    await verifyEmail(deps, { token });
    expect(store.users.get(userId)?.emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail(deps, { token })).rejects.toMatchObject({ code: 'auth.token_used' });
  });

  it('refuses an expired link', async () => {
    const { deps, clock, mailer } = fakeAccountDeps();
    await signUp(deps, input());
    const token = tokenFromLink(mailer.lastLinkTo('sara@example.com'));
    clock.advance(24 * 60 * 60 * 1000 + 1);
    await expect(verifyEmail(deps, { token })).rejects.toMatchObject({ code: 'auth.token_expired' });
  });

  it('refuses an unknown link', async () => {
    const { deps } = fakeAccountDeps();
    await expect(verifyEmail(deps, { token: 'x'.repeat(30) })).rejects.toMatchObject({ code: 'auth.token_invalid' });
  });
});

describe('logIn', () => {
  async function verifiedUser() {
    const f = fakeAccountDeps();
    await signUp(f.deps, input());
    const token = tokenFromLink(f.mailer.lastLinkTo('sara@example.com'));
    await verifyEmail(f.deps, { token });
    return f;
  }

  it('refuses an unverified account', async () => {
    const { deps } = fakeAccountDeps();
    await signUp(deps, input());
    await expect(logIn(deps, { email: 'sara@example.com', password: 'gold-and-4-pips' })).rejects.toMatchObject({
      code: 'auth.email_unverified',
    });
  });

  it('throttles the eleventh attempt after ten failures within 15 minutes, even with the right password', async () => {
    const { deps, clock } = await verifiedUser();
    for (let i = 0; i < 10; i++) {
      await expect(logIn(deps, { email: 'sara@example.com', password: 'wrong-guess-1' })).rejects.toMatchObject({
        code: 'auth.invalid_credentials',
      });
      clock.advance(60_000);
    }
    await expect(logIn(deps, { email: 'sara@example.com', password: 'gold-and-4-pips' })).rejects.toMatchObject({
      code: 'auth.throttled',
    });
    clock.advance(15 * 60_000);
    await expect(logIn(deps, { email: 'sara@example.com', password: 'gold-and-4-pips' })).resolves.toHaveProperty(
      'sessionToken',
    );
  });
});

import { expect, it } from 'vitest';
import {
  call,
  countRows,
  createAccount,
  expectProblem,
  logIn,
  newIdentity,
  newIp,
  type ApiTestClient,
} from './api-client';

/** Bad input is refused with a stable code and never reaches the database. */
export function defineGuardTests(client: () => ApiTestClient): void {
  it('refuses bad sign-ups with stable codes and writes nothing', async () => {
    const taken = await createAccount(client(), { verified: false });
    const who = newIdentity();
    const before = await countRows(client());
    const cases: [unknown, CallOptionsLite, number, string, string?][] = [
      [{ ...who, email: taken.email.toUpperCase() }, {}, 409, 'user.email_taken', 'email'],
      [{ ...who, handle: taken.handle }, {}, 409, 'profile.handle_taken', 'handle'],
      [{ ...who, password: 'password123' }, {}, 422, 'auth.weak_password', 'password'],
      [{ ...who, handle: 'Bad Handle!' }, {}, 422, 'validation.failed', 'handle'],
      [{ ...who, isAdmin: true }, {}, 422, 'validation.failed', 'isAdmin'],
      [{ ...who, email: 'not-an-email' }, {}, 422, 'validation.failed', 'email'],
      [undefined, { raw: '{"email": "a@b.test", ' }, 400, 'request.malformed'],
      [undefined, { raw: JSON.stringify({ ...who, bio: 'x'.repeat(70 * 1024) }) }, 413, 'request.too_large'],
      [{}, {}, 422, 'validation.failed', 'email'],
    ];
    for (const [body, extra, status, code, path] of cases) {
      const res = await call(client(), 'POST', '/auth/signup', { body, ...extra });
      const problem = expectProblem(res, status, code);
      if (path) expect(problem.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
    }
    expect(await countRows(client())).toEqual(before);
    expect((await call(client(), 'POST', '/auth/signup', { body: who })).status).toBe(201);
  });

  it('refuses a profile patch with unknown or invalid fields and leaves the profile as it was', async () => {
    const session = await logIn(client(), await createAccount(client()));
    const before = await call(client(), 'GET', '/me', { token: session });
    for (const body of [{ bio: 'x', role: 'admin' }, { handle: 'NO SPACES' }, { avatarUrl: 'javascript:alert(1)' }]) {
      expectProblem(await call(client(), 'PATCH', '/me/profile', { token: session, body }), 422, 'validation.failed');
    }
    expectProblem(
      await call(client(), 'PATCH', '/me/profile', { token: session, raw: '{bio:' }),
      400,
      'request.malformed',
    );
    expect((await call(client(), 'GET', '/me', { token: session })).body).toEqual(before.body);
  });

  it('refuses a handle already taken by someone else on patch', async () => {
    const other = await createAccount(client());
    const session = await logIn(client(), await createAccount(client()));
    const res = await call(client(), 'PATCH', '/me/profile', { token: session, body: { handle: other.handle } });
    expectProblem(res, 409, 'profile.handle_taken');
  });

  it('throttles an email after ten failed log-ins, even with the right password', async () => {
    const who = await createAccount(client());
    const ip = newIp();
    for (let i = 0; i < 10; i++) {
      const res = await call(client(), 'POST', '/auth/login', {
        ip,
        body: { email: who.email, password: 'Wrong-pass-1' },
      });
      expectProblem(res, 401, 'auth.invalid_credentials');
    }
    const eleventh = await call(client(), 'POST', '/auth/login', {
      ip,
      body: { email: who.email, password: who.password },
    });
    expectProblem(eleventh, 429, 'auth.throttled');
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rate-limits the auth endpoints per client IP', async () => {
    const ip = newIp();
    for (let i = 0; i < 20; i++) {
      expectProblem(await call(client(), 'POST', '/auth/signup', { ip, body: {} }), 422, 'validation.failed');
    }
    const limited = await call(client(), 'POST', '/auth/signup', { ip, body: {} });
    expectProblem(limited, 429, 'rate.limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expectProblem(await call(client(), 'POST', '/auth/signup', { ip: newIp(), body: {} }), 422, 'validation.failed');
  });
}

type CallOptionsLite = { raw?: string };

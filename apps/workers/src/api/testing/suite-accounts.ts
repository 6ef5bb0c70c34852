import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, latestToken, logIn, newIdentity, type ApiTestClient } from './api-client';

/** Happy paths of docs/api.md, end to end through HTTP and the database. */
export function defineAccountTests(client: () => ApiTestClient): void {
  it('reports health with the database state and version', async () => {
    const res = await call(client(), 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'ok', version: expect.any(String) });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('echoes a sane incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await call(client(), 'GET', '/health', { headers: { 'x-request-id': 'req-123.abc' } });
    expect(kept.headers.get('x-request-id')).toBe('req-123.abc');
    const replaced = await call(client(), 'GET', '/health', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._:-]+$/);
  });

  it('signs up, mails a link, verifies, logs in, reads and edits the profile', async () => {
    const who = newIdentity();
    const signed = await call(client(), 'POST', '/auth/signup', {
      body: { ...who, locale: 'fa', timezone: 'Asia/Tehran' },
    });
    expect(signed.status).toBe(201);
    expect(signed.body).toEqual({ userId: expect.any(String) });

    const early = await call(client(), 'POST', '/auth/login', { body: { email: who.email, password: who.password } });
    expectProblem(early, 403, 'auth.email_unverified');

    const token = await latestToken(client(), who.email);
    const verified = await call(client(), 'POST', '/auth/verify-email', { body: { token } });
    expect(verified).toMatchObject({ status: 200, body: { userId: signed.body?.userId } });
    expectProblem(await call(client(), 'POST', '/auth/verify-email', { body: { token } }), 409, 'auth.token_used');

    const login = await call(client(), 'POST', '/auth/login', {
      body: { email: who.email.toUpperCase(), password: who.password },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      sessionToken: expect.any(String),
      expiresAt: expect.any(String),
      user: {
        email: who.email,
        emailVerified: true,
        locale: 'fa',
        timezone: 'Asia/Tehran',
        profile: { handle: who.handle },
      },
    });
    expect(login.body?.user).not.toHaveProperty('passwordHash');
    const session = String(login.body?.sessionToken);

    const me = await call(client(), 'GET', '/me', { token: session });
    expect(me).toMatchObject({ status: 200, body: { id: signed.body?.userId, email: who.email } });

    const patch = { bio: 'Gold scalper', preferredPairs: ['xauusd', 'EURUSD'], tradingStyle: 'scalper' };
    const edited = await call(client(), 'PATCH', '/me/profile', { token: session, body: patch });
    expect(edited.status).toBe(200);
    expect(edited.body?.profile).toMatchObject({ bio: 'Gold scalper', preferredPairs: ['XAUUSD', 'EURUSD'] });

    const pub = await call(client(), 'GET', `/profiles/${who.handle}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ handle: who.handle, displayName: who.displayName, bio: 'Gold scalper' });
    expect(pub.body).not.toHaveProperty('email');
    expect(pub.body).not.toHaveProperty('userId');
  });

  it('accepts the session from the ct_session cookie, and requires JSON for cookie writes', async () => {
    const session = await logIn(client(), await createAccount(client()));
    expect((await call(client(), 'GET', '/me', { cookie: session })).status).toBe(200);
    const form = await call(client(), 'PATCH', '/me/profile', {
      cookie: session,
      raw: 'bio=x',
      contentType: 'text/plain',
    });
    expectProblem(form, 403, 'auth.forbidden');
    const json = await call(client(), 'PATCH', '/me/profile', { cookie: session, body: { bio: 'via cookie' } });
    expect(json).toMatchObject({ status: 200, body: { profile: { bio: 'via cookie' } } });
  });

  it('ends the session on logout', async () => {
    const session = await logIn(client(), await createAccount(client()));
    const out = await call(client(), 'POST', '/auth/logout', { token: session });
    expect(out.status).toBe(204);
    expect(out.headers.get('x-request-id')).toBeTruthy();
    expectProblem(await call(client(), 'GET', '/me', { token: session }), 401, 'auth.unauthenticated');
    expectProblem(await call(client(), 'POST', '/auth/logout'), 401, 'auth.unauthenticated');
  });

  it('resets a password once, revokes old sessions, and rejects reused, expired and unknown tokens', async () => {
    const who = await createAccount(client());
    const oldSession = await logIn(client(), who);
    const unknown = await call(client(), 'POST', '/auth/password-reset/request', { body: { email: `x${who.email}` } });
    expect(unknown).toMatchObject({ status: 202, body: null });
    expect((await call(client(), 'POST', '/auth/password-reset/request', { body: { email: who.email } })).status).toBe(
      202,
    );
    const token = await latestToken(client(), who.email);

    const weak = await call(client(), 'POST', '/auth/password-reset/complete', {
      body: { token, password: 'aaaaaaaaaa' },
    });
    expect(expectProblem(weak, 422, 'auth.weak_password').errors).toEqual([
      { path: 'password', message: expect.any(String) },
    ]);

    const done = await call(client(), 'POST', '/auth/password-reset/complete', {
      body: { token, password: 'New-pass-2026!' },
    });
    expect(done).toMatchObject({ status: 200, body: { userId: who.userId } });
    expectProblem(await call(client(), 'GET', '/me', { token: oldSession }), 401, 'auth.unauthenticated');
    const again = await call(client(), 'POST', '/auth/password-reset/complete', {
      body: { token, password: 'Other-pass-2026!' },
    });
    expectProblem(again, 409, 'auth.token_used');
    const oldPw = await call(client(), 'POST', '/auth/login', { body: { email: who.email, password: who.password } });
    expectProblem(oldPw, 401, 'auth.invalid_credentials');
    await logIn(client(), { email: who.email, password: 'New-pass-2026!' });

    await call(client(), 'POST', '/auth/password-reset/request', { body: { email: who.email } });
    const stale = await latestToken(client(), who.email);
    await client().query(
      `update email_tokens set expires_at = now() - interval '1 minute' where used_at is null and user_id = '${who.userId}'`,
    );
    const expired = await call(client(), 'POST', '/auth/password-reset/complete', {
      body: { token: stale, password: 'Later-pass-2026!' },
    });
    expectProblem(expired, 410, 'auth.token_expired');
    const bogus = await call(client(), 'POST', '/auth/password-reset/complete', {
      body: { token: 'x'.repeat(43), password: 'Later-pass-2026!' },
    });
    expectProblem(bogus, 400, 'auth.token_invalid');
  });

  it('issues room tickets to signed-in users only', async () => {
    const session = await logIn(client(), await createAccount(client()));
    const ticket = await call(client(), 'POST', '/rooms/ticket', { token: session, body: { room: 'clan:42' } });
    expect(ticket).toMatchObject({
      status: 200,
      body: { ticket: expect.stringMatching(/^[\w-]+\.[\w-]+$/), expiresAt: expect.any(String) },
    });
    expectProblem(
      await call(client(), 'POST', '/rooms/ticket', { body: { room: 'clan:42' } }),
      401,
      'auth.unauthenticated',
    );
    const bad = await call(client(), 'POST', '/rooms/ticket', { token: session, body: { room: '../etc' } });
    expect(expectProblem(bad, 422, 'validation.failed').errors).toEqual([
      { path: 'room', message: expect.any(String) },
    ]);
  });

  it('answers 404 problems for unknown profiles and routes', async () => {
    expectProblem(await call(client(), 'GET', '/profiles/nobody_here_123'), 404, 'profile.not_found');
    expectProblem(await call(client(), 'GET', '/no-such-route'), 404, 'request.not_found');
    const outside = await client().fetch(new Request('http://api.test/elsewhere'));
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
}

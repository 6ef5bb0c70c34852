import { describe, expect, it } from 'vitest';
import { ApiError, apiFetch, forwardToApi, parseProblem } from './api';

function problem(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

describe('parseProblem', () => {
  it('reads code, detail and field errors from problem+json', async () => {
    const error = await parseProblem(
      problem(422, {
        type: 'https://clantrader.app/problems/auth.weak_password',
        title: 'Weak password',
        status: 422,
        detail: 'Use at least two of: …',
        code: 'auth.weak_password',
        requestId: 'r1',
        errors: [{ path: 'password', message: 'Too weak' }],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'auth.weak_password',
      detail: 'Use at least two of: …',
      fields: [{ path: 'password', message: 'Too weak' }],
    });
  });

  it('joins array paths and keeps Retry-After', async () => {
    const error = await parseProblem(
      problem(
        429,
        { code: 'rate.limited', errors: [{ path: ['preferredPairs', 2], message: 'Bad' }] },
        { 'Retry-After': '30' },
      ),
    );
    expect(error.fields).toEqual([{ path: 'preferredPairs.2', message: 'Bad' }]);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('derives a code from the status when the body is not JSON', async () => {
    const notFound = await parseProblem(new Response('', { status: 404, statusText: 'Not Found' }));
    expect(notFound).toMatchObject({ status: 404, code: 'request.not_found', fields: [] });
    const badGateway = await parseProblem(new Response('<html>502</html>', { status: 502 }));
    expect(badGateway.code).toBe('server.error');
  });
});

describe('apiFetch', () => {
  function fakeEvent(api: (request: Request) => Promise<Response>, apiToken: string | null) {
    return {
      url: new URL('https://web.example/settings/profile'),
      platform: { env: { API: { fetch: api } } },
      locals: { apiToken },
      request: new Request('https://web.example/settings/profile', { headers: { 'Accept-Language': 'fa' } }),
      getClientAddress: () => '203.0.113.7',
    };
  }

  it('sends the session as a bearer token and JSON bodies through the service binding', async () => {
    const seen: Request[] = [];
    const event = fakeEvent(async (request) => {
      seen.push(request);
      return Response.json({ ok: true });
    }, 'tok_123');
    await apiFetch(event, '/me/profile', { method: 'PATCH', json: { bio: 'hi' } });
    const request = seen[0]!;
    expect(request.url).toBe('https://web.example/api/v1/me/profile');
    expect(request.headers.get('authorization')).toBe('Bearer tok_123');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('x-forwarded-for')).toBe('203.0.113.7');
    expect(await request.json()).toEqual({ bio: 'hi' });
  });

  it('sends no token when told not to, and throws ApiError on problem answers', async () => {
    let auth: string | null = 'unset';
    const event = fakeEvent(async (request) => {
      auth = request.headers.get('authorization');
      return problem(401, { code: 'auth.invalid_credentials', detail: 'Nope' });
    }, 'tok_123');
    await expect(apiFetch(event, '/auth/login', { method: 'POST', json: {}, token: null })).rejects.toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
    });
    expect(auth).toBeNull();
  });
});

describe('forwardToApi', () => {
  function browserEvent(path: string, init: RequestInit, api?: (request: Request) => Promise<Response>) {
    const url = new URL(`https://web.example${path}`);
    return {
      url,
      platform: api ? { env: { API: { fetch: api } } } : {},
      locals: { apiToken: null },
      request: new Request(url, init),
      getClientAddress: () => '203.0.113.7',
    };
  }

  it('passes a browser upload to the API binding as is: cookie, type, name and bytes', async () => {
    const seen: Request[] = [];
    const event = browserEvent(
      '/api/v1/statements',
      {
        method: 'POST',
        headers: { cookie: 'ct_session=abc', 'content-type': 'application/octet-stream', 'x-file-name': 'a%20b.htm' },
        body: new Uint8Array([1, 2, 3]),
      },
      async (request) => {
        seen.push(request);
        return Response.json({ statementId: 's1' }, { status: 202 });
      },
    );
    const response = await forwardToApi(event);
    expect(response?.status).toBe(202);
    const request = seen[0]!;
    expect(request.url).toBe('https://web.example/api/v1/statements');
    expect(request.headers.get('cookie')).toBe('ct_session=abc');
    expect(request.headers.get('content-type')).toBe('application/octet-stream');
    expect(request.headers.get('x-file-name')).toBe('a%20b.htm');
    expect(new Uint8Array(await request.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('leaves pages alone, and never forwards to itself when no separate API exists', async () => {
    const api = async () => new Response('no');
    expect(await forwardToApi(browserEvent('/statements', {}, api))).toBeNull();
    expect(await forwardToApi(browserEvent('/api/v1/statements', { method: 'GET' }))).toBeNull();
  });
});

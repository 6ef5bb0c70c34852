import { expect } from 'vitest';

/**
 * What the shared API suite needs from a runtime: a way to send a request to the API
 * (in-process Hono, or the Worker in workerd) and SQL access to the same database for
 * setup (expiring a token) and for proving that rejected requests wrote nothing.
 */
export type ApiTestClient = {
  fetch(request: Request): Promise<Response>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** Room evictions the API asked for, where the runtime can record them (Node). */
  evictions?: () => { party: string; room: string; userId: string; reason: string }[];
};

export type CallOptions = {
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  raw?: string;
  token?: string;
  cookie?: string;
  ip?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
};

export type CallResult = { status: number; headers: Headers; body: Record<string, unknown> | null };

/** A fresh client IP per test keeps the per-IP limits of one test from touching another. */
export function newIp(): string {
  const b = crypto.getRandomValues(new Uint8Array(3));
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** Unique, valid email and handle for one test account. */
export function newIdentity(): { email: string; handle: string; password: string; displayName: string } {
  const tag = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  return { email: `t${tag}@example.test`, handle: `t_${tag}`, password: 'Str0ng-pass-phrase', displayName: `T ${tag}` };
}

export async function call(client: ApiTestClient, method: string, path: string, o: CallOptions = {}) {
  const headers = new Headers(o.headers);
  const ip = o.ip ?? newIp();
  headers.set('cf-connecting-ip', ip);
  headers.set('x-forwarded-for', ip);
  if (o.token) headers.set('authorization', `Bearer ${o.token}`);
  if (o.cookie) headers.set('cookie', `ct_session=${o.cookie}`);
  const body = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  if (o.contentType !== null && (body !== undefined || o.contentType)) {
    headers.set('content-type', o.contentType ?? 'application/json');
  }
  const res = await client.fetch(
    new Request(`http://api.test/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  return { status: res.status, headers: res.headers, body: parsed as Record<string, unknown> | null };
}

/** Asserts the RFC 9457 shape every error shares, and returns the problem body. */
export function expectProblem(res: CallResult, status: number, code: string): Record<string, unknown> {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const requestId = res.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  expect(res.body).toMatchObject({ status, code, requestId, type: `https://clantrader.app/problems/${code}` });
  expect(typeof res.body?.title).toBe('string');
  expect(typeof res.body?.detail).toBe('string');
  return res.body ?? {};
}

/** The token in the newest outbox mail to `email`, read through `/dev/outbox`. */
export async function latestToken(client: ApiTestClient, email: string): Promise<string> {
  const res = await call(client, 'GET', '/dev/outbox?limit=500');
  expect(res.status).toBe(200);
  const messages = (res.body?.messages ?? []) as { to: string; text: string; createdAt: string; id: string }[];
  const mine = messages
    .filter((m) => m.to === email)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const token = mine[0]?.text.match(/[?&]token=([^&\s]+)/)?.[1];
  if (!token) throw new Error(`no mail with a token to ${email}`);
  return decodeURIComponent(token);
}

/** Signs up (and optionally verifies) a fresh account; returns its credentials. */
export async function createAccount(client: ApiTestClient, opts: { verified?: boolean } = {}) {
  const who = newIdentity();
  const res = await call(client, 'POST', '/auth/signup', { body: who });
  expect(res.status).toBe(201);
  const userId = String(res.body?.userId);
  if (opts.verified !== false) {
    const verified = await call(client, 'POST', '/auth/verify-email', {
      body: { token: await latestToken(client, who.email) },
    });
    expect(verified.status).toBe(200);
  }
  return { ...who, userId };
}

export async function logIn(client: ApiTestClient, who: { email: string; password: string }): Promise<string> {
  const res = await call(client, 'POST', '/auth/login', { body: { email: who.email, password: who.password } });
  expect(res.status).toBe(200);
  return String(res.body?.sessionToken);
}

/** A new verified account, logged in: what most suites start from. */
export async function signedInTrader(client: ApiTestClient) {
  const who = await createAccount(client);
  return { ...who, token: await logIn(client, who) };
}
export type SignedInTrader = Awaited<ReturnType<typeof signedInTrader>>;

export type SseEvent = { event: string; data: Record<string, unknown> };

/**
 * POSTs JSON to an answer stream of the API (`/ai/ask`, the clan assistants) from a fresh
 * client IP; on 200 the Server-Sent Events of the answer, otherwise the problem body.
 */
export async function postForEvents(client: ApiTestClient, token: string, path: string, body: unknown) {
  const ip = newIp();
  const res = await client.fetch(
    new Request(`http://api.test/api/v1${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'cf-connecting-ip': ip,
        'x-forwarded-for': ip,
      },
      body: JSON.stringify(body),
    }),
  );
  const text = await res.text();
  if (res.status !== 200)
    return {
      status: res.status,
      headers: res.headers,
      problem: JSON.parse(text) as Record<string, unknown>,
      events: [],
    };
  const events: SseEvent[] = text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>,
    }));
  return { status: res.status, headers: res.headers, problem: null, events };
}

/** Row counts of every table a sign-up writes; equal before and after = nothing written. */
export async function countRows(client: ApiTestClient): Promise<Record<string, number>> {
  const tables = ['users', 'profiles', 'email_tokens', 'sessions', 'audit_log', 'dev_outbox'];
  const rows = await client.query(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`);
  return Object.fromEntries(tables.map((t) => [t, Number(rows[0]?.[t])]));
}

/** drizzle's `execute` answers `{ rows }` on pg, Neon and PGlite alike. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as Record<string, unknown>[];
  }
  throw new Error('unexpected execute() result');
}

/**
 * For tests that put rows on a season's board directly in SQL: a `with` clause creating a
 * ready board when the season has none, and the expression naming the current board.
 */
export function seasonBoardSql(seasonId: string): { with: string; board: string } {
  const ready = `from leaderboard_boards where season_id = '${seasonId}' and ready`;
  return {
    with: `with new_board as (insert into leaderboard_boards (season_id, ready, created_at)
      select '${seasonId}', true, now() where not exists (select 1 ${ready}) returning id)`,
    board: `coalesce((select id from new_board), (select max(id) ${ready}))`,
  };
}

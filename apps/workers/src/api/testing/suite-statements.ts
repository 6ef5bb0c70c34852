import { buildSyntheticStatement } from '@clantrader/core/testing';
import { expect, it } from 'vitest';
import { call, createAccount, expectProblem, logIn, newIp, type ApiTestClient, type CallResult } from './api-client';

/** A real MetaTrader export, when the runtime can read the corpus (Node); workerd uses synthetic ones. */
export type CorpusStatement = { fileName: string; bytes: Uint8Array };

/** Sends raw bytes as a statement upload. */
export async function upload(
  client: ApiTestClient,
  token: string | undefined,
  bytes: Uint8Array,
  o: { fileName?: string; contentType?: string } = {},
): Promise<CallResult> {
  const headers = new Headers({
    'content-type': o.contentType ?? 'application/octet-stream',
    'cf-connecting-ip': newIp(),
  });
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (o.fileName) headers.set('x-file-name', encodeURIComponent(o.fileName));
  const res = await client.fetch(
    new Request('http://api.test/api/v1/statements', {
      method: 'POST',
      headers,
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

/** Polls the statement until the background job has processed it (queues run async). */
export async function waitProcessed(
  client: ApiTestClient,
  token: string,
  id: string,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 150; i++) {
    const res = await call(client, 'GET', `/statements/${id}`, { token });
    expect(res.status).toBe(200);
    if (res.body?.status !== 'pending') return res.body ?? {};
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`statement ${id} was not processed in 15 s`);
}

async function trader(client: ApiTestClient, role: 'user' | 'admin' = 'user') {
  const who = await createAccount(client);
  if (role === 'admin') await client.query(`update users set role = 'admin' where id = '${who.userId}'`);
  return { ...who, token: await logIn(client, who) };
}

/** A synthetic statement with an account login no other test uses (the database is shared). */
const fresh = (o: { tamper?: boolean } = {}) =>
  buildSyntheticStatement({ ...o, login: String(10_000_000 + Math.floor(Math.random() * 89_999_999)) });

/** Statement upload, background processing, review and public stats. */
export function defineStatementTests(client: () => ApiTestClient, corpus?: CorpusStatement): void {
  it('uploads a consistent statement, verifies it in the background and shows public stats', async () => {
    const me = await trader(client());
    const res = await upload(client(), me.token, fresh(), { fileName: 'C:\\reports\\<b>Statement<b>.htm' });
    expect(res.status).toBe(202);
    const id = String(res.body?.statementId);
    expect(res.headers.get('location')).toBe(`/api/v1/statements/${id}`);
    const done = await waitProcessed(client(), me.token, id);
    expect(done).toMatchObject({
      id,
      status: 'verified',
      label: 'self_reported',
      findings: [],
      fileName: 'bStatementb.htm',
    });
    expect(done).not.toHaveProperty('blobKey');
    expect((done.report as { figures: unknown[] }).figures).toContainEqual({
      key: 'totalNetProfit',
      stated: '58.00',
      computed: '58.00',
    });

    const mine = await call(client(), 'GET', '/statements', { token: me.token });
    expect(mine.body).toMatchObject({
      items: [{ id, status: 'verified', findingCount: 0 }],
      nextCursor: null,
      reverificationDue: false,
    });
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');

    const stats = await call(client(), 'GET', `/profiles/${me.handle}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      handle: me.handle,
      verified: true,
      badge: { label: 'self_reported' },
      instruments: ['EURUSD'],
    });
    const [account] = stats.body?.accounts as Record<string, unknown>[];
    expect(account).toMatchObject({ statementId: id, currency: 'USD', stats: { tradeCount: 5, netProfit: 5800 } });
    expect((account?.balanceCurve as unknown[]).length).toBe(6);
    expect(account?.monthlyReturns).toEqual([expect.objectContaining({ month: '2026-01', profit: 5800 })]);
  });

  if (corpus) {
    it(`verifies a real MetaTrader export (${corpus.fileName})`, async () => {
      const me = await trader(client());
      const res = await upload(client(), me.token, corpus.bytes, { fileName: corpus.fileName });
      expect(res.status).toBe(202);
      const done = await waitProcessed(client(), me.token, String(res.body?.statementId));
      expect(done).toMatchObject({ status: 'verified', findings: [] });
      const stats = await call(client(), 'GET', `/profiles/${me.handle}/stats`);
      expect(stats.body).toMatchObject({ verified: true });
    });
  }

  it('sends a tampered statement to review; only an admin may decide, and a rejection needs a reason', async () => {
    const owner = await trader(client());
    const res = await upload(client(), owner.token, fresh({ tamper: true }), { fileName: 'edited.htm' });
    const id = String(res.body?.statementId);
    const seen = await waitProcessed(client(), owner.token, id);
    expect(seen.status).toBe('needs_review');
    expect((seen.findings as { code: string }[]).map((f) => f.code)).toContain('summary_mismatch');
    expect((await call(client(), 'GET', `/profiles/${owner.handle}/stats`)).body).toMatchObject({
      verified: false,
      accounts: [],
    });

    expectProblem(await call(client(), 'GET', '/admin/statements', { token: owner.token }), 403, 'auth.forbidden');
    const review = (token: string, body: unknown) =>
      call(client(), 'POST', `/admin/statements/${id}/review`, { token, body });
    expectProblem(await review(owner.token, { decision: 'approve' }), 403, 'auth.forbidden');

    const admin = await trader(client(), 'admin');
    const queue = await call(client(), 'GET', '/admin/statements?status=needs_review&limit=100', {
      token: admin.token,
    });
    expect((queue.body?.items as { id: string }[]).map((s) => s.id)).toContain(id);
    expect((await call(client(), 'GET', `/statements/${id}`, { token: admin.token })).status).toBe(200);
    const missing = expectProblem(await review(admin.token, { decision: 'reject' }), 422, 'validation.failed');
    expect(missing.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const done = await review(admin.token, { decision: 'reject', reason: 'Totals do not match the trades' });
    expect(done.body).toMatchObject({
      id,
      status: 'rejected',
      rejectReason: 'Totals do not match the trades',
      review: { decision: 'reject' },
    });
    expectProblem(await review(admin.token, { decision: 'approve' }), 409, 'statement.not_reviewable');
    const after = await call(client(), 'GET', `/statements/${id}`, { token: owner.token });
    expect(after.body).toMatchObject({ status: 'rejected', rejectReason: 'Totals do not match the trades' });
  });

  it('refuses oversize, garbage, empty and mistyped uploads with stable codes and stores nothing', async () => {
    const me = await trader(client());
    expectProblem(await upload(client(), me.token, new Uint8Array(10 * 1024 * 1024 + 1)), 413, 'statement.too_large');
    expectProblem(
      await upload(client(), me.token, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3])),
      415,
      'statement.unsupported_format',
    );
    expectProblem(
      await upload(client(), me.token, new TextEncoder().encode('just some text')),
      415,
      'statement.unsupported_format',
    );
    expectProblem(await upload(client(), me.token, new Uint8Array()), 422, 'statement.malformed');
    expectProblem(
      await upload(client(), me.token, fresh(), { contentType: 'text/html' }),
      415,
      'statement.unsupported_format',
    );
    expectProblem(await upload(client(), undefined, fresh()), 401, 'auth.unauthenticated');
    const rows = await client().query(`select count(*)::int as n from statements where user_id = '${me.userId}'`);
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('shows a statement to its owner and admins only, and pages the owner’s list', async () => {
    const me = await trader(client());
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push(String((await upload(client(), me.token, fresh())).body?.statementId));
    const stranger = await trader(client());
    expectProblem(
      await call(client(), 'GET', `/statements/${ids[0]}`, { token: stranger.token }),
      404,
      'statement.not_found',
    );
    expectProblem(
      await call(client(), 'GET', '/statements/not-a-uuid', { token: me.token }),
      404,
      'statement.not_found',
    );
    const first = await call(client(), 'GET', '/statements?limit=1', { token: me.token });
    expect(first.body).toMatchObject({ items: [{ id: ids[1] }] });
    const next = await call(client(), 'GET', `/statements?limit=1&cursor=${String(first.body?.nextCursor)}`, {
      token: me.token,
    });
    expect(next.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    expectProblem(await call(client(), 'GET', '/profiles/nobody_here_x/stats'), 404, 'profile.not_found');
  });
}

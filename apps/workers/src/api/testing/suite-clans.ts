import { buildSyntheticStatement } from '@clantrader/core/testing';
import { expect, it } from 'vitest';
import {
  call,
  expectProblem,
  seasonBoardSql,
  type ApiTestClient,
  signedInTrader,
  type SignedInTrader,
} from './api-client';
import { upload, waitProcessed } from './suite-statements';

type Trader = SignedInTrader;
const trader = signedInTrader;

/** A name no other test (the database is shared) uses. */
const uniqueName = (prefix = 'Clan') => `${prefix} ${crypto.randomUUID().slice(0, 8)}`;

async function newClan(client: ApiTestClient, leader: Trader, body: Record<string, unknown> = {}) {
  const res = await call(client, 'POST', '/clans', {
    token: leader.token,
    body: { name: uniqueName(), tradingFocus: 'forex', privacy: 'open', ...body },
  });
  expect(res.status).toBe(201);
  return String(res.body?.id);
}

/** Uploads a synthetic statement and waits until it is verified. */
async function verifyTrader(client: ApiTestClient, t: Trader, profits?: number[]): Promise<void> {
  const login = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const res = await upload(client, t.token, buildSyntheticStatement({ login, ...(profits ? { profits } : {}) }));
  expect(res.status).toBe(202);
  expect((await waitProcessed(client, t.token, String(res.body?.statementId))).status).toBe('verified');
}

/** Clan life through the HTTP API (docs/clans.md). */
export function defineClanTests(client: () => ApiTestClient): void {
  it('creates a clan with its leader, shows its profile and refuses a duplicate name in another case', async () => {
    const lead = await trader(client());
    const name = uniqueName('Gold Diggers');
    const res = await call(client(), 'POST', '/clans', {
      token: lead.token,
      body: {
        name,
        description: 'XAU only',
        tradingFocus: 'gold',
        privacy: 'request',
        telegramUrl: 'https://t.me/golddiggers',
      },
    });
    expect(res.status).toBe(201);
    const id = String(res.body?.id);
    expect(res.headers.get('location')).toBe(`/api/v1/clans/${id}`);
    expect(res.body).toMatchObject({ name, plan: 'free', sizeLimit: 3, memberCount: 1, privacy: 'request' });

    const profile = await call(client(), 'GET', `/clans/${id}`);
    expect(profile.body).toMatchObject({
      members: [{ handle: lead.handle, role: 'leader', verified: false }],
      stats: { verifiedMembers: 0, tradeCount: 0, netProfit: [] },
      badges: [],
    });
    expect((await call(client(), 'GET', '/me/clan', { token: lead.token })).body).toMatchObject({
      role: 'leader',
      clan: { id },
    });

    const other = await trader(client());
    const dup = await call(client(), 'POST', '/clans', {
      token: other.token,
      body: { name: name.toUpperCase(), tradingFocus: 'gold' },
    });
    expect(expectProblem(dup, 409, 'clan.name_taken').errors).toEqual([{ path: 'name', message: expect.any(String) }]);
    const second = await call(client(), 'POST', '/clans', {
      token: lead.token,
      body: { name: uniqueName(), tradingFocus: 'gold' },
    });
    expect(expectProblem(second, 409, 'clan.already_in_clan').detail).toMatch(/already in a clan/);
  });

  it('answers bad input with 422 and one message per field, and unknown ids with 404', async () => {
    const lead = await trader(client());
    const res = await call(client(), 'POST', '/clans', {
      token: lead.token,
      body: {
        name: 'x',
        tradingFocus: 'tulips',
        avatarUrl: 'http://a.test/a.png',
        telegramUrl: 'https://evil.test',
        extra: 1,
      },
    });
    const problem = expectProblem(res, 422, 'validation.failed');
    const paths = (problem.errors as { path: string; message: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['avatarUrl', 'extra', 'name', 'telegramUrl', 'tradingFocus']);
    expect(JSON.stringify(problem.errors)).toContain('at least 3 characters');
    expect(
      (await client().query(`select count(*)::int as n from clans where created_by = '${lead.userId}'`))[0]?.n,
    ).toBe(0);
    expectProblem(await call(client(), 'GET', '/clans/not-a-uuid'), 404, 'clan.not_found');
    expectProblem(await call(client(), 'GET', `/clans/${crypto.randomUUID()}`), 404, 'clan.not_found');
    expectProblem(await call(client(), 'GET', '/free-agents?risk=extreme'), 422, 'validation.failed');
    expectProblem(await call(client(), 'POST', '/clans', { body: { name: 'abc' } }), 401, 'auth.unauthenticated');
  });

  it('joins an open clan until the free limit of 3, then answers clan.full', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead);
    const [a, b, c] = [await trader(client()), await trader(client()), await trader(client())];
    expect((await call(client(), 'POST', `/clans/${id}/join`, { token: a.token })).body).toEqual({ status: 'joined' });
    expect((await call(client(), 'POST', `/clans/${id}/join`, { token: b.token })).status).toBe(200);
    expectProblem(await call(client(), 'POST', `/clans/${id}/join`, { token: c.token }), 409, 'clan.full');
    const listed = await call(
      client(),
      'GET',
      `/clans?q=${encodeURIComponent(String((await call(client(), 'GET', `/clans/${id}`)).body?.name))}`,
    );
    expect(listed.body).toMatchObject({ items: [{ id, memberCount: 3, sizeLimit: 3 }], nextCursor: null });
  });

  it('takes join requests that only leaders see and decide', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead, { privacy: 'request' });
    const [asker, other, outsider] = [await trader(client()), await trader(client()), await trader(client())];
    const asked = await call(client(), 'POST', `/clans/${id}/join`, {
      token: asker.token,
      body: { message: 'Gold scalper' },
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'requested' });
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/join`, { token: asker.token }),
      409,
      'clan.request_exists',
    );
    expectProblem(
      await call(client(), 'GET', `/clans/${id}/requests`, { token: outsider.token }),
      403,
      'clan.not_permitted',
    );

    const pending = await call(client(), 'GET', `/clans/${id}/requests`, { token: lead.token });
    expect(pending.body).toMatchObject({
      items: [{ handle: asker.handle, message: 'Gold scalper', status: 'pending' }],
    });
    const requestId = String(asked.body?.requestId);
    expect(
      (await call(client(), 'POST', `/clans/${id}/requests/${requestId}/approve`, { token: lead.token })).status,
    ).toBe(204);
    expect((await call(client(), 'GET', '/me/clan', { token: asker.token })).body).toMatchObject({ role: 'member' });
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/requests/${requestId}/deny`, { token: lead.token }),
      404,
      'clan.request_not_found',
    );

    const second = await call(client(), 'POST', `/clans/${id}/join`, { token: other.token });
    const deny = await call(client(), 'POST', `/clans/${id}/requests/${String(second.body?.requestId)}/deny`, {
      token: asker.token,
    });
    expectProblem(deny, 403, 'clan.not_permitted');
    expect(
      (
        await call(client(), 'POST', `/clans/${id}/requests/${String(second.body?.requestId)}/deny`, {
          token: lead.token,
        })
      ).status,
    ).toBe(204);
    expect((await call(client(), 'GET', '/me/clan', { token: other.token })).body).toEqual({ clan: null, role: null });
  });

  it('shows a requester their pending request, lists it under /me, and lets them cancel it', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead, { privacy: 'request' });
    const asker = await trader(client());
    const mine = (t: Trader) => call(client(), 'GET', `/clans/${id}/join-request`, { token: t.token });
    expect((await mine(asker)).body).toEqual({ request: null });
    expect((await call(client(), 'GET', `/clans/${id}/join-request`)).status).toBe(401);

    const asked = await call(client(), 'POST', `/clans/${id}/join`, { token: asker.token, body: { message: 'XAU' } });
    const requestId = String(asked.body?.requestId);
    expect((await mine(asker)).body).toMatchObject({
      request: { id: requestId, clanId: id, message: 'XAU', status: 'pending', createdAt: expect.any(String) },
    });
    expect((await mine(lead)).body).toEqual({ request: null });
    const listed = await call(client(), 'GET', '/me/join-requests', { token: asker.token });
    expect(listed.body).toEqual({
      items: [
        { id: requestId, clanId: id, clanName: expect.any(String), message: 'XAU', createdAt: expect.any(String) },
      ],
    });

    expect((await call(client(), 'DELETE', `/clans/${id}/join-request`, { token: asker.token })).status).toBe(204);
    expect((await mine(asker)).body).toEqual({ request: null });
    expect((await call(client(), 'GET', '/me/join-requests', { token: asker.token })).body).toEqual({ items: [] });
    expect((await call(client(), 'GET', `/clans/${id}/requests`, { token: lead.token })).body).toEqual({ items: [] });
    expect(
      expectProblem(
        await call(client(), 'DELETE', `/clans/${id}/join-request`, { token: asker.token }),
        404,
        'clan.request_not_found',
      ).detail,
    ).toMatch(/no pending request/);
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/requests/${requestId}/approve`, { token: lead.token }),
      404,
      'clan.request_not_found',
    );
    expectProblem(
      await call(client(), 'GET', `/clans/${crypto.randomUUID()}/join-request`, { token: asker.token }),
      404,
      'clan.not_found',
    );
    // Asking again after cancelling works.
    expect((await call(client(), 'POST', `/clans/${id}/join`, { token: asker.token })).status).toBe(202);
  });

  it('joins an invite-only clan by link, and refuses revoked and expired links', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead, { privacy: 'invite' });
    const [a, b] = [await trader(client()), await trader(client())];
    expectProblem(await call(client(), 'POST', `/clans/${id}/join`, { token: a.token }), 403, 'clan.invite_only');
    expectProblem(await call(client(), 'POST', `/clans/${id}/invites`, { token: a.token }), 403, 'clan.not_permitted');

    const link = await call(client(), 'POST', `/clans/${id}/invites`, { token: lead.token });
    expect(link.status).toBe(201);
    const token = String(link.body?.token);
    expect(String(link.body?.url)).toBe(`http://app.test/invite/${token}`);
    const stored = await client().query(`select token_hash from clan_invites where clan_id = '${id}'`);
    expect(stored[0]?.token_hash).not.toBe(token);
    expect((await call(client(), 'GET', `/invites/${token}`)).body).toMatchObject({ clan: { id, privacy: 'invite' } });
    expect((await call(client(), 'POST', `/invites/${token}/accept`, { token: a.token })).body).toEqual({ clanId: id });

    expect(
      (await call(client(), 'DELETE', `/clans/${id}/invites/${String(link.body?.id)}`, { token: lead.token })).status,
    ).toBe(204);
    expectProblem(
      await call(client(), 'POST', `/invites/${token}/accept`, { token: b.token }),
      410,
      'clan.invite_revoked',
    );

    const fresh = await call(client(), 'POST', `/clans/${id}/invites`, { token: lead.token });
    await client().query(
      `update clan_invites set expires_at = now() - interval '1 second' where id = '${String(fresh.body?.id)}'`,
    );
    expectProblem(
      await call(client(), 'POST', `/invites/${String(fresh.body?.token)}/accept`, { token: b.token }),
      410,
      'clan.invite_expired',
    );
    expectProblem(await call(client(), 'GET', `/invites/${'x'.repeat(43)}`), 404, 'clan.invite_not_found');
  });

  it('kicks by role: a co-leader may remove a member (evicted from the rooms) but never the leader', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead);
    const [co, m] = [await trader(client()), await trader(client())];
    await call(client(), 'POST', `/clans/${id}/join`, { token: co.token });
    await call(client(), 'POST', `/clans/${id}/join`, { token: m.token });
    const promote = await call(client(), 'POST', `/clans/${id}/members/${co.userId}/role`, {
      token: lead.token,
      body: { role: 'co_leader' },
    });
    expect(promote.status).toBe(204);
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/members/${m.userId}/role`, {
        token: lead.token,
        body: { role: 'leader' },
      }),
      422,
      'validation.failed',
    );
    expectProblem(
      await call(client(), 'DELETE', `/clans/${id}/members/${lead.userId}`, { token: co.token }),
      403,
      'clan.not_permitted',
    );
    expect((await call(client(), 'DELETE', `/clans/${id}/members/${m.userId}`, { token: co.token })).status).toBe(204);
    const profile = await call(client(), 'GET', `/clans/${id}`);
    expect((profile.body?.members as { handle: string }[]).map((x) => x.handle)).toEqual([lead.handle, co.handle]);
    const evictions = client().evictions?.();
    if (evictions) {
      expect(evictions).toEqual(
        expect.arrayContaining([
          { party: 'clan', room: id, userId: co.userId, reason: 'role_changed' },
          { party: 'clan', room: id, userId: m.userId, reason: 'removed' },
          { party: 'subs', room: id, userId: m.userId, reason: 'removed' },
        ]),
      );
    }
  });

  it('makes a leader transfer before leaving; the last member leaving disbands the clan', async () => {
    const lead = await trader(client());
    const id = await newClan(client(), lead);
    const m = await trader(client());
    await call(client(), 'POST', `/clans/${id}/join`, { token: m.token });
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/leave`, { token: lead.token }),
      409,
      'clan.leader_must_transfer',
    );
    expectProblem(
      await call(client(), 'POST', `/clans/${id}/transfer`, { token: m.token, body: { userId: lead.userId } }),
      403,
      'clan.not_permitted',
    );
    expect(
      (await call(client(), 'POST', `/clans/${id}/transfer`, { token: lead.token, body: { userId: m.userId } })).status,
    ).toBe(204);
    expect((await call(client(), 'POST', `/clans/${id}/leave`, { token: lead.token })).body).toEqual({
      disbanded: false,
    });
    expectProblem(await call(client(), 'DELETE', `/clans/${id}`, { token: lead.token }), 403, 'clan.not_permitted');
    expect((await call(client(), 'POST', `/clans/${id}/leave`, { token: m.token })).body).toEqual({ disbanded: true });
    expectProblem(await call(client(), 'GET', `/clans/${id}`), 404, 'clan.not_found');
  });

  it('lists verified free agents by pair, style, session, risk and tier, and shows verified clan stats', async () => {
    const pair = `ZZ${crypto.randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const [calm, wild, unverified] = [await trader(client()), await trader(client()), await trader(client())];
    await verifyTrader(client(), calm);
    await verifyTrader(client(), wild, [1_000, -40_000, 500]);
    for (const [t, style, session] of [
      [calm, 'swing_trader', 'london'],
      [wild, 'scalper', 'any'],
      [unverified, 'swing_trader', 'london'],
    ] as const) {
      const res = await call(client(), 'PATCH', '/me/profile', {
        token: t.token,
        body: { preferredPairs: [pair], tradingStyle: style, sessionPreference: session },
      });
      expect(res.status).toBe(200);
    }
    const season = new Date().toISOString().slice(0, 7);
    const board = seasonBoardSql(season);
    await client()
      .query(`${board.with} insert into leaderboard_entries (board, season_id, user_id, position, eligible, score, tier, return_pct,
        max_drawdown_pct, trades, trading_days, instruments, movement_direction, movement_delta, updated_at)
      values (${board.board}, '${season}', '${calm.userId}', 900000 + floor(random() * 99999)::int, true, 50, 'diamond', 1, 1, 5, 5, '{}', 'new', 0, now())`);
    const handles = async (query: string) => {
      const res = await call(client(), 'GET', `/free-agents?pair=${pair}${query}`);
      expect(res.status).toBe(200);
      return (res.body?.items as { handle: string }[]).map((a) => a.handle);
    };
    const both = [calm.handle, wild.handle].sort();
    expect(await handles('')).toEqual(both);
    expect(await handles('&style=scalper')).toEqual([wild.handle]);
    expect(await handles('&session=asian')).toEqual([wild.handle]);
    expect(await handles('&risk=high')).toEqual([wild.handle]);
    expect(await handles('&risk=low')).toEqual([calm.handle]);
    expect(await handles('&tier=diamond')).toEqual([calm.handle]);
    const first = await call(client(), 'GET', `/free-agents?pair=${pair}&limit=1`);
    expect(first.body?.nextCursor).toBe(both[0]);
    expect((first.body?.items as Record<string, unknown>[])[0]).not.toHaveProperty('userId');
    const next = await call(
      client(),
      'GET',
      `/free-agents?pair=${pair}&limit=1&cursor=${String(first.body?.nextCursor)}`,
    );
    expect(next.body).toMatchObject({ items: [{ handle: both[1] }], nextCursor: null });

    const id = await newClan(client(), calm);
    await call(client(), 'POST', `/clans/${id}/join`, { token: unverified.token });
    expect(await handles('')).toEqual([wild.handle]);
    const profile = await call(client(), 'GET', `/clans/${id}`);
    expect(profile.body?.members).toEqual([
      expect.objectContaining({ handle: calm.handle, verified: true, verificationLabel: 'self_reported' }),
      expect.objectContaining({ handle: unverified.handle, verified: false, verificationLabel: null }),
    ]);
    expect(profile.body?.stats).toMatchObject({
      verifiedMembers: 1,
      tradeCount: 5,
      winRatePct: 60,
      netProfit: [{ currency: 'USD', amount: 5_800 }],
    });
  });
}

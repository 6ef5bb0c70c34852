import { PNG_BYTES } from '@clantrader/core/testing';
import { expect, it } from 'vitest';
import {
  call,
  createAccount,
  expectProblem,
  logIn,
  newIp,
  type ApiTestClient,
  type CallResult,
  signedInTrader,
} from './api-client';

const trader = signedInTrader;

/** A clan straight into the clans tables (the clans API is tested in its own suite). */
async function clanWithLeader(client: ApiTestClient) {
  const leader = await trader(client);
  const member = await trader(client);
  const clanId = crypto.randomUUID();
  const name = `Chan ${clanId.slice(0, 8)}`;
  await client.query(
    `insert into clans (id, name, slug, trading_focus, privacy, created_by, created_at)
     values ('${clanId}', '${name}', '${clanId}', 'gold', 'open', '${leader.userId}', now())`,
  );
  await client.query(
    `insert into clan_members (clan_id, user_id, role, joined_at) values
     ('${clanId}', '${leader.userId}', 'leader', now()), ('${clanId}', '${member.userId}', 'member', now())`,
  );
  return { clanId, name, leader, member };
}

const LONG = `Gold long from 2310, stop 2298. ${'Reasoning follows in detail. '.repeat(12)}`;

async function publish(client: ApiTestClient, token: string, clanId: string, body: Record<string, unknown>) {
  const res = await call(client, 'POST', `/channels/${clanId}/posts`, { token, body });
  expect(res.status).toBe(201);
  return String(res.body?.id);
}

/** Sends raw bytes as an image of a post. */
async function uploadImage(
  client: ApiTestClient,
  token: string,
  postId: string,
  bytes: Uint8Array,
): Promise<CallResult> {
  const res = await client.fetch(
    new Request(`http://api.test/api/v1/posts/${postId}/images`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${token}`,
        'cf-connecting-ip': newIp(),
      },
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

function postIn(res: CallResult, id: string): Record<string, unknown> | undefined {
  return (res.body?.items as Record<string, unknown>[] | undefined)?.find((p) => p.id === id);
}

/** Clan channels: publishing, premium locks and peeks, engagement, follows, feed, media. */
export function defineChannelTests(client: () => ApiTestClient): void {
  it('lets the leader publish and refuses plain members, outsiders and anonymous callers', async () => {
    const { clanId, leader, member } = await clanWithLeader(client());
    const outsider = await trader(client());
    const id = await publish(client(), leader.token, clanId, {
      text: 'Hello channel',
      entities: [{ type: 'bold', offset: 0, length: 5 }],
    });
    for (const token of [member.token, outsider.token]) {
      expectProblem(
        await call(client(), 'POST', `/channels/${clanId}/posts`, { token, body: { text: 'x' } }),
        403,
        'channel.forbidden',
      );
    }
    expectProblem(
      await call(client(), 'POST', `/channels/${clanId}/posts`, { body: { text: 'x' } }),
      401,
      'auth.unauthenticated',
    );
    const page = await call(client(), 'GET', `/channels/${clanId}/posts`);
    expect(page.body?.items).toEqual([expect.objectContaining({ id, text: 'Hello channel', locked: false })]);
    const head = await call(client(), 'GET', `/channels/${clanId}`, { token: leader.token });
    expect(head.body).toMatchObject({
      clanId,
      followers: 0,
      subscribers: 0,
      viewer: { role: 'leader', canPublish: true },
    });
  });

  it('locks premium posts for outsiders and anonymous visitors, and shows subscribers everything', async () => {
    const { clanId, leader } = await clanWithLeader(client());
    const id = await publish(client(), leader.token, clanId, {
      text: LONG,
      premium: true,
      charts: [
        {
          kind: 'line',
          title: 'XAUUSD',
          points: [
            { x: 1, y: 2310 },
            { x: 2, y: 2330 },
          ],
        },
      ],
    });
    const fan = await trader(client());
    for (const token of [fan.token, undefined]) {
      const post = postIn(await call(client(), 'GET', `/channels/${clanId}/posts`, token ? { token } : {}), id);
      expect(post).toMatchObject({ locked: true, charts: [], images: [], entities: [] });
      expect(Array.from(String(post?.text))).toHaveLength(141);
    }
    const grant = await call(client(), 'POST', `/channels/${clanId}/subscribers/${fan.userId}`, {
      token: leader.token,
    });
    expect(grant.status).toBe(201);
    expect(grant.body).toMatchObject({ source: 'complimentary', grantedBy: leader.userId, expiresAt: null });
    const open = postIn(await call(client(), 'GET', `/channels/${clanId}/posts`, { token: fan.token }), id);
    expect(open).toMatchObject({ locked: false, text: LONG, charts: [{ kind: 'line' }] });
    const head = await call(client(), 'GET', `/channels/${clanId}`, { token: fan.token });
    expect(head.body).toMatchObject({ subscribers: 1, viewer: { subscribed: true } });
    const [row] = await client().query(
      `select count(*)::int as n from channel_subscriptions where clan_id = '${clanId}' and user_id = '${fan.userId}'`,
    );
    expect(row?.n).toBe(1);
    expect(
      (await call(client(), 'DELETE', `/channels/${clanId}/subscribers/${fan.userId}`, { token: leader.token })).status,
    ).toBe(204);
    expect(postIn(await call(client(), 'GET', `/channels/${clanId}/posts`, { token: fan.token }), id)).toMatchObject({
      locked: true,
    });
  });

  it('lists subscribers for leaders, grants by @handle with clear refusals, and revokes', async () => {
    const { clanId, leader, member } = await clanWithLeader(client());
    const [fan, other] = [await trader(client()), await trader(client())];
    const list = (token: string, query = '') =>
      call(client(), 'GET', `/channels/${clanId}/subscribers${query}`, { token });
    expect((await list(leader.token)).body).toEqual({ items: [], nextCursor: null });
    expectProblem(await list(member.token), 403, 'channel.forbidden');

    const byHandle = (handle: string, body: Record<string, unknown> = {}) =>
      call(client(), 'POST', `/channels/${clanId}/subscribers`, { token: leader.token, body: { handle, ...body } });
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const granted = await byHandle(`@${fan.handle.toUpperCase()}`, { expiresAt: until });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      userId: fan.userId,
      handle: fan.handle,
      source: 'complimentary',
      expiresAt: until,
    });
    expect((await byHandle(other.handle)).status).toBe(201);

    const unknown = expectProblem(await byHandle('nobody_at_all'), 404, 'channel.user_not_found');
    expect(unknown.detail).toBe('No trader has the handle @nobody_at_all');
    expect(unknown.errors).toEqual([{ path: 'handle', message: 'No trader has the handle @nobody_at_all' }]);
    expect(expectProblem(await byHandle(fan.handle), 409, 'channel.already_subscribed').detail).toMatch(
      /already subscribes/,
    );
    expectProblem(await byHandle(leader.handle), 422, 'channel.self_subscription');
    expectProblem(await byHandle(''), 422, 'validation.failed');
    expectProblem(
      await call(client(), 'POST', `/channels/${clanId}/subscribers`, {
        token: member.token,
        body: { handle: fan.handle },
      }),
      403,
      'channel.forbidden',
    );

    const handles = [fan.handle, other.handle].sort();
    const first = await list(leader.token, '?limit=1');
    expect(first.body).toMatchObject({ items: [{ handle: handles[0] }], nextCursor: handles[0] });
    const second = await list(leader.token, `?limit=1&after=${String(first.body?.nextCursor)}`);
    expect(second.body).toMatchObject({ items: [{ handle: handles[1] }], nextCursor: null });
    const all = (await list(leader.token)).body?.items as Record<string, unknown>[];
    expect(all.find((s) => s.userId === fan.userId)).toEqual({
      userId: fan.userId,
      handle: fan.handle,
      displayName: expect.any(String),
      source: 'complimentary',
      since: expect.any(String),
      expiresAt: until,
    });

    expect(
      (await call(client(), 'DELETE', `/channels/${clanId}/subscribers/${fan.userId}`, { token: leader.token })).status,
    ).toBe(204);
    expect(((await list(leader.token)).body?.items as unknown[]).length).toBe(1);
  });

  it('grants three peeks a day, refuses the fourth with the reset time, and resets the next local day', async () => {
    const { clanId, leader } = await clanWithLeader(client());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await publish(client(), leader.token, clanId, { text: `${i} ${LONG}`, premium: true }));
    const reader = await trader(client());
    const at = (i: number) => ids[i] ?? '';
    for (let i = 0; i < 3; i++) {
      const res = await call(client(), 'POST', `/posts/${at(i)}/peek`, { token: reader.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        post: { id: at(i), locked: false, peeked: true, text: `${i} ${LONG}` },
        peeks: { used: i + 1 },
      });
    }
    expect((await call(client(), 'POST', `/posts/${at(0)}/peek`, { token: reader.token })).status).toBe(200);
    const refused = await call(client(), 'POST', `/posts/${at(3)}/peek`, { token: reader.token });
    expectProblem(refused, 429, 'peeks.exhausted');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const status = await call(client(), 'GET', '/me/peeks', { token: reader.token });
    expect(status.body).toMatchObject({ limit: 3, used: 3, remaining: 0 });
    expect(String(refused.body?.detail)).toContain(String(status.body?.resetsAt));
    expectProblem(await call(client(), 'POST', `/posts/${at(3)}/peek`), 401, 'auth.unauthenticated');

    // The next local day: the day's peeks move one day into the past.
    await client().query(
      `update channel_peeks set day = day - 1, peeked_at = peeked_at - interval '1 day' where user_id = '${reader.userId}'`,
    );
    expect((await call(client(), 'GET', '/me/peeks', { token: reader.token })).body).toMatchObject({
      used: 0,
      remaining: 3,
    });
    expect((await call(client(), 'POST', `/posts/${at(3)}/peek`, { token: reader.token })).status).toBe(200);
  });

  it("counts peeks by the calendar day of the user's own time zone", async () => {
    const reader = await createAccount(client());
    const token = await logIn(client(), reader);
    for (const timezone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect((await call(client(), 'PATCH', '/me/profile', { token, body: { timezone } })).status).toBe(200);
      const status = await call(client(), 'GET', '/me/peeks', { token });
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
      expect(status.body?.day).toBe(local);
    }
  });

  it('toggles reactions per emoji and user, and counts a view once per viewer', async () => {
    const { clanId, leader, member } = await clanWithLeader(client());
    const id = await publish(client(), leader.token, clanId, { text: 'React to me' });
    const fire = encodeURIComponent('🔥');
    await call(client(), 'POST', `/posts/${id}/reactions/${fire}`, { token: leader.token });
    await call(client(), 'POST', `/posts/${id}/reactions/${fire}`, { token: leader.token });
    await call(client(), 'POST', `/posts/${id}/reactions/rocket`, { token: leader.token });
    const both = await call(client(), 'POST', `/posts/${id}/reactions/${fire}`, { token: member.token });
    expect(both.body).toEqual({ counts: { '🔥': 2, '🚀': 1 }, mine: ['🔥'] });
    const off = await call(client(), 'DELETE', `/posts/${id}/reactions/${fire}`, { token: leader.token });
    expect(off.body).toEqual({ counts: { '🔥': 1, '🚀': 1 }, mine: ['🚀'] });
    expectProblem(
      await call(client(), 'POST', `/posts/${id}/reactions/${encodeURIComponent('💩')}`, { token: member.token }),
      422,
      'validation.failed',
    );

    expect((await call(client(), 'POST', `/posts/${id}/view`, { token: member.token })).body).toEqual({
      counted: true,
      views: 1,
    });
    expect((await call(client(), 'POST', `/posts/${id}/view`, { token: member.token })).body).toEqual({
      counted: false,
      views: 1,
    });
    const visitor = { body: { visitorKey: 'anon-visitor-key-0001' } };
    expect((await call(client(), 'POST', `/posts/${id}/view`, visitor)).body).toEqual({ counted: true, views: 2 });
    expect((await call(client(), 'POST', `/posts/${id}/view`, visitor)).body).toEqual({ counted: false, views: 2 });
    expect(postIn(await call(client(), 'GET', `/channels/${clanId}/posts`), id)).toMatchObject({ views: 2 });
  });

  it('puts posts of followed channels in the feed and counts them unread in the sidebar until read', async () => {
    const { clanId, name, leader } = await clanWithLeader(client());
    const reader = await trader(client());
    expect((await call(client(), 'POST', `/channels/${clanId}/follow`, { token: reader.token })).body).toEqual({
      following: true,
    });
    const id = await publish(client(), leader.token, clanId, { text: 'For my followers' });
    const feed = await call(client(), 'GET', '/feed?limit=50', { token: reader.token });
    expect(postIn(feed, id)).toMatchObject({ followed: true, channelName: name, locked: false });
    const side = await call(client(), 'GET', `/me/channels?q=${encodeURIComponent(name.slice(5))}`, {
      token: reader.token,
    });
    expect(side.body).toEqual({ channels: [{ clanId, name, unread: 1, lastPostAt: expect.any(String) }] });
    expect((await call(client(), 'GET', '/me/channels?q=zzz-no-such', { token: reader.token })).body).toEqual({
      channels: [],
    });
    expect((await call(client(), 'POST', `/channels/${clanId}/read`, { token: reader.token })).status).toBe(204);
    const after = await call(client(), 'GET', '/me/channels', { token: reader.token });
    expect(
      (after.body?.channels as { clanId: string; unread: number }[]).find((c) => c.clanId === clanId)?.unread,
    ).toBe(0);
    expect((await call(client(), 'GET', `/channels/${clanId}`, { token: reader.token })).body).toMatchObject({
      followers: 1,
      viewer: { following: true },
    });
    await call(client(), 'DELETE', `/channels/${clanId}/follow`, { token: reader.token });
    expect((await call(client(), 'GET', '/me/channels', { token: reader.token })).body).toEqual({ channels: [] });
  });

  it('stores sniffed images and serves them inert; refuses disguised HTML and oversize files', async () => {
    const { clanId, leader } = await clanWithLeader(client());
    const id = await publish(client(), leader.token, clanId, { text: 'Chart attached' });
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
    expectProblem(await uploadImage(client(), leader.token, id, html), 415, 'channel.media_unsupported');
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_BYTES);
    expectProblem(await uploadImage(client(), leader.token, id, big), 413, 'channel.media_too_large');
    const ok = await uploadImage(client(), leader.token, id, PNG_BYTES);
    expect(ok.status).toBe(201);
    const image = (ok.body?.images as { id: string; contentType: string }[])[0];
    expect(image?.contentType).toBe('image/png');
    const res = await client().fetch(new Request(`http://api.test/api/v1/channel-media/${image?.id}`));
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG_BYTES);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'x-content-type-options'].map((h) => [h, res.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': 'image/png',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
    expectProblem(await uploadImage(client(), (await trader(client())).token, id, PNG_BYTES), 403, 'channel.forbidden');
  });

  it('answers bad input with stable problem codes and writes nothing', async () => {
    const { clanId, leader } = await clanWithLeader(client());
    const token = leader.token;
    const bad = await call(client(), 'POST', `/channels/${clanId}/posts`, {
      token,
      body: { text: 'x'.repeat(4001), charts: [{ kind: 'pie', title: 't', points: [] }], html: '<b>' },
    });
    const problem = expectProblem(bad, 422, 'validation.failed');
    expect((problem.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'charts.0.kind',
      'charts.0.points',
      'html',
      'text',
    ]);
    expectProblem(
      await call(client(), 'POST', `/channels/${clanId}/posts`, { token, raw: '{"text":' }),
      400,
      'request.malformed',
    );
    expectProblem(await call(client(), 'GET', `/channels/${clanId}/posts?limit=500`), 422, 'validation.failed');
    expectProblem(await call(client(), 'GET', '/channels/not-a-uuid'), 404, 'channel.not_found');
    expectProblem(await call(client(), 'GET', `/channels/${crypto.randomUUID()}`), 404, 'channel.not_found');
    expectProblem(
      await call(client(), 'POST', `/posts/${crypto.randomUUID()}/peek`, { token }),
      404,
      'channel.post_not_found',
    );
    const [row] = await client().query(`select count(*)::int as n from channel_posts where clan_id = '${clanId}'`);
    expect(row?.n).toBe(0);
  });
}

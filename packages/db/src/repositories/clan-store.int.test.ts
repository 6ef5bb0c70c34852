import { clans as core, type clans as c } from '@clantrader/core';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { newAccount, T0 } from './account-fixtures';
import { createAccountStore } from './account-store';
import { createClanStore } from './clan-store';
import { rowsOf } from './season-sql';

let serial = 0;

async function users(handle: DbHandle, n: number): Promise<string[]> {
  const store = createAccountStore(handle.db);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    serial += 1;
    const a = newAccount(serial);
    await store.createAccount(a);
    ids.push(a.user.id);
  }
  return ids;
}

function clanRow(createdBy: string, o: Partial<c.Clan> = {}): c.Clan {
  return {
    id: randomUUID(),
    name: `Clan ${randomUUID().slice(0, 8)}`,
    slug: 'clan',
    description: '',
    avatarUrl: null,
    tradingFocus: 'forex',
    privacy: 'open',
    plan: 'free',
    telegramUrl: null,
    createdBy,
    createdAt: T0,
    disbandedAt: null,
    ...o,
  };
}

function pendingRequest(clanId: string, userId: string): c.JoinRequest {
  return {
    id: randomUUID(),
    clanId,
    userId,
    message: '',
    status: 'pending',
    createdAt: T0,
    decidedAt: null,
    decidedBy: null,
  };
}

const join = (store: c.ClanStore, clanId: string, userId: string) =>
  store.addMember({ clanId, userId, joinedAt: T0, via: { kind: 'open' }, limits: core.CLAN_SIZE_LIMITS });

async function memberCount(handle: DbHandle, clanId: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await handle.db.execute(sql`select count(*)::int as n from clan_members where clan_id = ${clanId}`),
  );
  return Number(rows[0]?.n);
}

/** A verified statement whose report carries the figures the free-agent market reads. */
async function verify(handle: DbHandle, userId: string, o: { dd: number; instruments: string[] }): Promise<void> {
  const acct = randomUUID();
  await handle.db.execute(
    sql`insert into trading_accounts (id, user_id, account_key, created_at) values (${acct}, ${userId}, ${acct}, ${T0})`,
  );
  const report = JSON.stringify({ stats: { maxDrawdownPct: o.dd }, instruments: o.instruments, account: {} });
  await handle.db.execute(sql`insert into statements (id, user_id, file_name, byte_size, blob_key, status, label,
      trading_account_id, report, created_at, verified_at)
    values (${randomUUID()}, ${userId}, 'r.htm', 1, 'b', 'verified', 'self_reported', ${acct}, ${report}::jsonb, ${T0}, ${T0})`);
}

describe.each(testDatabases())('ClanStore on $name', ({ open }) => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await open();
  });
  afterEach(() => handle.close());

  it('never lets 24 concurrent joins push a free clan past 3 or a pro clan past 6', async () => {
    const store = createClanStore(handle.db);
    const [leadFree, leadPro, ...joiners] = await users(handle, 26);
    const free = clanRow(leadFree ?? '');
    const pro = clanRow(leadPro ?? '', { plan: 'pro' });
    await store.createClan(free);
    await store.createClan(pro);
    const half = joiners.length / 2;
    const results = await Promise.all([
      ...joiners.slice(0, half).map((u) => join(store, free.id, u)),
      ...joiners.slice(half).map((u) => join(store, pro.id, u)),
    ]);
    expect(results.slice(0, half).filter((r) => r === 'added')).toHaveLength(2);
    expect(results.slice(half).filter((r) => r === 'added')).toHaveLength(5);
    expect(new Set(results)).toEqual(new Set(['added', 'full']));
    expect(await memberCount(handle, free.id)).toBe(3);
    expect(await memberCount(handle, pro.id)).toBe(6);
  });

  it('holds the limit when approvals and invite accepts race each other', async () => {
    const store = createClanStore(handle.db);
    const [lead, ...others] = await users(handle, 17);
    const clan = clanRow(lead ?? '', { plan: 'pro', privacy: 'request' });
    await store.createClan(clan);
    const invite = {
      id: randomUUID(),
      clanId: clan.id,
      tokenHash: `h-${randomUUID()}`,
      createdBy: lead ?? '',
      createdAt: T0,
      expiresAt: new Date(T0.getTime() + 60_000),
      revokedAt: null,
      uses: 0,
    };
    await store.createInvite(invite);
    const askers = others.slice(0, 8);
    const requestIds: string[] = [];
    for (const userId of askers) {
      const id = randomUUID();
      requestIds.push(id);
      await store.createJoinRequest({
        id,
        clanId: clan.id,
        userId,
        message: '',
        status: 'pending',
        createdAt: T0,
        decidedAt: null,
        decidedBy: null,
      });
    }
    const base = { clanId: clan.id, joinedAt: T0, limits: core.CLAN_SIZE_LIMITS };
    const results = await Promise.all([
      ...askers.map((userId, i) =>
        store.addMember({
          ...base,
          userId,
          via: { kind: 'request', requestId: requestIds[i] ?? '', decidedBy: lead ?? '' },
        }),
      ),
      ...others
        .slice(8)
        .map((userId) => store.addMember({ ...base, userId, via: { kind: 'invite', inviteId: invite.id } })),
    ]);
    expect(results.filter((r) => r === 'added')).toHaveLength(5);
    expect(await memberCount(handle, clan.id)).toBe(6);
    const approved = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from clan_join_requests where status = 'approved'`),
    );
    const uses = (await store.findInviteByHash(invite.tokenHash))?.uses ?? 0;
    // A refused join leaves its request pending and its invite use uncounted.
    expect(Number(approved[0]?.n) + uses).toBe(5);
  });

  it('keeps one trader in one clan when they join two clans at once', async () => {
    const store = createClanStore(handle.db);
    const [a, b, joiner] = await users(handle, 3);
    const one = clanRow(a ?? '');
    const two = clanRow(b ?? '');
    await store.createClan(one);
    await store.createClan(two);
    const results = await Promise.all([join(store, one.id, joiner ?? ''), join(store, two.id, joiner ?? '')]);
    expect(results.sort()).toEqual(['added', 'already_in_clan']);
  });

  it('maps a case-insensitive duplicate name and frees the name on disband', async () => {
    const store = createClanStore(handle.db);
    const [a, b, m] = await users(handle, 3);
    const first = clanRow(a ?? '', { name: 'Pip Hunters' });
    await store.createClan(first);
    await expect(store.createClan(clanRow(b ?? '', { name: 'PIP hunters' }))).rejects.toMatchObject({
      code: 'clan.name_taken',
    });
    await expect(store.createClan(clanRow(a ?? ''))).rejects.toMatchObject({ code: 'clan.already_in_clan' });
    await join(store, first.id, m ?? '');
    expect((await store.disband(first.id, T0))?.sort()).toEqual([a, m].sort());
    expect(await store.findClan(first.id)).toBeNull();
    expect(await join(store, first.id, b ?? '')).toBe('clan_gone');
    await store.createClan(clanRow(b ?? '', { name: 'pip hunters' }));
  });

  it('transfers leadership atomically and refuses a stale compare-and-set', async () => {
    const store = createClanStore(handle.db);
    const [lead, m] = await users(handle, 2);
    const clan = clanRow(lead ?? '');
    await store.createClan(clan);
    await join(store, clan.id, m ?? '');
    expect(await store.transferLeadership(clan.id, lead ?? '', m ?? '')).toBe(true);
    expect(await store.roleOf(clan.id, m ?? '')).toBe('leader');
    expect(await store.roleOf(clan.id, lead ?? '')).toBe('co_leader');
    expect(await store.transferLeadership(clan.id, lead ?? '', m ?? '')).toBe(false);
    expect(await store.setRole(clan.id, lead ?? '', 'member', 'co_leader')).toBe(false);
    expect(await store.removeMember(clan.id, lead ?? '', 'co_leader')).toBe(true);
    expect((await store.listMembers(clan.id)).map((x) => x.role)).toEqual(['leader']);
  });

  it('approves a request and uses an invite only while they are live', async () => {
    const store = createClanStore(handle.db);
    const [lead, asker, invited, late] = await users(handle, 4);
    const clan = clanRow(lead ?? '', { privacy: 'request', plan: 'pro' });
    await store.createClan(clan);
    const request = {
      id: randomUUID(),
      clanId: clan.id,
      userId: asker ?? '',
      message: 'hi',
      status: 'pending' as const,
      createdAt: T0,
      decidedAt: null,
      decidedBy: null,
    };
    await store.createJoinRequest(request);
    await expect(store.createJoinRequest({ ...request, id: randomUUID() })).rejects.toMatchObject({
      code: 'clan.request_exists',
    });
    expect((await store.listPendingRequests(clan.id)).map((r) => r.userId)).toEqual([asker]);
    const via = { kind: 'request' as const, requestId: request.id, decidedBy: lead ?? '' };
    const approve = () => store.addMember({ ...base(asker), via });
    const base = (u: string | undefined) => ({
      clanId: clan.id,
      userId: u ?? '',
      joinedAt: T0,
      limits: core.CLAN_SIZE_LIMITS,
    });
    expect(await approve()).toBe('added');
    expect((await store.findJoinRequest(request.id))?.status).toBe('approved');

    const invite = {
      id: randomUUID(),
      clanId: clan.id,
      tokenHash: `h-${randomUUID()}`,
      createdBy: lead ?? '',
      createdAt: T0,
      expiresAt: new Date(T0.getTime() + 1000),
      revokedAt: null,
      uses: 0,
    };
    await store.createInvite(invite);
    const accept = (u: string | undefined) =>
      store.addMember({ ...base(u), via: { kind: 'invite', inviteId: invite.id } });
    expect(await accept(invited)).toBe('added');
    expect((await store.findInviteByHash(invite.tokenHash))?.uses).toBe(1);
    expect(await store.revokeInvite(clan.id, invite.id, T0)).toBe(true);
    expect(await accept(late)).toBe('stale');
    expect(await store.roleOf(clan.id, late ?? '')).toBeNull();
  });

  it('finds, lists and cancels a trader’s own pending requests only', async () => {
    const store = createClanStore(handle.db);
    const [lead1, lead2, asker, other] = await users(handle, 4);
    const first = clanRow(lead1 ?? '', { privacy: 'request' });
    const second = clanRow(lead2 ?? '', { privacy: 'request' });
    await store.createClan(first);
    await store.createClan(second);
    const ask = async (clanId: string, userId: string | undefined) => {
      const request = { ...pendingRequest(clanId, userId ?? ''), message: 'hello' };
      await store.createJoinRequest(request);
      return request;
    };
    const mine = await ask(first.id, asker);
    const mine2 = await ask(second.id, asker);
    const theirs = await ask(first.id, other);

    expect(await store.findPendingRequest(first.id, asker ?? '')).toMatchObject({ id: mine.id, status: 'pending' });
    expect(await store.findPendingRequest(first.id, lead2 ?? '')).toBeNull();
    const listed = await store.listRequestsOf(asker ?? '');
    expect(listed.map((r) => r.id)).toEqual([mine.id, mine2.id].sort().reverse());
    expect(listed.find((r) => r.id === mine.id)).toEqual({
      id: mine.id,
      clanId: first.id,
      clanName: first.name,
      message: 'hello',
      createdAt: T0,
    });

    // Only the requester's own, and only while pending.
    expect(await store.cancelJoinRequest(theirs.id, asker ?? '', T0)).toBe(false);
    expect(await store.cancelJoinRequest(mine.id, asker ?? '', T0)).toBe(true);
    expect(await store.cancelJoinRequest(mine.id, asker ?? '', T0)).toBe(false);
    expect(await store.findJoinRequest(mine.id)).toMatchObject({ status: 'cancelled', decidedBy: asker });
    expect(await store.findPendingRequest(first.id, asker ?? '')).toBeNull();
    expect((await store.listPendingRequests(first.id)).map((r) => r.id)).toEqual([theirs.id]);
    // Asking again after cancelling is allowed (the one-pending index only counts pending).
    await ask(first.id, asker);

    await store.disband(second.id, T0);
    expect((await store.listRequestsOf(asker ?? '')).map((r) => r.clanId)).toEqual([first.id]);
  });

  it('lists verified free agents with filters, risk figures and keyset paging', async () => {
    const store = createClanStore(handle.db);
    const [v1, v2, unverified, inClan] = await users(handle, 4);
    await verify(handle, v1 ?? '', { dd: 30, instruments: ['XAUUSD'] });
    await verify(handle, v1 ?? '', { dd: 4, instruments: ['EURUSD'] });
    await verify(handle, v2 ?? '', { dd: 12, instruments: ['EURUSD'] });
    await verify(handle, inClan ?? '', { dd: 1, instruments: [] });
    await handle.db.execute(sql`update profiles set trading_style = 'scalper', session_preference = 'any',
      preferred_pairs = array['GBPUSD'] where user_id = ${v1}`);
    await store.createClan(clanRow(inClan ?? ''));
    const list = (f: Partial<c.FreeAgentFilter> = {}) => store.listFreeAgents({ seasonId: '2026-01', limit: 10, ...f });

    const all = await list();
    expect(all.map((a) => a.userId)).toEqual([v1, v2]);
    expect(all[0]).toMatchObject({ maxDrawdownPct: 30, instruments: ['EURUSD', 'XAUUSD'], tradingStyle: 'scalper' });
    expect(all.map((a) => a.userId)).not.toContain(unverified);
    expect((await list({ pair: 'GBPUSD' })).map((a) => a.userId)).toEqual([v1]);
    expect((await list({ pair: 'EURUSD' })).map((a) => a.userId)).toEqual([v1, v2]);
    expect((await list({ session: 'london' })).map((a) => a.userId)).toEqual([v1]);
    expect((await list({ drawdown: core.RISK_THRESHOLDS.medium })).map((a) => a.userId)).toEqual([v2]);
    expect((await list({ style: 'scalper' })).map((a) => a.userId)).toEqual([v1]);
    expect(await list({ tier: 'gold' })).toEqual([]);
    expect((await list({ after: all[0]?.handle ?? '' })).map((a) => a.userId)).toEqual([v2]);
  });
});

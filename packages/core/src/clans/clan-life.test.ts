import { describe, expect, it } from 'vitest';
import { fakeClanDeps } from '../testing';
import { acceptInvite, createInvite, previewInvite, revokeInvite } from './invites';
import { createClan, updateClan } from './create-clan';
import { joinClan } from './join-clan';
import { approveJoinRequest, denyJoinRequest, listJoinRequests } from './join-requests';
import { leaveClan, disbandClan } from './leave-clan';
import { changeMemberRole, kickMember, transferLeadership } from './manage-members';
import { getMyClan } from './get-clan';
import { CreateClanSchema, INVITE_TTL_MS, UpdateClanSchema } from './model';

const input = (o: Record<string, unknown> = {}) =>
  CreateClanSchema.parse({ name: 'Gold Diggers', tradingFocus: 'gold', privacy: 'open', ...o });

async function clanWith(privacy: 'open' | 'request' | 'invite' = 'open') {
  const f = fakeClanDeps();
  const clan = await createClan(f.deps, { userId: 'lead', input: input({ privacy }) });
  return { ...f, clan };
}

describe('createClan', () => {
  it('makes the creator the leader of a free clan', async () => {
    const { deps, clan } = await clanWith();
    expect(clan).toMatchObject({ name: 'Gold Diggers', slug: 'gold-diggers', plan: 'free', privacy: 'open' });
    expect(await getMyClan(deps, 'lead')).toMatchObject({ role: 'leader', clan: { memberCount: 1, sizeLimit: 3 } });
  });

  it('rejects a name taken in another case', async () => {
    const { deps } = await clanWith();
    await expect(createClan(deps, { userId: 'other', input: input({ name: 'GOLD diggers' }) })).rejects.toMatchObject({
      code: 'clan.name_taken',
    });
  });

  it('refuses a trader who is already in a clan, with a clear message', async () => {
    const { deps } = await clanWith();
    await expect(createClan(deps, { userId: 'lead', input: input({ name: 'Second' }) })).rejects.toMatchObject({
      code: 'clan.already_in_clan',
      message: expect.stringMatching(/already in a clan/),
    });
  });

  it('validates name, avatar and Telegram link at the boundary', () => {
    const bad = CreateClanSchema.safeParse({
      name: 'ab',
      tradingFocus: 'tulips',
      avatarUrl: 'http://x.test/a.png',
      telegramUrl: 'https://telegram.example/x',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'tradingFocus', 'avatarUrl', 'telegramUrl']));
    expect(CreateClanSchema.parse({ ...input(), telegramUrl: 'https://t.me/+AbC123_x' }).telegramUrl).toBe(
      'https://t.me/+AbC123_x',
    );
    expect(UpdateClanSchema.safeParse({}).success).toBe(false);
  });

  it('lets a co-leader edit but not a member', async () => {
    const { deps, clan, store } = await clanWith();
    await joinClan(deps, { userId: 'co', clanId: clan.id });
    await joinClan(deps, { userId: 'm', clanId: clan.id });
    await store.setRole(clan.id, 'co', 'member', 'co_leader');
    const edited = await updateClan(deps, { userId: 'co', clanId: clan.id, patch: { name: 'Silver Linings' } });
    expect(edited).toMatchObject({ name: 'Silver Linings', slug: 'silver-linings' });
    await expect(updateClan(deps, { userId: 'm', clanId: clan.id, patch: { description: 'x' } })).rejects.toMatchObject(
      { code: 'clan.not_permitted' },
    );
  });
});

describe('joining', () => {
  it('joins an open clan at once and rejects a fourth member in a free clan', async () => {
    const { deps, clan } = await clanWith();
    expect(await joinClan(deps, { userId: 'a', clanId: clan.id })).toEqual({ status: 'joined' });
    await joinClan(deps, { userId: 'b', clanId: clan.id });
    await expect(joinClan(deps, { userId: 'c', clanId: clan.id })).rejects.toMatchObject({ code: 'clan.full' });
  });

  it('lets a pro clan grow to six', async () => {
    const { deps, clan, store } = await clanWith();
    (store.clans.get(clan.id) ?? { plan: '' }).plan = 'pro';
    for (const u of ['a', 'b', 'c', 'd', 'e']) await joinClan(deps, { userId: u, clanId: clan.id });
    await expect(joinClan(deps, { userId: 'f', clanId: clan.id })).rejects.toMatchObject({ code: 'clan.full' });
  });

  it('files a request for a request clan; a leader approves, a co-leader denies', async () => {
    const { deps, clan, store } = await clanWith('request');
    const asked = await joinClan(deps, { userId: 'a', clanId: clan.id, message: 'hi' });
    expect(asked.status).toBe('requested');
    await expect(joinClan(deps, { userId: 'a', clanId: clan.id })).rejects.toMatchObject({
      code: 'clan.request_exists',
    });
    await expect(listJoinRequests(deps, { userId: 'a', clanId: clan.id })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
    const [pending] = await listJoinRequests(deps, { userId: 'lead', clanId: clan.id });
    await approveJoinRequest(deps, { userId: 'lead', clanId: clan.id, requestId: pending?.id ?? '' });
    expect(await store.roleOf(clan.id, 'a')).toBe('member');
    await expect(
      approveJoinRequest(deps, { userId: 'lead', clanId: clan.id, requestId: pending?.id ?? '' }),
    ).rejects.toMatchObject({ code: 'clan.request_not_found' });

    const other = await joinClan(deps, { userId: 'b', clanId: clan.id });
    await store.setRole(clan.id, 'a', 'member', 'co_leader');
    await denyJoinRequest(deps, {
      userId: 'a',
      clanId: clan.id,
      requestId: other.status === 'requested' ? other.requestId : '',
    });
    expect(await store.roleOf(clan.id, 'b')).toBeNull();
  });

  it('refuses a plain join of an invite-only clan', async () => {
    const { deps, clan } = await clanWith('invite');
    await expect(joinClan(deps, { userId: 'a', clanId: clan.id })).rejects.toMatchObject({ code: 'clan.invite_only' });
  });
});

describe('invite links', () => {
  it('stores only the hash, joins through the link, and stops working when revoked or expired', async () => {
    const { deps, clan, store, clock } = await clanWith('invite');
    const link = await createInvite(deps, { userId: 'lead', clanId: clan.id });
    expect(link.url).toBe(`http://app.test/invite/${link.token}`);
    expect([...store.invites.values()][0]?.tokenHash).toBe(`h:${link.token}`);
    expect((await previewInvite(deps, link.token)).clan.name).toBe('Gold Diggers');
    expect(await acceptInvite(deps, { userId: 'a', token: link.token })).toEqual({ clanId: clan.id });

    await revokeInvite(deps, { userId: 'lead', clanId: clan.id, inviteId: link.id });
    await expect(acceptInvite(deps, { userId: 'b', token: link.token })).rejects.toMatchObject({
      code: 'clan.invite_revoked',
    });

    const second = await createInvite(deps, { userId: 'lead', clanId: clan.id });
    clock.advance(INVITE_TTL_MS);
    await expect(acceptInvite(deps, { userId: 'b', token: second.token })).rejects.toMatchObject({
      code: 'clan.invite_expired',
    });
    await expect(acceptInvite(deps, { userId: 'b', token: 'nope-nope-nope-nope-nope' })).rejects.toMatchObject({
      code: 'clan.invite_not_found',
    });
  });

  it('lets only leaders and co-leaders make links', async () => {
    const { deps, clan } = await clanWith();
    await joinClan(deps, { userId: 'a', clanId: clan.id });
    await expect(createInvite(deps, { userId: 'a', clanId: clan.id })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
  });
});

describe('members, roles and eviction', () => {
  async function fullClan() {
    const f = await clanWith();
    await joinClan(f.deps, { userId: 'co', clanId: f.clan.id });
    await joinClan(f.deps, { userId: 'm', clanId: f.clan.id });
    await changeMemberRole(f.deps, { userId: 'lead', clanId: f.clan.id, targetUserId: 'co', role: 'co_leader' });
    f.rooms.evictions.length = 0;
    return f;
  }

  it('kicks a member and evicts them from the clan chat and the subscriber chat', async () => {
    const { deps, clan, rooms, store } = await fullClan();
    await kickMember(deps, { userId: 'co', clanId: clan.id, targetUserId: 'm' });
    expect(await store.roleOf(clan.id, 'm')).toBeNull();
    expect(rooms.evictions).toEqual([
      { party: 'clan', room: clan.id, userId: 'm', reason: 'removed' },
      { party: 'subs', room: clan.id, userId: 'm', reason: 'removed' },
    ]);
  });

  it('does not let a co-leader kick the leader or a member kick anyone', async () => {
    const { deps, clan, rooms } = await fullClan();
    await expect(kickMember(deps, { userId: 'co', clanId: clan.id, targetUserId: 'lead' })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
    await expect(kickMember(deps, { userId: 'm', clanId: clan.id, targetUserId: 'co' })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
    await expect(
      changeMemberRole(deps, { userId: 'co', clanId: clan.id, targetUserId: 'm', role: 'co_leader' }),
    ).rejects.toMatchObject({ code: 'clan.not_permitted' });
    expect(rooms.evictions).toEqual([]);
  });

  it('closes sockets with role_changed on promotion and transfer', async () => {
    const { deps, clan, rooms, store } = await fullClan();
    await changeMemberRole(deps, { userId: 'lead', clanId: clan.id, targetUserId: 'm', role: 'co_leader' });
    expect(rooms.evictions.map((e) => `${e.party}:${e.userId}:${e.reason}`)).toEqual([
      'clan:m:role_changed',
      'subs:m:role_changed',
    ]);
    await transferLeadership(deps, { userId: 'lead', clanId: clan.id, targetUserId: 'co' });
    expect(await store.roleOf(clan.id, 'co')).toBe('leader');
    expect(await store.roleOf(clan.id, 'lead')).toBe('co_leader');
    expect(rooms.evictions.slice(2).map((e) => e.userId)).toEqual(['lead', 'lead', 'co', 'co']);
  });

  it('makes a leader transfer before leaving, and lets a member leave', async () => {
    const { deps, clan, rooms } = await fullClan();
    await expect(leaveClan(deps, { userId: 'lead', clanId: clan.id })).rejects.toMatchObject({
      code: 'clan.leader_must_transfer',
    });
    expect(await leaveClan(deps, { userId: 'm', clanId: clan.id })).toEqual({ disbanded: false });
    expect(rooms.evictions.map((e) => e.userId)).toEqual(['m', 'm']);
  });

  it('disbands when the last member (the leader) leaves, freeing the name', async () => {
    const { deps, clan, rooms } = await clanWith();
    expect(await leaveClan(deps, { userId: 'lead', clanId: clan.id })).toEqual({ disbanded: true });
    expect(rooms.evictions.map((e) => e.reason)).toEqual(['disbanded', 'disbanded']);
    await expect(joinClan(deps, { userId: 'a', clanId: clan.id })).rejects.toMatchObject({ code: 'clan.not_found' });
    await expect(createClan(deps, { userId: 'a', input: input() })).resolves.toMatchObject({ name: 'Gold Diggers' });
  });

  it('lets only the leader disband, evicting everyone', async () => {
    const { deps, clan, rooms } = await fullClan();
    await expect(disbandClan(deps, { userId: 'co', clanId: clan.id })).rejects.toMatchObject({
      code: 'clan.not_permitted',
    });
    await disbandClan(deps, { userId: 'lead', clanId: clan.id });
    expect(new Set(rooms.evictions.map((e) => e.userId))).toEqual(new Set(['lead', 'co', 'm']));
    expect(await getMyClan(deps, 'm')).toEqual({ clan: null, role: null });
  });
});

import { describe, expect, it } from 'vitest';
import { fakeClanDeps } from '../testing';
import { createClan, disbandClan } from './index';
import { joinClan } from './join-clan';
import { approveJoinRequest, denyJoinRequest, listJoinRequests } from './join-requests';
import { CreateClanSchema } from './model';
import { cancelMyJoinRequest, getMyJoinRequest, listMyJoinRequests } from './my-join-requests';

const input = (name: string) => CreateClanSchema.parse({ name, tradingFocus: 'gold', privacy: 'request' });

async function twoRequestClans() {
  const f = fakeClanDeps();
  const first = await createClan(f.deps, { userId: 'lead1', input: input('Gold Diggers') });
  const second = await createClan(f.deps, { userId: 'lead2', input: input('Silver Hands') });
  return { ...f, first, second };
}

describe('my join requests', () => {
  it('shows the requester their pending request, and nothing to anyone else', async () => {
    const { deps, first } = await twoRequestClans();
    expect(await getMyJoinRequest(deps, { userId: 'asker', clanId: first.id })).toBeNull();
    await joinClan(deps, { userId: 'asker', clanId: first.id, message: 'XAU scalper' });
    expect(await getMyJoinRequest(deps, { userId: 'asker', clanId: first.id })).toMatchObject({
      clanId: first.id,
      userId: 'asker',
      message: 'XAU scalper',
      status: 'pending',
    });
    expect(await getMyJoinRequest(deps, { userId: 'someone', clanId: first.id })).toBeNull();
    await expect(getMyJoinRequest(deps, { userId: 'asker', clanId: 'nope' })).rejects.toMatchObject({
      code: 'clan.not_found',
    });
  });

  it('lets the requester cancel: the leader no longer sees it and they may ask again', async () => {
    const { deps, first, clock } = await twoRequestClans();
    await joinClan(deps, { userId: 'asker', clanId: first.id });
    clock.advance(60_000);
    await cancelMyJoinRequest(deps, { userId: 'asker', clanId: first.id });
    expect(await getMyJoinRequest(deps, { userId: 'asker', clanId: first.id })).toBeNull();
    expect(await listJoinRequests(deps, { userId: 'lead1', clanId: first.id })).toEqual([]);
    await expect(cancelMyJoinRequest(deps, { userId: 'asker', clanId: first.id })).rejects.toMatchObject({
      code: 'clan.request_not_found',
    });
    expect((await joinClan(deps, { userId: 'asker', clanId: first.id })).status).toBe('requested');
  });

  it('refuses to cancel a request the leader already decided', async () => {
    const { deps, first } = await twoRequestClans();
    const asked = await joinClan(deps, { userId: 'asker', clanId: first.id });
    const requestId = asked.status === 'requested' ? asked.requestId : '';
    await denyJoinRequest(deps, { userId: 'lead1', clanId: first.id, requestId });
    await expect(cancelMyJoinRequest(deps, { userId: 'asker', clanId: first.id })).rejects.toMatchObject({
      code: 'clan.request_not_found',
      message: expect.stringMatching(/no pending request/),
    });
    await expect(approveJoinRequest(deps, { userId: 'lead1', clanId: first.id, requestId })).rejects.toMatchObject({
      code: 'clan.request_not_found',
    });
  });

  it('lists the trader’s pending requests newest first, without disbanded clans', async () => {
    const { deps, first, second } = await twoRequestClans();
    await joinClan(deps, { userId: 'asker', clanId: first.id, message: 'hi' });
    await joinClan(deps, { userId: 'asker', clanId: second.id });
    await joinClan(deps, { userId: 'other', clanId: first.id });
    expect(await listMyJoinRequests(deps, 'asker')).toEqual([
      expect.objectContaining({ clanId: second.id, clanName: 'Silver Hands', message: '' }),
      expect.objectContaining({ clanId: first.id, clanName: 'Gold Diggers', message: 'hi' }),
    ]);
    await disbandClan(deps, { userId: 'lead2', clanId: second.id });
    expect((await listMyJoinRequests(deps, 'asker')).map((r) => r.clanId)).toEqual([first.id]);
  });
});

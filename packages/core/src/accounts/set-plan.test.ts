import { describe, expect, it } from 'vitest';
import { fakeAccountDeps } from '../testing';
import { setUserPlan } from './set-plan';
import { signUp } from './sign-up';

describe('setUserPlan', () => {
  it('lets an admin grant Pro, audited; anyone else is refused', async () => {
    const { deps, store } = fakeAccountDeps();
    const input = { password: 'Correct-horse-9', displayName: 'A', locale: 'en' as const, timezone: 'UTC' };
    const { userId } = await signUp(deps, { ...input, email: 'a@example.test', handle: 'trader_a' });
    const { userId: adminId } = await signUp(deps, { ...input, email: 'b@example.test', handle: 'trader_b' });
    expect((await store.findUserById(userId))?.plan).toBe('free');

    await expect(setUserPlan(deps, { adminId: userId, userId, plan: 'pro' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await store.setRole(adminId, 'admin', {
      id: 'x',
      actorId: null,
      action: 'test',
      subjectId: null,
      data: {},
      createdAt: new Date(0),
    });
    expect(await setUserPlan(deps, { adminId, userId, plan: 'pro' })).toEqual({ userId, plan: 'pro' });
    expect((await store.findUserById(userId))?.plan).toBe('pro');
    expect(store.audit.at(-1)).toMatchObject({ actorId: adminId, action: 'user.plan_set', data: { plan: 'pro' } });
    await expect(setUserPlan(deps, { adminId, userId: 'nobody', plan: 'pro' })).rejects.toMatchObject({
      code: 'profile.not_found',
    });
  });
});

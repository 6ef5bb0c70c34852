import { describe, expect, it } from 'vitest';
import { CLAN_ACTIONS, CLAN_PERMISSIONS, assertCan, can } from './permissions';

describe('clan permissions', () => {
  it('gives the leader everything, the co-leader day-to-day moderation, the member nothing', () => {
    expect(CLAN_ACTIONS.every((a) => can('leader', a, 'member'))).toBe(true);
    expect(CLAN_ACTIONS.filter((a) => can('co_leader', a, 'member'))).toEqual([
      'view_requests',
      'decide_requests',
      'invite',
      'edit_clan',
      'kick',
    ]);
    expect(CLAN_ACTIONS.filter((a) => can('member', a, 'member'))).toEqual([]);
  });

  it('never lets anyone aim at the leader', () => {
    for (const role of ['leader', 'co_leader', 'member'] as const) {
      expect(can(role, 'kick', 'leader')).toBe(false);
      expect(can(role, 'change_role', 'leader')).toBe(false);
    }
    expect(CLAN_PERMISSIONS.co_leader.kick).toEqual(['member']);
  });

  it('refuses a non-member with clan.not_permitted', () => {
    expect(() => assertCan(null, 'invite')).toThrow(expect.objectContaining({ code: 'clan.not_permitted' }));
  });
});

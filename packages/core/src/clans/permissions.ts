import { DomainError } from '../shared/domain-error';
import type { ClanRole } from './model';

export const CLAN_ACTIONS = [
  'view_requests',
  'decide_requests',
  'invite',
  'edit_clan',
  'kick',
  'change_role',
  'transfer_leadership',
  'disband',
] as const;
export type ClanAction = (typeof CLAN_ACTIONS)[number];

/**
 * THE permission table of a clan (docs/clans.md shows the same table). For actions that
 * aim at another member (`kick`, `change_role`) the value lists the roles the actor may
 * aim at; for the rest, `true` or `false`. Nobody may aim an action at themself: leaving
 * and transferring are their own use cases.
 */
export const CLAN_PERMISSIONS: Readonly<Record<ClanRole, Readonly<Record<ClanAction, boolean | readonly ClanRole[]>>>> =
  {
    leader: {
      view_requests: true,
      decide_requests: true,
      invite: true,
      edit_clan: true,
      kick: ['co_leader', 'member'],
      change_role: ['co_leader', 'member'],
      transfer_leadership: true,
      disband: true,
    },
    co_leader: {
      view_requests: true,
      decide_requests: true,
      invite: true,
      edit_clan: true,
      kick: ['member'],
      change_role: [],
      transfer_leadership: false,
      disband: false,
    },
    member: {
      view_requests: false,
      decide_requests: false,
      invite: false,
      edit_clan: false,
      kick: [],
      change_role: [],
      transfer_leadership: false,
      disband: false,
    },
  };

/** True when `role` may do `action` (aimed at a member with `targetRole`, where it aims). */
export function can(role: ClanRole, action: ClanAction, targetRole?: ClanRole): boolean {
  const rule = CLAN_PERMISSIONS[role][action];
  if (typeof rule === 'boolean') return rule;
  return targetRole !== undefined && rule.includes(targetRole);
}

const WHAT: Record<ClanAction, string> = {
  view_requests: 'see join requests',
  decide_requests: 'approve or deny join requests',
  invite: 'manage invite links',
  edit_clan: 'edit the clan',
  kick: 'remove this member',
  change_role: "change this member's role",
  transfer_leadership: 'transfer leadership',
  disband: 'disband the clan',
};

/**
 * @throws DomainError `clan.not_permitted` when `role` (null = not a member) may not act.
 */
export function assertCan(role: ClanRole | null, action: ClanAction, targetRole?: ClanRole): ClanRole {
  if (role === null) throw new DomainError('clan.not_permitted', `Only members of this clan may ${WHAT[action]}`);
  if (!can(role, action, targetRole)) {
    throw new DomainError('clan.not_permitted', `A ${role.replace('_', '-')} may not ${WHAT[action]}`);
  }
  return role;
}

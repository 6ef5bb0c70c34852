export * from './model';
export type * from './ports';
export type { ClanDeps } from './deps';
export { CLAN_ACTIONS, CLAN_PERMISSIONS, can, assertCan, type ClanAction } from './permissions';
export { createClan, updateClan, slugify, nameTaken } from './create-clan';
export { joinClan } from './join-clan';
export {
  createInvite,
  listInvites,
  revokeInvite,
  previewInvite,
  acceptInvite,
  type CreatedInvite,
  type InviteView,
} from './invites';
export { listJoinRequests, approveJoinRequest, denyJoinRequest } from './join-requests';
export { getMyJoinRequest, cancelMyJoinRequest, listMyJoinRequests } from './my-join-requests';
export { kickMember, changeMemberRole, transferLeadership } from './manage-members';
export { leaveClan, disbandClan } from './leave-clan';
export {
  getClanProfile,
  getMyClan,
  searchClans,
  type ClanProfile,
  type ClanBadge,
  type ProfileMember,
} from './get-clan';
export { combineStats, type CombinedStats, type MemberAccounts, type VerifiedAccount } from './combine-stats';
export { listFreeAgents } from './free-agents';
export { CLAN_PARTIES, evictFromClanRooms } from './evict';

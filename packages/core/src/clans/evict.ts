import type { EvictionReason, RoomControl } from '../shared/ports';

/** Room parties keyed by clan id: the clan chat and the channel's subscriber chat. */
export const CLAN_PARTIES = ['clan', 'subs'] as const;

/**
 * Pushes these users out of the clan's rooms after their access or role changed. Called
 * after the change is committed; a failing room server must not undo or fail the change
 * (room tickets are short-lived and checked again on reconnect), so failures are ignored.
 */
export async function evictFromClanRooms(
  rooms: RoomControl,
  clanId: string,
  userIds: readonly string[],
  reason: EvictionReason,
): Promise<void> {
  await Promise.allSettled(
    userIds.flatMap((userId) => CLAN_PARTIES.map((party) => rooms.evict({ party, room: clanId, userId, reason }))),
  );
}

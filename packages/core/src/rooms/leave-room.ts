import type { RoomOutput } from './room-output';
import type { RoomRegistry } from './room-registry';

/**
 * Forgets a closed connection and tells the room `presence left` when it was the user's
 * last one. Safe to call for connections that were refused or already gone.
 */
export function leaveRoom(registry: RoomRegistry, connectionId: string): RoomOutput[] {
  const left = registry.leave(connectionId);
  if (!left?.lastForUser) return [];
  return [{ kind: 'broadcast', room: left.room, frame: { type: 'presence', userId: left.userId, state: 'left' } }];
}

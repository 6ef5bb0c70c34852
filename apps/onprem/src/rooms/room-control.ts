import type { RoomControl } from '@clantrader/core';
import type { RoomServer } from './attach-room-server';

/**
 * The on-prem RoomControl: a direct call into the room server of this process. The API
 * deps are composed before the HTTP server (and so the room server) exists, so the
 * server is attached afterwards; evictions before that have no sockets to close.
 */
export function createLocalRoomControl(): RoomControl & { attach(rooms: RoomServer): void } {
  let rooms: RoomServer | undefined;
  return {
    attach(server) {
      rooms = server;
    },
    async evict(input) {
      rooms?.evict(input);
    },
  };
}

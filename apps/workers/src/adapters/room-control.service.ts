import type { RoomControl } from '@clantrader/core';
import type { LogEntry } from '../api/index';

/** The header the party worker's rooms check (apps/party RoomServer.onRequest). */
const ROOM_CONTROL_HEADER = 'x-room-control';

/**
 * The edge RoomControl: a POST over the service binding to the party worker, which routes
 * `/parties/<party>/<room>` to that room's Durable Object; its `onRequest` checks the
 * internal secret and closes the user's sockets. Best effort: a failure is logged, never
 * thrown, so a kick is not undone because a room was unreachable (the user's ticket
 * expires within a minute anyway).
 */
export function createServiceRoomControl(
  rooms: { fetch(input: string, init: RequestInit): Promise<Response> },
  secret: string,
  log: (entry: LogEntry) => void,
): RoomControl {
  return {
    async evict({ party, room, userId, reason }) {
      const url = `https://rooms.internal/parties/${encodeURIComponent(party)}/${encodeURIComponent(room)}`;
      try {
        const res = await rooms.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [ROOM_CONTROL_HEADER]: secret },
          body: JSON.stringify({ userId, reason }),
        });
        if (!res.ok) log({ level: 'warn', event: 'rooms.evict_failed', party, room, status: res.status });
      } catch (error) {
        log({ level: 'warn', event: 'rooms.evict_failed', party, room, error: String(error) });
      }
    },
  };
}

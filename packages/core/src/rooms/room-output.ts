import type { RoomCloseCode, ServerFrame } from './protocol';

/**
 * What the room logic wants done, as data: both servers apply the same list to their
 * own sockets, so behaviour cannot drift between the Durable Object and the Node server.
 */
export type RoomOutput =
  | { kind: 'send'; connectionId: string; frame: ServerFrame }
  | { kind: 'broadcast'; room: string; frame: ServerFrame; except?: string }
  | { kind: 'close'; connectionId: string; code: RoomCloseCode; reason: string };

import type { Clock, RoomTicketSigner } from '../shared/ports';
import { admitConnection, type Admission } from './admit-connection';
import { handleFrame, type FrameData } from './handle-frame';
import { joinRoom } from './join-room';
import { leaveRoom } from './leave-room';
import { encodeServerFrame, type RoomCloseCode } from './protocol';
import { DEFAULT_ROOM_LIMITS, type RoomLimits } from './room-limits';
import type { RoomOutput } from './room-output';
import { RoomRegistry } from './room-registry';

/**
 * The only two things a server must do for the room logic: write a text frame to one
 * of its sockets, and close one. Unknown connection ids are ignored (already gone).
 * Connection ids are chosen by the server and unique per hub, never taken from the
 * client (partysocket's `_pk` is client-chosen, so the Durable Object mints its own).
 */
export interface RoomSink {
  send(connectionId: string, text: string): void;
  close(connectionId: string, code: RoomCloseCode, reason: string): void;
}

export type RoomHubDeps = {
  tickets: RoomTicketSigner;
  clock: Clock;
  sink: RoomSink;
  limits?: Partial<RoomLimits>;
};

/**
 * The room logic bound to one server's sockets. Call order per socket:
 * `admit` (before the socket is usable) → `open` → `receive`* → `leave` on close.
 */
export interface RoomHub {
  /** Verifies the ticket from the URL; no state changes, so it may run before the upgrade. */
  admit(input: { room: string; ticket: string | null | undefined }): Promise<Admission>;
  /** Joins an admitted socket (welcome + presence) or refuses it (error frame + close code). */
  open(input: { connectionId: string; admission: Admission }): void;
  receive(input: { connectionId: string; data: FrameData }): void;
  /** Call from the socket's close handler, whoever closed it. */
  leave(connectionId: string): void;
  /** Re-registers a socket that survived hibernation, silently (others already know it). */
  restore(input: { room: string; connectionId: string; userId: string }): void;
  presentIn(room: string): string[];
}

/**
 * Builds a hub over a fresh registry: one per Durable Object, one per party on-prem.
 * Every decision is taken by the pure room functions; the hub only routes their outputs.
 */
export function createRoomHub(deps: RoomHubDeps): RoomHub {
  const registry = new RoomRegistry();
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
  const apply = (outputs: RoomOutput[]) => deliverOutputs(registry, deps.sink, outputs);
  return {
    admit: (input) => admitConnection(deps, input),
    open: (input) => apply(joinRoom(registry, { ...input, now: deps.clock.now() })),
    receive: (input) => apply(handleFrame({ clock: deps.clock, limits }, registry, input)),
    leave: (connectionId) => apply(leaveRoom(registry, connectionId)),
    restore: (input) => {
      if (!registry.member(input.connectionId)) registry.join({ ...input, now: deps.clock.now().getTime() });
    },
    presentIn: (room) => registry.presentIn(room),
  };
}

/** Turns outputs into socket calls; a broadcast goes to the members the registry knows. */
export function deliverOutputs(registry: RoomRegistry, sink: RoomSink, outputs: RoomOutput[]): void {
  for (const output of outputs) {
    if (output.kind === 'close') {
      sink.close(output.connectionId, output.code, output.reason);
      continue;
    }
    const text = encodeServerFrame(output.frame);
    if (output.kind === 'send') {
      sink.send(output.connectionId, text);
      continue;
    }
    for (const id of registry.connectionsIn(output.room)) if (id !== output.except) sink.send(id, text);
  }
}

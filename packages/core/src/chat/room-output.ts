import { encodeServerFrame, type RoomCloseCode, type ServerFrame } from './protocol';
import type { RoomRegistry } from './room-registry';

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

export type BroadcastOptions = {
  /** Skip this connection (the sender gets its own answer). */
  except?: string;
  /** Skip every connection of this user (their own typing notice). */
  exceptUser?: string;
  /** Only connections that are live, i.e. not in the middle of a paged sync. */
  liveOnly?: boolean;
};

/** Encodes frames once and writes them to the registry's connections through the sink. */
export class RoomOutput {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly sink: RoomSink,
  ) {}

  send(connectionId: string, frame: ServerFrame): void {
    this.sink.send(connectionId, encodeServerFrame(frame));
  }

  broadcast(room: string, frame: ServerFrame, options: BroadcastOptions = {}): void {
    const text = encodeServerFrame(frame);
    for (const id of this.registry.connectionsIn(room)) {
      const member = this.registry.member(id);
      if (!member || member.closing || id === options.except || member.userId === options.exceptUser) continue;
      if (options.liveOnly && !member.live) continue;
      this.sink.send(id, text);
    }
  }

  /** To every open connection (tab) of one user in one room. */
  toUser(room: string, userId: string, frame: ServerFrame): void {
    const text = encodeServerFrame(frame);
    for (const id of this.registry.connectionsOf(room, userId)) {
      if (!this.registry.member(id)?.closing) this.sink.send(id, text);
    }
  }

  /** Marks the connection closing (its later frames are ignored) and closes it. */
  close(connectionId: string, code: RoomCloseCode, reason: string): void {
    const member = this.registry.member(connectionId);
    if (member) member.closing = true;
    this.sink.close(connectionId, code, reason);
  }
}

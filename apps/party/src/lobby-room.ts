import { createRoomHub, type RoomHub, type RoomSink } from '@clantrader/core';
import { Server, type Connection, type ConnectionContext, type WSMessage } from 'partyserver';
import { composeRoomDeps } from './compose';
import type { PartyEnv } from './env';

/**
 * Kept in the socket attachment (survives hibernation). `socketId` is minted here,
 * because partyserver's `connection.id` is the client-chosen `_pk` and must not let one
 * socket act on another's membership; `userId` is set only once the ticket is accepted.
 */
type SocketState = { socketId: string; userId?: string };

/**
 * One Durable Object per lobby room. A thin adapter: every decision is taken by core's
 * room hub, which the on-prem `ws` server drives the same way.
 *
 * Hibernation is off for now: under wrangler 4.86 / workerd 1.20260426 a hibernatable
 * socket closed during `onConnect` (a refused ticket) sends its close frame but the
 * client's TCP connection is never ended, so clients would wait for their own timeout.
 * `onStart` already rebuilds presence from the sockets' state, which is all
 * hibernation needs once that is resolved.
 */
export class LobbyRoom extends Server<PartyEnv> {
  static override options = { hibernate: false };
  readonly #sockets = new Map<string, Connection<SocketState>>();
  #hub: RoomHub | undefined;

  override onStart(): void {
    const hub = createRoomHub({ ...composeRoomDeps(this.env), sink: this.#createSink() });
    for (const connection of this.getConnections<SocketState>()) {
      const state = connection.state;
      if (!state) continue;
      this.#sockets.set(state.socketId, connection);
      if (state.userId) hub.restore({ room: this.name, connectionId: state.socketId, userId: state.userId });
    }
    this.#hub = hub;
  }

  override async onConnect(connection: Connection<SocketState>, ctx: ConnectionContext): Promise<void> {
    const socketId = crypto.randomUUID();
    connection.setState({ socketId });
    this.#sockets.set(socketId, connection);
    const ticket = new URL(ctx.request.url).searchParams.get('ticket');
    const admission = await this.#requireHub().admit({ room: this.name, ticket });
    if (admission.ok) connection.setState({ socketId, userId: admission.userId });
    this.#requireHub().open({ connectionId: socketId, admission });
  }

  override onMessage(connection: Connection<SocketState>, message: WSMessage): void {
    const socketId = connection.state?.socketId;
    if (socketId) this.#requireHub().receive({ connectionId: socketId, data: message });
  }

  override onClose(connection: Connection<SocketState>): void {
    this.#forget(connection);
  }

  override onError(connection: Connection<SocketState>): void {
    this.#forget(connection);
  }

  #forget(connection: Connection<SocketState>): void {
    const socketId = connection.state?.socketId;
    if (!socketId) return;
    this.#sockets.delete(socketId);
    this.#requireHub().leave(socketId);
  }

  #requireHub(): RoomHub {
    if (!this.#hub) throw new Error('LobbyRoom used before onStart');
    return this.#hub;
  }

  #createSink(): RoomSink {
    // A socket may close between the decision and the write; that is not an error.
    return {
      send: (id, text) => ignoreClosed(() => this.#sockets.get(id)?.send(text)),
      close: (id, code, reason) => ignoreClosed(() => this.#sockets.get(id)?.close(code, reason)),
    };
  }
}

function ignoreClosed(write: () => void): void {
  try {
    write();
  } catch {
    // The socket is already closing; its close handler will do the bookkeeping.
  }
}

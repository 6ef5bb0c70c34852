import {
  createRoomHub,
  type ChatStore,
  type ClanAssistant,
  type RoomHub,
  type RoomRole,
  type RoomSink,
} from '@clantrader/core';
import { Server, type Connection, type ConnectionContext, type WSMessage } from 'partyserver';
import { z } from 'zod';
import { composeRoomDeps, type RoomDeps } from './compose';
import type { PartyEnv } from './env';

/**
 * Kept in the socket attachment. `socketId` is minted here, because partyserver's
 * `connection.id` is the client-chosen `_pk` and must not let one socket act on another's
 * membership; `userId` and `role` are set only once the ticket is accepted.
 */
type SocketState = { socketId: string; userId?: string; role?: RoomRole };

/** Header carrying ROOM_CONTROL_SECRET on the API Worker's eviction requests. */
export const ROOM_CONTROL_HEADER = 'x-room-control';

const EvictRequestSchema = z.strictObject({
  userId: z.string().min(1).max(200),
  reason: z.enum(['removed', 'role_changed', 'disbanded']),
});

/**
 * One Durable Object per room of one party. A thin adapter: every decision is taken by
 * core's room hub, which the on-prem `ws` server drives the same way. Subclasses name the
 * party and say whether it stores messages.
 *
 * Hibernation is off: under wrangler 4.86 / workerd 1.20260426 a hibernatable socket
 * closed during `onConnect` (a refused ticket) sends its close frame but the client's TCP
 * connection is never ended. `onStart` already rebuilds presence from the sockets' state.
 */
export abstract class RoomServer extends Server<PartyEnv> {
  static override options = { hibernate: false };
  protected abstract readonly party: string;
  readonly #sockets = new Map<string, Connection<SocketState>>();
  #hub: RoomHub | undefined;
  #deps: RoomDeps | undefined;

  /** The party's message store; undefined for presence-only rooms. */
  protected abstract openStore(deps: RoomDeps): ChatStore | undefined;

  /** Who answers `@ai` here; only the clan chat has one. */
  protected openAssistant(): ClanAssistant | undefined {
    return undefined;
  }

  override onStart(): void {
    const deps = composeRoomDeps(this.env);
    const store = this.openStore(deps);
    const assistant = this.openAssistant();
    const hub = createRoomHub({
      party: this.party,
      ...deps,
      sink: this.#createSink(),
      ...(store ? { store } : {}),
      ...(assistant ? { assistant } : {}),
      onError: (error) => console.error(JSON.stringify({ level: 'error', event: 'room.error', error: String(error) })),
    });
    for (const connection of this.getConnections<SocketState>()) {
      const state = connection.state;
      if (!state) continue;
      this.#sockets.set(state.socketId, connection);
      if (state.userId && state.role) {
        hub.restore({ room: this.name, connectionId: state.socketId, userId: state.userId, role: state.role });
      }
    }
    this.#deps = deps;
    this.#hub = hub;
  }

  override async onConnect(connection: Connection<SocketState>, ctx: ConnectionContext): Promise<void> {
    const socketId = crypto.randomUUID();
    connection.setState({ socketId });
    this.#sockets.set(socketId, connection);
    const url = new URL(ctx.request.url);
    const admission = await this.#requireHub().admit({ room: this.name, ticket: url.searchParams.get('ticket') });
    if (admission.ok) connection.setState({ socketId, userId: admission.userId, role: admission.role });
    const since = parseSince(url.searchParams.get('since'));
    await this.#requireHub().open({ connectionId: socketId, admission, ...(since === undefined ? {} : { since }) });
  }

  override async onMessage(connection: Connection<SocketState>, message: WSMessage): Promise<void> {
    const socketId = connection.state?.socketId;
    if (socketId) await this.#requireHub().receive({ connectionId: socketId, data: message });
  }

  override onClose(connection: Connection<SocketState>): void {
    this.#forget(connection);
  }

  override onError(connection: Connection<SocketState>): void {
    this.#forget(connection);
  }

  /**
   * The API Worker's eviction (RoomControl over a service binding): `POST` with the
   * internal secret and `{userId, reason}` closes that user's sockets here at once.
   */
  override async onRequest(request: Request): Promise<Response> {
    const secret = this.#deps?.vars.ROOM_CONTROL_SECRET;
    if (request.method !== 'POST') return new Response('Not found', { status: 404 });
    if (!secret || !(await sameSecret(request.headers.get(ROOM_CONTROL_HEADER), secret))) {
      return new Response('Forbidden', { status: 403 });
    }
    const body = EvictRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) return new Response('Bad request', { status: 400 });
    const closed = this.#requireHub().evict({ room: this.name, ...body.data });
    return Response.json({ closed });
  }

  #forget(connection: Connection<SocketState>): void {
    const socketId = connection.state?.socketId;
    if (!socketId) return;
    this.#sockets.delete(socketId);
    this.#requireHub().leave(socketId);
  }

  #requireHub(): RoomHub {
    if (!this.#hub) throw new Error(`${this.party} room used before onStart`);
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

/** `?since=<seq>` from a reconnecting client; anything else is ignored (no sync). */
export function parseSince(raw: string | null): number | undefined {
  if (raw === null || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
async function sameSecret(given: string | null, expected: string): Promise<boolean> {
  if (given === null) return false;
  const digest = async (s: string) =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function ignoreClosed(write: () => void): void {
  try {
    write();
  } catch {
    // The socket is already closing; its close handler will do the bookkeeping.
  }
}

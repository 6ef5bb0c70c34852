import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  AI_MENTION_PARTY,
  type Admission,
  createRoomHub,
  isChatParty,
  ROOM_PARTIES,
  type ChatStore,
  type ClanAssistant,
  type Clock,
  type EvictionReason,
  type IdGenerator,
  type RoomHub,
  type RoomLimits,
  type RoomTicketSigner,
} from '@clantrader/core';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export type RoomServerDeps = {
  tickets: RoomTicketSigner;
  clock: Clock;
  ids: IdGenerator;
  /** Messages of the chat parties (pg or PGlite); without one only the lobby is served. */
  store?: ChatStore;
  /** Parties served at `/parties/<party>/<room>`; defaults to core's ROOM_PARTIES. */
  parties?: readonly string[];
  /** Interval of protocol-level pings; a socket that misses one is terminated. */
  heartbeatMs?: number;
  limits?: Partial<RoomLimits>;
  /** Answers `@ai` in `clan` rooms (in process: core's createClanAssistant); absent = plain text. */
  assistant?: ClanAssistant;
  /** Store failures; the client already got an error frame. */
  onError?: (error: unknown) => void;
};

export type RoomServer = {
  /** Closes a user's sockets in one room at once (RoomControl, in process); returns how many. */
  evict(input: { party: string; room: string; userId: string; reason: EvictionReason }): number;
  /** Stops taking upgrades, closes every socket with 1001 and waits for them. */
  close(): Promise<void>;
};

/** Same ceiling as workerd's, so an oversize frame is answered alike in both homes. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;
const CLOSE_GRACE_MS = 2000;

/**
 * Serves the rooms on-prem from the same core logic as the Durable Object room, on the
 * same paths, so the browser's partysocket cannot tell the homes apart. Handles only
 * upgrades under `/parties/`; others are left to other `upgrade` listeners, or refused
 * with 404 when there is none. Unknown parties get 400, as partyserver answers.
 */
export function attachRoomServer(server: http.Server, deps: RoomServerDeps): RoomServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const sockets = new Map<string, WebSocket>();
  const alive = new WeakSet<WebSocket>();
  const sink = {
    send: (id: string, text: string) => sockets.get(id)?.send(text),
    close: (id: string, code: number, reason: string) => sockets.get(id)?.close(code, reason),
  };
  const { store } = deps;
  const parties = (deps.parties ?? ROOM_PARTIES).filter((party) => store || !isChatParty(party));
  const hubs = new Map<string, RoomHub>(
    parties.map((party) => {
      const hub = createRoomHub({
        party,
        tickets: deps.tickets,
        clock: deps.clock,
        ids: deps.ids,
        sink,
        ...(store && isChatParty(party) ? { store } : {}),
        ...(deps.limits ? { limits: deps.limits } : {}),
        ...(deps.assistant && party === AI_MENTION_PARTY ? { assistant: deps.assistant } : {}),
        ...(deps.onError ? { onError: deps.onError } : {}),
      });
      return [party, hub];
    }),
  );
  let closed = false;

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = matchPartyPath(req.url ?? '/');
    if (!target) {
      if (server.listenerCount('upgrade') <= 1) refuseUpgrade(socket, 404, 'Not Found');
      return;
    }
    const hub = hubs.get(target.party);
    if (!hub || closed) {
      refuseUpgrade(socket, closed ? 503 : 400, closed ? 'Service Unavailable' : 'Bad Request');
      return;
    }
    // Until ws takes the socket over, a reset during the ticket check must not crash us.
    const ignoreEarlyError = () => socket.destroy();
    socket.on('error', ignoreEarlyError);
    const upgrade = hub.admit({ room: target.room, ticket: target.ticket }).then((admission) => {
      socket.off('error', ignoreEarlyError);
      if (socket.destroyed) return;
      if (closed) return refuseUpgrade(socket, 503, 'Service Unavailable');
      const since = target.since;
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, hub, admission, since));
    });
    upgrade.catch(() => socket.destroy());
  };
  server.on('upgrade', onUpgrade);

  // Outside onUpgrade, so the socket's listeners do not keep the upgrade request, its head
  // buffer and the ticket alive for the socket's lifetime (~3 KB per idle socket).
  function serve(ws: WebSocket, hub: RoomHub, admission: Admission, since: number | undefined) {
    const connectionId = randomUUID();
    sockets.set(connectionId, ws);
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('message', (data, isBinary) => void hub.receive({ connectionId, data: readFrame(data, isBinary) }));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      sockets.delete(connectionId);
      hub.leave(connectionId);
    });
    void hub.open({ connectionId, admission, ...(since === undefined ? {} : { since }) });
  }

  const heartbeat = setInterval(() => {
    for (const ws of sockets.values()) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, deps.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    evict: ({ party, ...input }) => hubs.get(party)?.evict(input) ?? 0,
    async close() {
      closed = true;
      clearInterval(heartbeat);
      server.off('upgrade', onUpgrade);
      const open = [...sockets.values()];
      const done = open.map((ws) => new Promise((resolve) => ws.once('close', resolve)));
      for (const ws of open) ws.close(1001, 'server shutting down');
      const force = setTimeout(() => open.forEach((ws) => ws.terminate()), CLOSE_GRACE_MS);
      await Promise.all(done);
      clearTimeout(force);
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

/**
 * `/parties/<party>/<room>[/...]?ticket=...[&since=<seq>]`, split the way partyserver's
 * router does; `since` (a reconnect) is kept only when it is a plain non-negative integer.
 */
export function matchPartyPath(
  url: string,
): { party: string; room: string; ticket: string | null; since?: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://localhost');
  } catch {
    return null;
  }
  const [prefix, party, room] = parsed.pathname.split('/').filter(Boolean);
  if (prefix !== 'parties' || !party || !room) return null;
  const since = parsed.searchParams.get('since');
  return {
    party,
    room,
    ticket: parsed.searchParams.get('ticket'),
    ...(since !== null && /^\d{1,15}$/.test(since) ? { since: Number(since) } : {}),
  };
}

function readFrame(data: RawData, isBinary: boolean): string | Uint8Array {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return isBinary ? bytes : bytes.toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

import {
  ROOM_CLOSE_CODES,
  ServerFrameSchema,
  type ChatMessage,
  type ChatParty,
  type ClientFrame,
} from '@clantrader/core';
import PartySocket from 'partysocket';
import {
  connectionClosed,
  connectionOpened,
  discardPending,
  dismissError,
  initialChatState,
  markRead,
  receiveFrame,
  requestOlder,
  retryPending,
  sendText,
  type ChatState,
  type Step,
} from './chat-state';
import { newClientId } from './client-id';
import { fetchTicket } from './ticket';

/**
 * online: socket open. connecting: not open yet, or reconnecting. offline: the browser
 * said the network went away (reconnecting with backoff until it is back). forbidden: the room refused us for good (not a member, 4003).
 * signedOut: the session ended. broken: the server called our frames invalid (4400).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'forbidden' | 'signedOut' | 'broken';

export type ChatRoomOptions = {
  party: ChatParty;
  room: string;
  /** This app's endpoint that answers `{ ticket }` for the room. */
  ticketUrl: string;
  initial?: { messages: ChatMessage[]; hasMore: boolean; readSeq: number };
  /** The server confirmed the read marker moved (refresh the sidebar's unread counts). */
  onRead?: (seq: number) => void;
};

const PING_EVERY_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;
const TYPING_EVERY_MS = 2_500;

/**
 * One chat room in the browser: a partysocket connection to `/parties/<party>/<room>` with a
 * fresh ticket for every (re)connect, driving the pure state machine of chat-state.ts. Stops
 * for good on 4003 (not a member) and 4400; reconnects on anything else, 4001 included (its
 * new ticket carries the new role).
 */
export class ChatRoom {
  state = $state.raw<ChatState>(initialChatState());
  status = $state<ConnectionStatus>('connecting');
  /** Ticks while someone is typing, so typing notices expire on screen. */
  now = $state(Date.now());
  /** Was ever online: a later disconnect shows the offline banner rather than "connecting". */
  wasOnline = $state(false);

  #options: ChatRoomOptions;
  #socket: PartySocket | null = null;
  #timers: ReturnType<typeof setInterval>[] = [];
  #pongTimer: ReturnType<typeof setTimeout> | null = null;
  #typingSentAt = 0;
  #cleanup: (() => void)[] = [];

  constructor(options: ChatRoomOptions) {
    this.#options = options;
    this.state = initialChatState(options.initial);
  }

  /** Opens the socket; call once from the browser (an effect), undo with destroy(). */
  connect(): void {
    if (this.#socket || this.#stopped) return;
    const socket = new PartySocket({
      host: location.host,
      protocol: location.protocol === 'https:' ? 'wss' : 'ws',
      party: this.#options.party,
      room: this.#options.room,
      query: () => this.#ticketQuery(),
      // Our own pending list re-sends after a reconnect; the socket must not replay frames.
      maxEnqueuedMessages: 0,
      minReconnectionDelay: 500,
      maxReconnectionDelay: 8000,
      reconnectionDelayGrowFactor: 1.6,
      shouldReconnectOnClose: (e) => e.code !== ROOM_CLOSE_CODES.forbidden && e.code !== ROOM_CLOSE_CODES.badFrame,
    });
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.status = 'online';
      this.wasOnline = true;
      this.#apply(connectionOpened(this.state));
    });
    socket.addEventListener('message', (e: MessageEvent) => this.#onMessage(e.data));
    socket.addEventListener('close', (e: CloseEvent) => this.#onClose(e.code));
    this.#timers.push(
      setInterval(() => this.#ping(), PING_EVERY_MS),
      setInterval(() => {
        if (Object.keys(this.state.typing).length > 0) this.now = Date.now();
      }, 1000),
    );
    // The browser's network events are hints, never a gate: navigator.onLine is false on a
    // machine whose only network is a LAN or loopback (an on-prem blackout), where the
    // room server is perfectly reachable. Going "offline" drops the socket, which a dead
    // link would not report for a long time; reconnecting then retries with backoff.
    const offline = () => {
      if (this.#stopped) return;
      this.status = 'offline';
      socket.reconnect();
    };
    const online = () => {
      if (this.#stopped || this.status === 'online') return;
      this.status = 'connecting';
      socket.reconnect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.#cleanup.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
  }

  destroy(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    if (this.#pongTimer) clearTimeout(this.#pongTimer);
    for (const undo of this.#cleanup) undo();
    this.#cleanup = [];
    this.#socket?.close();
    this.#socket = null;
  }

  get #stopped(): boolean {
    return this.status === 'forbidden' || this.status === 'signedOut' || this.status === 'broken';
  }

  send(text: string, clientId: string = newClientId()): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off timestamp, not state
    this.#apply(sendText(this.state, { clientId, text, createdAt: new Date().toISOString() }));
  }
  retry(clientId: string): void {
    this.#apply(retryPending(this.state, clientId));
  }
  discard(clientId: string): void {
    this.state = discardPending(this.state, clientId);
  }
  loadOlder(): void {
    this.#apply(requestOlder(this.state));
  }
  markRead(seq: number): void {
    this.#apply(markRead(this.state, seq));
  }
  dismissError(id: number): void {
    this.state = dismissError(this.state, id);
  }

  /** Edit, delete, pin, unpin: false when offline (the page says so; nothing is queued). */
  act(frame: Extract<ClientFrame, { type: 'edit' | 'delete' | 'pin' | 'unpin' }>): boolean {
    if (this.state.phase !== 'live') return false;
    this.#write(frame);
    return true;
  }

  /** Called on input; sends at most one typing frame per interval. */
  typing(): void {
    const now = Date.now();
    if (this.state.phase !== 'live' || now - this.#typingSentAt < TYPING_EVERY_MS) return;
    this.#typingSentAt = now;
    this.#write({ type: 'typing' });
  }

  async #ticketQuery(): Promise<Record<string, string>> {
    const result = await fetchTicket(this.#options.ticketUrl);
    if (!result.ok) {
      this.#stop(result.reason);
      throw new Error(`room refused: ${result.reason}`);
    }
    return { ticket: result.ticket };
  }

  #stop(status: 'forbidden' | 'signedOut' | 'broken'): void {
    this.status = status;
    this.#socket?.close();
  }

  #onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerFrameSchema.safeParse(json);
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.type === 'pong' && this.#pongTimer) {
      clearTimeout(this.#pongTimer);
      this.#pongTimer = null;
    }
    const before = this.state.readSeq;
    this.#apply(receiveFrame(this.state, frame, Date.now()));
    if (frame.type === 'typing') this.now = Date.now();
    if (frame.type === 'read' && this.state.readSeq > before) this.#options.onRead?.(this.state.readSeq);
  }

  #onClose(code: number): void {
    this.state = connectionClosed(this.state);
    if (this.#pongTimer) clearTimeout(this.#pongTimer);
    this.#pongTimer = null;
    if (this.#stopped) return;
    if (code === ROOM_CLOSE_CODES.forbidden) this.status = 'forbidden';
    else if (code === ROOM_CLOSE_CODES.badFrame) this.status = 'broken';
    else if (this.status !== 'offline') this.status = 'connecting';
  }

  /** A socket that stopped answering (a dead network path) is replaced rather than trusted. */
  #ping(): void {
    if (this.status !== 'online' || this.#pongTimer) return;
    this.#write({ type: 'ping' });
    this.#pongTimer = setTimeout(() => {
      this.#pongTimer = null;
      this.#socket?.reconnect();
    }, PONG_TIMEOUT_MS);
  }

  #apply(step: Step): void {
    this.state = step.state;
    for (const frame of step.send) this.#write(frame);
  }

  #write(frame: ClientFrame): void {
    const socket = this.#socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }
}

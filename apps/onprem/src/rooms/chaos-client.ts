import { ServerFrameSchema, type ChatMessage, type ServerFrame } from '@clantrader/core';
import WebSocket from 'ws';

/**
 * A strict chat client for the chaos test (chaos.test.ts): it speaks the real room
 * protocol over `ws`, keeps its view of one room as the contiguous list of messages
 * seq 1..lastSeq, and records a violation for anything the delivery guarantees rule out
 * (a gap, a seq seen twice, a live message before the catch-up finished, an ack for
 * someone else's message). It never repairs its view: a lost or duplicated message shows.
 *
 * On every (re)connect it asks for what it missed with `since` = its last seq and, once
 * the `sync` is complete, re-sends every message that has no ack yet, with the same
 * clientId, then goes on with new ones (at most `window` unacked at a time).
 */
export type ChaosClientOptions = {
  /** Index in the test, used in clientIds and texts. */
  index: number;
  userId: string;
  room: string;
  /** New messages this client sends in total. */
  total: number;
  /** Unacked messages in flight at most. */
  window: number;
  /** The socket URL (with a fresh ticket) for a connection that resumes after `since`. */
  url: (since: number) => Promise<string>;
  /**
   * `url`: `since` travels in the connection URL and the server syncs before going live.
   * `hello`: the client asks with `hello{since}` after the welcome and ignores live
   * messages until its sync is complete (they are in the sync).
   */
  resume: 'url' | 'hello';
  /** Pause before reconnecting after a drop, in ms. */
  reconnectDelay: () => number;
};

export type ChaosStats = {
  connects: number;
  terminated: number;
  closedCleanly: number;
  /** Messages that were sent but had no ack when their socket went away. */
  unackedAtDrop: number;
  resends: number;
  /** Acks answering a re-send of a message already stored (idempotent replay). */
  replayedAcks: number;
  syncPages: number;
  syncedMessages: number;
};

type Pending = { clientId: string; text: string; sends: number };

export class ChaosClient {
  /** The client's view of the room: view[i].seq === i + 1. */
  readonly view: ChatMessage[] = [];
  /** Every ack received, by clientId. */
  readonly acked = new Map<string, ChatMessage>();
  readonly violations: string[] = [];
  readonly stats: ChaosStats = {
    connects: 0,
    terminated: 0,
    closedCleanly: 0,
    unackedAtDrop: 0,
    resends: 0,
    replayedAcks: 0,
    syncPages: 0,
    syncedMessages: 0,
  };

  private readonly pending = new Map<string, Pending>();
  private nextIndex = 0;
  private ws: WebSocket | undefined;
  private synced = false;
  private stopped = false;

  readonly index: number;
  readonly userId: string;
  readonly room: string;

  constructor(private readonly o: ChaosClientOptions) {
    this.index = o.index;
    this.userId = o.userId;
    this.room = o.room;
  }

  /** The text of this client's n-th message. */
  text(n: number): string {
    return `chaos ${this.index} #${n}`;
  }

  /** The clientId of this client's n-th message. */
  clientId(n: number): string {
    return `c${this.index}-${n}`;
  }

  get lastSeq(): number {
    return this.view.length;
  }

  /** Connected, caught up and live. */
  get live(): boolean {
    return this.ws?.readyState === WebSocket.OPEN && this.synced;
  }

  /** Connected and still sending: a candidate for the chaos driver. */
  get droppable(): boolean {
    return this.ws?.readyState === WebSocket.OPEN && !this.finished;
  }

  /** Every message sent and acked. */
  get finished(): boolean {
    return this.nextIndex >= this.o.total && this.pending.size === 0;
  }

  get label(): string {
    return `client ${this.o.index} (room ${this.o.room.slice(0, 8)})`;
  }

  start(): void {
    void this.connect();
  }

  /** Drops the connection the way the chaos driver asks: a TCP reset or a clean close. */
  drop(how: 'terminate' | 'close'): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return false;
    if (how === 'terminate') {
      this.stats.terminated += 1;
      ws.terminate();
    } else {
      this.stats.closedCleanly += 1;
      ws.close(1000, 'chaos');
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close(1000, 'done');
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.synced = false;
    const url = await this.o.url(this.lastSeq);
    if (this.stopped) return;
    const ws = new WebSocket(url);
    this.ws = ws;
    this.stats.connects += 1;
    let sawWelcome = false;
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      let frame: ServerFrame;
      try {
        frame = ServerFrameSchema.parse(JSON.parse(String(data)));
      } catch {
        this.violate(`unparseable server frame ${String(data).slice(0, 120)}`);
        return;
      }
      if (frame.type === 'welcome' && !sawWelcome) {
        sawWelcome = true;
        if (this.o.resume === 'hello') this.send({ type: 'hello', since: this.lastSeq });
      }
      this.onFrame(frame);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.synced = false;
      this.stats.unackedAtDrop += this.pending.size;
      if (this.stopped) return;
      setTimeout(() => void this.connect(), this.o.reconnectDelay());
    });
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'sync': {
        if (this.synced) {
          this.violate(`sync while live`);
          return;
        }
        this.stats.syncPages += 1;
        this.stats.syncedMessages += frame.messages.length;
        for (const m of frame.messages) this.accept(m, 'sync');
        if (!frame.complete) {
          this.send({ type: 'hello', since: this.lastSeq });
          return;
        }
        this.synced = true;
        // Re-send what has no ack yet, oldest first, with the same clientId.
        for (const p of this.pending.values()) {
          p.sends += 1;
          this.stats.resends += 1;
          this.send({ type: 'send', clientId: p.clientId, text: p.text });
        }
        this.pump();
        return;
      }
      case 'message':
        if (!this.synced) {
          // With `hello`, the socket is live from the welcome on: these are in the sync.
          if (this.o.resume === 'url') this.violate(`live message seq ${frame.message.seq} before the sync completed`);
          return;
        }
        this.accept(frame.message, 'message');
        return;
      case 'ack':
        this.onAck(frame.clientId, frame.message);
        return;
      case 'error':
        this.violate(`error frame ${frame.code}: ${frame.message}`);
        return;
      default:
        return;
    }
  }

  private onAck(clientId: string, m: ChatMessage): void {
    if (m.authorId !== this.o.userId || m.clientId !== clientId) {
      this.violate(`ack for ${clientId} carries ${m.authorId}/${m.clientId}`);
      return;
    }
    const earlier = this.acked.get(clientId);
    if (earlier && earlier.id !== m.id) this.violate(`${clientId} acked as ${earlier.id} and as ${m.id}`);
    if (m.seq <= this.lastSeq) {
      // A re-send of a message stored before: the original, already in the view.
      const seen = this.view[m.seq - 1];
      if (seen?.id !== m.id) this.violate(`replayed ack seq ${m.seq} is ${m.id}, view has ${seen?.id}`);
      else this.stats.replayedAcks += 1;
    } else if (!this.synced) {
      this.violate(`new ack seq ${m.seq} before the sync completed`);
      return;
    } else this.accept(m, 'ack');
    this.acked.set(clientId, m);
    this.pending.delete(clientId);
    this.pump();
  }

  /** Appends the next message of the room; anything but seq = lastSeq + 1 is a violation. */
  private accept(m: ChatMessage, via: string): void {
    if (m.room !== this.o.room) this.violate(`${via} seq ${m.seq} from room ${m.room}`);
    else if (m.seq === this.lastSeq + 1) this.view.push(m);
    else if (m.seq <= this.lastSeq) this.violate(`${via} seq ${m.seq} again (have ${this.lastSeq})`);
    else this.violate(`${via} seq ${m.seq} after ${this.lastSeq}: gap`);
  }

  private pump(): void {
    while (this.live && this.pending.size < this.o.window && this.nextIndex < this.o.total) {
      const n = this.nextIndex++;
      const p: Pending = { clientId: this.clientId(n), text: this.text(n), sends: 1 };
      this.pending.set(p.clientId, p);
      this.send({ type: 'send', clientId: p.clientId, text: p.text });
    }
  }

  private send(frame: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private violate(what: string): void {
    if (this.violations.length < 50) this.violations.push(`${this.label}: ${what}`);
  }
}

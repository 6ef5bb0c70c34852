import type { ChatMessage } from './model';
import type { ClientFrame, ServerFrame } from './protocol';

/** A message the user sent that has no `ack` yet. */
export type PendingMessage = { clientId: string; text: string; failed: boolean };

/**
 * The client's side of the delivery guarantees, as plain state for the browser (and test
 * clients): messages by seq without duplicates, the `since` to reconnect with, the next
 * `hello` while a sync is paged, and the outbox to re-send (same clientId) after a
 * reconnect. Feed it every server frame; it never talks to a socket itself.
 */
export class ChatTimeline {
  private readonly bySeq = new Map<number, ChatMessage>();
  private readonly pending = new Map<string, PendingMessage>();
  private contiguous = 0;
  /** True once the last sync was complete; until then sends wait. */
  synced = false;

  /** Every known message, ascending by seq. */
  get messages(): ChatMessage[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The seq to reconnect with (`?since=` or `hello{since}`): everything up to it is here. */
  get since(): number {
    return this.contiguous;
  }

  get outbox(): PendingMessage[] {
    return [...this.pending.values()];
  }

  /**
   * Marks everything up to `seq` as known without holding it, after the first paint of
   * the newest page (HTTP or `history`): reconnects then sync from there, and older
   * messages are paged in with `history` on demand.
   */
  resumeFrom(seq: number): void {
    this.contiguous = Math.max(this.contiguous, seq);
    while (this.bySeq.has(this.contiguous + 1)) this.contiguous += 1;
  }

  /** Queues a message and returns the frame to send now (or after the next complete sync). */
  send(clientId: string, text: string): ClientFrame {
    this.pending.set(clientId, { clientId, text, failed: false });
    return { type: 'send', clientId, text };
  }

  /** The frames to send after a (re)connect's sync completed: the unacked messages again. */
  resend(): ClientFrame[] {
    return this.outbox.map(({ clientId, text }) => ({ type: 'send', clientId, text }));
  }

  /** Call when the socket closes: the next connection starts with a sync again. */
  disconnected(): void {
    this.synced = false;
  }

  /** Applies one server frame; returns a frame to send in answer (the next sync page), if any. */
  apply(frame: ServerFrame): ClientFrame | null {
    switch (frame.type) {
      case 'welcome':
        for (const pin of frame.pins) this.upsert(pin);
        return null;
      case 'sync':
        frame.messages.forEach((m) => this.add(m));
        this.synced = frame.complete;
        return frame.complete ? null : { type: 'hello', since: this.contiguous };
      case 'history':
        frame.messages.forEach((m) => this.add(m));
        return null;
      case 'message':
        this.add(frame.message);
        return null;
      case 'ack':
        this.pending.delete(frame.clientId);
        this.add(frame.message);
        return null;
      case 'updated':
        this.upsert(frame.message);
        return null;
      case 'error': {
        const failed = frame.clientId === undefined ? undefined : this.pending.get(frame.clientId);
        if (failed) failed.failed = true;
        return null;
      }
      default:
        return null;
    }
  }

  private add(message: ChatMessage): void {
    if (!this.bySeq.has(message.seq)) this.bySeq.set(message.seq, message);
    while (this.bySeq.has(this.contiguous + 1)) this.contiguous += 1;
  }

  /** Edits and pins replace what is known; an unknown message is only remembered if it is new. */
  private upsert(message: ChatMessage): void {
    if (this.bySeq.has(message.seq)) this.bySeq.set(message.seq, message);
    else if (message.seq > this.contiguous) this.add(message);
  }
}

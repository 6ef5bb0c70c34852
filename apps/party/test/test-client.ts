import { ServerFrameSchema, type ServerFrame } from '@clantrader/core';
import WebSocket from 'ws';

const WAIT_MS = 5000;

/**
 * A `ws` client that queues every server frame from the first byte (so none is lost
 * between the upgrade and the first `await`) and validates it against the protocol.
 */
export class TestClient {
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly queue: ServerFrame[] = [];
  private readonly waiters: ((frame: ServerFrame) => void)[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('server sent a binary frame');
      const frame = ServerFrameSchema.parse(JSON.parse(String(data)));
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.queue.push(frame);
    });
    this.closed = new Promise((resolve, reject) => {
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
      this.socket.on('error', reject);
    });
    this.closed.catch(() => undefined);
  }

  /** The next frame, in arrival order. */
  next(): Promise<ServerFrame> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return withTimeout(new Promise((resolve) => this.waiters.push(resolve)), 'a frame');
  }

  /** The next frame that is not a presence or typing notice (other users coming and going). */
  async nextChat(): Promise<ServerFrame> {
    for (;;) {
      const frame = await this.next();
      if (frame.type !== 'presence' && frame.type !== 'typing') return frame;
    }
  }

  /** Resolves once the socket has been closed (by either side), with the close code. */
  whenClosed(): Promise<{ code: number; reason: string }> {
    return withTimeout(this.closed, 'the close');
  }

  send(data: string | Uint8Array): void {
    this.socket.send(data);
  }

  sendJson(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Frames received and not yet read. */
  get pending(): number {
    return this.queue.length;
  }

  close(): Promise<unknown> {
    this.socket.close(1000);
    return this.whenClosed();
  }
}

/** The HTTP status a refused upgrade answered with. */
export function expectRefusedUpgrade(url: string): Promise<number> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        socket.terminate();
      });
      socket.on('open', () => reject(new Error(`upgrade to ${url} was accepted`)));
      socket.on('error', () => undefined);
    }),
    'the refused upgrade',
  );
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

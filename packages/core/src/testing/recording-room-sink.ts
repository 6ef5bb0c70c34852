import type { RoomCloseCode, ServerFrame } from '../chat/protocol';
import type { RoomSink } from '../chat/room-output';

/** A RoomSink that records what each connection would have received, decoded. */
export class RecordingRoomSink implements RoomSink {
  readonly frames = new Map<string, ServerFrame[]>();
  readonly closed = new Map<string, { code: RoomCloseCode; reason: string }>();
  send(connectionId: string, text: string): void {
    this.frames.set(connectionId, [...this.of(connectionId), JSON.parse(text) as ServerFrame]);
  }
  close(connectionId: string, code: RoomCloseCode, reason: string): void {
    this.closed.set(connectionId, { code, reason });
  }
  of(connectionId: string): ServerFrame[] {
    return this.frames.get(connectionId) ?? [];
  }
  last(connectionId: string): ServerFrame | undefined {
    return this.of(connectionId).at(-1);
  }
  /** Frames of one type, narrowed. */
  ofType<T extends ServerFrame['type']>(connectionId: string, type: T): Extract<ServerFrame, { type: T }>[] {
    return this.of(connectionId).filter((f): f is Extract<ServerFrame, { type: T }> => f.type === type);
  }
}

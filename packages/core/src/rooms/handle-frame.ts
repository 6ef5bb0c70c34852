import type { Clock } from '../shared/ports';
import { errorFrame, MAX_FRAME_BYTES, parseClientFrame, ROOM_CLOSE_CODES, type ParsedClientFrame } from './protocol';
import type { RoomOutput } from './room-output';
import type { RoomMember, RoomRegistry } from './room-registry';
import type { RoomLimits } from './room-limits';

/** A websocket message as either runtime hands it over: text, or binary the protocol refuses. */
export type FrameData = string | ArrayBuffer | ArrayBufferView;

/**
 * Answers one frame from a connection. Bad frames get an `error` frame and the socket
 * stays open, until `maxBadFrames` in a row (close 4400); too many frames in the rate
 * window close it with 4008; frames from a connection that never joined close it with
 * 4001. After the server decided to close a socket, its frames are ignored.
 */
export function handleFrame(
  deps: { clock: Clock; limits: RoomLimits },
  registry: RoomRegistry,
  input: { connectionId: string; data: FrameData },
): RoomOutput[] {
  const { connectionId } = input;
  const member = registry.member(connectionId);
  if (!member) {
    return [
      { kind: 'send', connectionId, frame: errorFrame('room.unauthorized', 'Join the room with a ticket first') },
      { kind: 'close', connectionId, code: ROOM_CLOSE_CODES.unauthorized, reason: 'room.unauthorized' },
    ];
  }
  if (member.closing) return [];
  if (!countFrame(member, deps.clock.now().getTime(), deps.limits)) {
    member.closing = true;
    return [
      { kind: 'send', connectionId, frame: errorFrame('rate.limited', 'Too many frames, slow down') },
      { kind: 'close', connectionId, code: ROOM_CLOSE_CODES.policyViolation, reason: 'rate.limited' },
    ];
  }
  const parsed = parseFrameData(input.data);
  if (!parsed.ok) {
    member.badFrames += 1;
    const reply: RoomOutput = { kind: 'send', connectionId, frame: parsed.error };
    if (member.badFrames < deps.limits.maxBadFrames) return [reply];
    member.closing = true;
    return [reply, { kind: 'close', connectionId, code: ROOM_CLOSE_CODES.badFrame, reason: 'too many bad frames' }];
  }
  member.badFrames = 0;
  const frame = parsed.frame;
  switch (frame.type) {
    case 'ping':
      return [
        {
          kind: 'send',
          connectionId,
          frame: frame.id === undefined ? { type: 'pong' } : { type: 'pong', id: frame.id },
        },
      ];
    case 'hello':
      return [
        {
          kind: 'send',
          connectionId,
          frame: {
            type: 'welcome',
            room: member.room,
            userId: member.userId,
            present: registry.presentIn(member.room),
          },
        },
      ];
  }
}

/** Fixed window per connection; false once the frame exceeds the limit. */
function countFrame(member: RoomMember, now: number, limits: RoomLimits): boolean {
  if (now - member.windowStart >= limits.windowMs) {
    member.windowStart = now;
    member.framesInWindow = 0;
  }
  member.framesInWindow += 1;
  return member.framesInWindow <= limits.framesPerWindow;
}

function parseFrameData(data: FrameData): ParsedClientFrame {
  if (typeof data === 'string') return parseClientFrame(data);
  if (data.byteLength > MAX_FRAME_BYTES) {
    return { ok: false, error: errorFrame('frame.too_large', `Frames are limited to ${MAX_FRAME_BYTES} bytes`) };
  }
  return { ok: false, error: errorFrame('frame.malformed', 'Frames must be JSON text, not binary') };
}

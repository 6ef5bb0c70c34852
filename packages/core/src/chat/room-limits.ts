/**
 * Per-connection and per-user abuse limits. Generous for a human client (the browser
 * pings every ~25 s and debounces read and typing frames), tight enough that one socket
 * cannot keep a room's single thread busy or bury a chat in messages.
 */
export type RoomLimits = {
  /** Frames of any kind accepted per connection per window before closing with 4008. */
  framesPerWindow: number;
  windowMs: number;
  /** Unparseable frames in a row before the connection is closed with 4400. */
  maxBadFrames: number;
  /** Chat messages one user may send per room per message window (all their tabs). */
  messagesPerWindow: number;
  messageWindowMs: number;
  /** Messages refused for flooding within one window before the user's socket is closed with 4008. */
  maxRefusedMessages: number;
  /** A connection's `typing` frames are forwarded at most once per interval. */
  typingIntervalMs: number;
};

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  framesPerWindow: 60,
  windowMs: 10_000,
  maxBadFrames: 5,
  messagesPerWindow: 10,
  messageWindowMs: 10_000,
  maxRefusedMessages: 5,
  typingIntervalMs: 2_000,
};

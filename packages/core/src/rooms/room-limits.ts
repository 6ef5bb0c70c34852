/**
 * Per-connection abuse limits. Generous for a human client (the browser pings every
 * ~25 s), tight enough that one socket cannot keep a room's single thread busy.
 */
export type RoomLimits = {
  /** Frames accepted per window before the connection is closed with 4008. */
  framesPerWindow: number;
  windowMs: number;
  /** Unparseable frames in a row before the connection is closed with 4400. */
  maxBadFrames: number;
};

export const DEFAULT_ROOM_LIMITS: RoomLimits = { framesPerWindow: 30, windowMs: 10_000, maxBadFrames: 5 };

/** "Now", injected so that domain code is deterministic and tests can move time. */
export interface Clock {
  now(): Date;
}

/** Time-ordered ids (UUIDv7), so rows sort by creation and chat history pages by id. */
export interface IdGenerator {
  newId(): string;
}

/**
 * Secrets the domain needs without touching a crypto API itself: unguessable tokens
 * (for links and sessions) and the one-way hash under which they are stored.
 */
export interface TokenVault {
  /** 256 random bits, URL-safe. */
  newToken(): string;
  /** Deterministic, one-way: the database stores only this. */
  hashToken(token: string): Promise<string>;
}

/** Slow, salted password hashing that runs on both Workers and Node. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** Fixed-window counter used to slow down abusive callers of an endpoint. */
export interface RateLimiter {
  /** Counts one hit for `key`; `allowed` is false once `limit` hits fall in the window. */
  hit(key: string, limit: number, windowSeconds: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/**
 * What a room ticket says: who, which room of which party, and with which role. Tickets
 * without `party` are lobby tickets and without `role` plain members (the lobby's
 * original tickets); a chat room refuses a ticket whose party is not its own.
 */
export type RoomTicketClaims = { userId: string; room: string; party?: string; role?: RoomRole };

/**
 * Short-lived signed tickets that let a signed-in user open a websocket room without
 * sending the session token over the socket URL. Verified by the room server in both
 * homes with the same secret; a ticket names one room and expires within minutes.
 */
export interface RoomTicketSigner {
  issue(claims: RoomTicketClaims): Promise<{ ticket: string; expiresAt: Date }>;
  /** Null when forged, malformed or expired. */
  verify(ticket: string): Promise<RoomTicketClaims | null>;
}

/**
 * A small key-value cache for hot reads (public profiles). Values must be plain data.
 * Best effort: a miss or a failure is never an error, so callers always fall back to
 * the store. In memory on-prem (one process, so invalidation is exact); absent or
 * per-isolate with a short TTL on the edge.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Where a user sits in a room: clan roles, or a paying channel subscriber. */
export type RoomRole = 'leader' | 'co_leader' | 'member' | 'subscriber';

/** Why a socket is pushed out; decides the close code its client sees. */
export type EvictionReason = 'removed' | 'role_changed' | 'disbanded';

/**
 * Pushes users out of live rooms when the domain takes their access away (kick, leave,
 * disband) or changes their role (the client must fetch a ticket with the new role).
 * In process on-prem; through the party worker's internal endpoint on the edge.
 * Best effort per call, but the room server also refuses stale tickets by expiry.
 */
export interface RoomControl {
  evict(input: { party: string; room: string; userId: string; reason: EvictionReason }): Promise<void>;
}

import type { RoomRole } from '../shared/ports';

/** What the server remembers about one admitted connection. */
export type RoomMember = {
  room: string;
  userId: string;
  role: RoomRole;
  /** Receives `message` and `updated` broadcasts; false while a paged `sync` is incomplete. */
  live: boolean;
  /** Start (epoch ms) of the current rate window and the frames counted in it. */
  windowStart: number;
  framesInWindow: number;
  /** Unparseable frames in a row; a good frame resets it. */
  badFrames: number;
  /** When this connection last announced typing (epoch ms). */
  typingAt: number;
  /** Set once the server decided to close it: later frames are ignored, broadcasts skip it. */
  closing: boolean;
};

type RoomPresence = { connections: Set<string>; users: Map<string, number> };

/**
 * In-memory presence of every room one process serves: which connection belongs to
 * which user in which room. A user with several tabs counts once, so "joined" and
 * "left" are announced for the first and the last of their connections only.
 * A Durable Object holds one room in it; the on-prem server holds all rooms of a party.
 */
export class RoomRegistry {
  private readonly members = new Map<string, RoomMember>();
  private readonly rooms = new Map<string, RoomPresence>();

  /** Adds a connection; `firstForUser` says whether others should hear "joined". */
  join(input: { room: string; connectionId: string; userId: string; role: RoomRole; now: number; live: boolean }): {
    firstForUser: boolean;
  } {
    const { room, connectionId, userId, role, now, live } = input;
    if (this.members.has(connectionId)) throw new Error(`connection ${connectionId} already joined`);
    this.members.set(connectionId, {
      room,
      userId,
      role,
      live,
      windowStart: now,
      framesInWindow: 0,
      badFrames: 0,
      typingAt: Number.NEGATIVE_INFINITY,
      closing: false,
    });
    const presence = this.rooms.get(room) ?? { connections: new Set<string>(), users: new Map<string, number>() };
    this.rooms.set(room, presence);
    presence.connections.add(connectionId);
    const count = presence.users.get(userId) ?? 0;
    presence.users.set(userId, count + 1);
    return { firstForUser: count === 0 };
  }

  /** Removes a connection (no-op when unknown); `lastForUser` says whether to announce "left". */
  leave(connectionId: string): { room: string; userId: string; lastForUser: boolean } | null {
    const member = this.members.get(connectionId);
    if (!member) return null;
    this.members.delete(connectionId);
    const presence = this.rooms.get(member.room);
    if (!presence) return { room: member.room, userId: member.userId, lastForUser: true };
    presence.connections.delete(connectionId);
    const count = (presence.users.get(member.userId) ?? 1) - 1;
    if (count > 0) presence.users.set(member.userId, count);
    else presence.users.delete(member.userId);
    if (presence.connections.size === 0) this.rooms.delete(member.room);
    return { room: member.room, userId: member.userId, lastForUser: count === 0 };
  }

  member(connectionId: string): RoomMember | undefined {
    return this.members.get(connectionId);
  }

  connectionsIn(room: string): string[] {
    return [...(this.rooms.get(room)?.connections ?? [])];
  }

  /** Connections of one user in one room (their tabs). */
  connectionsOf(room: string, userId: string): string[] {
    return this.connectionsIn(room).filter((id) => this.members.get(id)?.userId === userId);
  }

  /** Distinct user ids in arrival order. */
  presentIn(room: string): string[] {
    return [...(this.rooms.get(room)?.users.keys() ?? [])];
  }

  get roomCount(): number {
    return this.rooms.size;
  }
}

import type { Clock, IdGenerator, RoomRole, RoomTicketSigner } from '../shared/ports';
import { admitConnection, type Admission } from './admit-connection';
import {
  changeMessage,
  decideDelete,
  decideEdit,
  decidePin,
  history,
  markRead,
  sendMessage,
  welcome,
} from './chat-actions';
import { FloodCounter, type HubContext, type Sender } from './hub-context';
import type { EvictionReason } from '../shared/ports';
import type { ChatStore, ClanAssistant } from './ports';
import { errorFrame, MAX_FRAME_BYTES, parseClientFrame, ROOM_CLOSE_CODES, type ClientFrame } from './protocol';
import { DEFAULT_ROOM_LIMITS, type RoomLimits } from './room-limits';
import { RoomOutput, type RoomSink } from './room-output';
import { RoomQueues } from './room-queue';
import { RoomRegistry, type RoomMember } from './room-registry';

/** A websocket message as either runtime hands it over: text, or binary the protocol refuses. */
export type FrameData = string | ArrayBuffer | ArrayBufferView;

export type RoomHubDeps = {
  /** The party this hub serves; tickets must name it. */
  party: string;
  tickets: RoomTicketSigner;
  clock: Clock;
  ids: IdGenerator;
  sink: RoomSink;
  /** Where messages live; absent for presence-only parties (the lobby). */
  store?: ChatStore;
  limits?: Partial<RoomLimits>;
  /** Answers `@ai` messages (clan party only; docs/chat.md "@ai"); absent = no assistant. */
  assistant?: ClanAssistant;
  /** Store failures and bugs; the client already got an error frame. */
  onError?: (error: unknown) => void;
};

/**
 * The room logic bound to one server's sockets: one hub per Durable Object, one per
 * party on-prem. Call order per socket: `admit` (before the socket is usable) → `open` →
 * `receive`* → `leave` on close. Returned promises resolve when the frame's work is done
 * (servers may ignore them; tests await them).
 */
export interface RoomHub {
  /** Verifies the ticket from the URL; no state changes, so it may run before the upgrade. */
  admit(input: { room: string; ticket: string | null | undefined }): Promise<Admission>;
  /**
   * Joins an admitted socket (welcome, presence to the others; with `since`, from the
   * URL's `?since=`, a sync of what it missed) or refuses it (error frame + close code).
   */
  open(input: { connectionId: string; admission: Admission; since?: number }): Promise<void>;
  receive(input: { connectionId: string; data: FrameData }): Promise<void>;
  /** Call from the socket's close handler, whoever closed it. */
  leave(connectionId: string): void;
  /** Re-registers a socket that survived hibernation, silently (others already know it). */
  restore(input: { room: string; connectionId: string; userId: string; role: RoomRole }): void;
  /**
   * Closes a user's sockets in a room at once: 4003 when removed or the clan is gone,
   * 4001 when the role changed (the client fetches a new ticket). Returns how many.
   */
  evict(input: { room: string; userId: string; reason: EvictionReason }): number;
  presentIn(room: string): string[];
  /** Resolves once every queued task has run, and every assistant reply is posted. */
  idle(): Promise<void>;
}

export function createRoomHub(deps: RoomHubDeps): RoomHub {
  const registry = new RoomRegistry();
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...deps.limits };
  const onError = deps.onError ?? (() => undefined);
  const ctx: HubContext = {
    party: deps.party,
    clock: deps.clock,
    ids: deps.ids,
    store: deps.store,
    limits,
    registry,
    out: new RoomOutput(registry, deps.sink),
    queues: new RoomQueues(onError),
    floods: new FloodCounter(limits),
    onError,
    assistant: deps.assistant,
    background: new Set(),
  };
  const now = () => deps.clock.now().getTime();
  return {
    admit: (input) => admitConnection(deps, input),
    async open({ connectionId, admission, since }) {
      if (!admission.ok) {
        ctx.out.send(connectionId, errorFrame(admission.code, admission.message));
        deps.sink.close(connectionId, admission.closeCode, admission.code);
        return;
      }
      const { room, userId, role } = admission;
      const { firstForUser } = registry.join({ room, connectionId, userId, role, now: now(), live: false });
      if (firstForUser) {
        ctx.out.broadcast(room, { type: 'presence', userId, state: 'joined' }, { except: connectionId });
      }
      await welcome(ctx, connectionId, since);
    },
    receive: (input) => receiveFrame(ctx, input),
    leave(connectionId) {
      const left = registry.leave(connectionId);
      if (!left?.lastForUser) return;
      ctx.floods.forget(left.room, left.userId, now());
      ctx.out.broadcast(left.room, { type: 'presence', userId: left.userId, state: 'left' });
    },
    restore(input) {
      if (!registry.member(input.connectionId)) registry.join({ ...input, now: now(), live: true });
    },
    evict({ room, userId, reason }) {
      const roleChanged = reason === 'role_changed';
      const ids = registry.connectionsOf(room, userId).filter((id) => !registry.member(id)?.closing);
      for (const id of ids) {
        ctx.out.send(
          id,
          roleChanged
            ? errorFrame('room.role_changed', 'Your role changed; reconnect with a new ticket')
            : errorFrame('room.evicted', 'You no longer have access to this room'),
        );
        ctx.out.close(
          id,
          roleChanged ? ROOM_CLOSE_CODES.unauthorized : ROOM_CLOSE_CODES.forbidden,
          roleChanged ? 'room.role_changed' : 'room.evicted',
        );
      }
      return ids.length;
    },
    presentIn: (room) => registry.presentIn(room),
    async idle() {
      for (;;) {
        await ctx.queues.idle();
        if (ctx.background.size === 0) return;
        await Promise.all([...ctx.background]);
      }
    },
  };
}

/**
 * Answers one frame. Bad frames get an `error` frame and the socket stays open, until
 * `maxBadFrames` in a row (close 4400); too many frames in the rate window close it with
 * 4008; frames from a connection that never joined close it with 4001. After the server
 * decided to close a socket, its frames are ignored.
 */
async function receiveFrame(ctx: HubContext, input: { connectionId: string; data: FrameData }): Promise<void> {
  const { connectionId } = input;
  const member = ctx.registry.member(connectionId);
  if (!member) {
    ctx.out.send(connectionId, errorFrame('room.unauthorized', 'Join the room with a ticket first'));
    ctx.out.close(connectionId, ROOM_CLOSE_CODES.unauthorized, 'room.unauthorized');
    return;
  }
  if (member.closing) return;
  if (!countFrame(member, ctx.clock.now().getTime(), ctx.limits)) {
    ctx.out.send(connectionId, errorFrame('rate.limited', 'Too many frames, slow down'));
    ctx.out.close(connectionId, ROOM_CLOSE_CODES.policyViolation, 'rate.limited');
    return;
  }
  const parsed = parseFrameData(input.data);
  if (!parsed.ok) {
    member.badFrames += 1;
    ctx.out.send(connectionId, parsed.error);
    if (member.badFrames >= ctx.limits.maxBadFrames) {
      ctx.out.close(connectionId, ROOM_CLOSE_CODES.badFrame, 'too many bad frames');
    }
    return;
  }
  member.badFrames = 0;
  await dispatch(ctx, { connectionId, member }, parsed.frame);
}

function dispatch(ctx: HubContext, sender: Sender, frame: ClientFrame): Promise<void> {
  const { connectionId, member } = sender;
  switch (frame.type) {
    case 'ping':
      ctx.out.send(connectionId, frame.id === undefined ? { type: 'pong' } : { type: 'pong', id: frame.id });
      return Promise.resolve();
    case 'hello':
      return welcome(ctx, connectionId, frame.since);
    case 'typing':
      if (ctx.clock.now().getTime() - member.typingAt >= ctx.limits.typingIntervalMs) {
        member.typingAt = ctx.clock.now().getTime();
        ctx.out.broadcast(member.room, { type: 'typing', userId: member.userId }, { exceptUser: member.userId });
      }
      return Promise.resolve();
  }
  const { store } = ctx;
  if (!store) {
    const clientId = frame.type === 'send' ? frame.clientId : undefined;
    ctx.out.send(connectionId, errorFrame('chat.unsupported', 'This room has no chat', clientId));
    return Promise.resolve();
  }
  const act = { ctx, store, sender };
  const { role, userId } = member;
  switch (frame.type) {
    case 'send':
      return sendMessage(act, frame);
    case 'edit':
      return changeMessage(act, frame.messageId, decideEdit(role, userId, frame.text));
    case 'delete':
      return changeMessage(act, frame.messageId, decideDelete(role, userId));
    case 'pin':
    case 'unpin':
      return changeMessage(act, frame.messageId, decidePin(role, userId, frame.type === 'pin'));
    case 'read':
      return markRead(act, frame.seq);
    case 'history':
      return history(act, frame);
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

function parseFrameData(data: FrameData) {
  if (typeof data === 'string') return parseClientFrame(data);
  if (data.byteLength > MAX_FRAME_BYTES) {
    return {
      ok: false as const,
      error: errorFrame('frame.too_large', `Frames are limited to ${MAX_FRAME_BYTES} bytes`),
    };
  }
  return { ok: false as const, error: errorFrame('frame.malformed', 'Frames must be JSON text, not binary') };
}

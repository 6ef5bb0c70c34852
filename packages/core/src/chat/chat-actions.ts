import type { RoomRole } from '../shared/ports';
import { countUtf8Bytes, isModerator, MAX_TEXT_BYTES, type ChatMessage } from './model';
import type { ChatMessagePatch, ChatStore } from './ports';
import { errorFrame, MAX_PAGE, ROOM_CLOSE_CODES, type RoomErrorCode } from './protocol';
import { roomKey, type HubContext, type Sender } from './hub-context';
import { replyToMention } from './ai-mention';

/**
 * The chat frames. Everything that reads or writes messages runs in the room's queue, so
 * a message is stored before its ack and its broadcast, seqs are handed out in order, and
 * a sync page is cut at a point no later message can slip behind (sends are pipelined:
 * see RoomQueues).
 */

/** Sends `welcome` (and, with `since`, the first `sync` page); the connection goes live once synced. */
export function welcome(ctx: HubContext, connectionId: string, since: number | undefined): Promise<void> {
  const member = ctx.registry.member(connectionId);
  if (!member) return Promise.resolve();
  return ctx.queues.run(member.room, async () => {
    if (member.closing) return;
    const key = roomKey(ctx, member);
    const { store } = ctx;
    let state = { lastSeq: 0, pins: [] as ChatMessage[], readSeq: 0 };
    if (store) {
      try {
        const [lastSeq, pins, readSeq] = await Promise.all([
          store.lastSeq(key),
          store.pins(key),
          store.readMarker({ ...key, userId: member.userId }),
        ]);
        state = { lastSeq, pins, readSeq };
      } catch (error) {
        ctx.onError(error);
        ctx.out.send(connectionId, errorFrame('chat.unavailable', 'Chat is unavailable, reconnect shortly'));
        ctx.out.close(connectionId, ROOM_CLOSE_CODES.serverError, 'chat.unavailable');
        return;
      }
    }
    const { room, userId, role } = member;
    ctx.out.send(connectionId, {
      type: 'welcome',
      room,
      userId,
      role,
      present: ctx.registry.presentIn(room),
      ...state,
    });
    if (store && since !== undefined)
      await syncPage({ ctx, store, sender: { connectionId, member } }, since, state.lastSeq);
    else member.live = true;
  });
}

type Act = { ctx: HubContext; store: ChatStore; sender: Sender };

/** One page of messages after `since`; not `complete` = the client asks again, and is not live until then. */
async function syncPage({ ctx, store, sender }: Act, since: number, lastSeq: number): Promise<void> {
  const messages = await store.listAfter({ ...roomKey(ctx, sender.member), afterSeq: since, limit: MAX_PAGE });
  const complete = (messages.at(-1)?.seq ?? since) >= lastSeq;
  sender.member.live = complete;
  ctx.out.send(sender.connectionId, { type: 'sync', messages, complete });
}

export function sendMessage(act: Act, input: { clientId: string; text: string }): Promise<void> {
  const { ctx, store, sender } = act;
  const { connectionId, member } = sender;
  const { clientId, text } = input;
  const refuse = (code: RoomErrorCode, message: string) =>
    ctx.out.send(connectionId, errorFrame(code, message, clientId));
  const invalid = checkText(text);
  if (invalid) return Promise.resolve(refuse(invalid.code, invalid.message));
  const verdict = ctx.floods.hit(member.room, member.userId, ctx.clock.now().getTime());
  if (verdict !== 'ok') {
    refuse('rate.limited', 'You are sending messages too fast');
    if (verdict === 'abusive') ctx.out.close(connectionId, ROOM_CLOSE_CODES.policyViolation, 'rate.limited');
    return Promise.resolve();
  }
  // Pipelined (RoomQueues.pipeline): the append starts in queue order, the room moves on
  // while it is written, and the ack and broadcast follow the write, in order.
  return ctx.queues.pipeline(
    member.room,
    () =>
      store.append({
        ...roomKey(ctx, member),
        id: ctx.ids.newId(),
        authorId: member.userId,
        clientId,
        text,
        createdAt: ctx.clock.now(),
      }),
    ({ message, created }) => {
      ctx.out.send(connectionId, { type: 'ack', clientId, message });
      if (!created) return;
      ctx.out.broadcast(member.room, { type: 'message', message }, { except: connectionId, liveOnly: true });
      // `@ai`: answered off this queue, so the room never waits for a model.
      replyToMention(ctx, message);
    },
    (error) => {
      ctx.onError(error);
      refuse('chat.unavailable', 'The message was not stored; send it again');
    },
  );
}

/** A change to an existing message: decide returns the patch, or the error code refusing it. */
type Decide = (message: ChatMessage, now: Date) => ChatMessagePatch | { refuse: RoomErrorCode; message: string };

export function changeMessage(act: Act, messageId: string, decide: Decide): Promise<void> {
  const { ctx, store, sender } = act;
  const { connectionId, member } = sender;
  return ctx.queues.run(member.room, async () => {
    const key = roomKey(ctx, member);
    try {
      const found = await store.find({ ...key, messageId });
      if (!found || found.deletedAt) {
        ctx.out.send(connectionId, errorFrame('message.not_found', 'No such message in this room'));
        return;
      }
      const patch = decide(found, ctx.clock.now());
      if ('refuse' in patch) {
        ctx.out.send(connectionId, errorFrame(patch.refuse, patch.message));
        return;
      }
      const updated = await store.update({ ...key, messageId, patch });
      if (!updated) return;
      ctx.out.broadcast(member.room, { type: 'updated', message: updated }, { liveOnly: true });
      if (!member.live) ctx.out.send(connectionId, { type: 'updated', message: updated });
    } catch (error) {
      ctx.onError(error);
      ctx.out.send(connectionId, errorFrame('chat.unavailable', 'The change was not stored; try again'));
    }
  });
}

export const decideEdit =
  (role: RoomRole, userId: string, text: string): Decide =>
  (message, now) => {
    if (message.authorId !== userId && !isModerator(role)) return forbidden('Only the author or a moderator may edit');
    if (message.ai) return forbidden("The assistant's messages can be deleted, not edited");
    const invalid = checkText(text);
    if (invalid) return { refuse: invalid.code, message: invalid.message };
    return { text, editedAt: now };
  };

export const decideDelete =
  (role: RoomRole, userId: string): Decide =>
  (message, now) => {
    if (message.authorId !== userId && !isModerator(role))
      return forbidden('Only the author or a moderator may delete');
    return { text: '', deletedAt: now, pinnedAt: null, pinnedBy: null };
  };

export const decidePin =
  (role: RoomRole, userId: string, pinned: boolean): Decide =>
  (_message, now) => {
    if (!isModerator(role)) return forbidden('Only a leader or co-leader may pin messages');
    return pinned ? { pinnedAt: now, pinnedBy: userId } : { pinnedAt: null, pinnedBy: null };
  };

/** Moves the read marker forward (never past the newest message) and tells the user's tabs. */
export function markRead(act: Act, seq: number): Promise<void> {
  const { ctx, store, sender } = act;
  const { member } = sender;
  return ctx.queues.run(member.room, async () => {
    const key = roomKey(ctx, member);
    try {
      const last = await store.lastSeq(key);
      const stored = await store.setReadMarker({ ...key, userId: member.userId, seq: Math.min(seq, last) });
      ctx.out.toUser(member.room, member.userId, { type: 'read', seq: stored });
    } catch (error) {
      ctx.onError(error);
    }
  });
}

export function history(act: Act, input: { before?: number | undefined; limit: number }): Promise<void> {
  const { ctx, store, sender } = act;
  return ctx.queues.run(sender.member.room, async () => {
    try {
      const rows = await store.listBefore({
        ...roomKey(ctx, sender.member),
        beforeSeq: input.before ?? null,
        limit: input.limit + 1,
      });
      const hasMore = rows.length > input.limit;
      ctx.out.send(sender.connectionId, { type: 'history', messages: hasMore ? rows.slice(1) : rows, hasMore });
    } catch (error) {
      ctx.onError(error);
      ctx.out.send(sender.connectionId, errorFrame('chat.unavailable', 'Chat is unavailable, try again'));
    }
  });
}

/** Why a text cannot be a message, or null. Whitespace-only counts as empty. */
export function checkText(text: string): { code: RoomErrorCode; message: string } | null {
  if (text.trim() === '') return { code: 'message.empty', message: 'A message needs some text' };
  if (countUtf8Bytes(text) > MAX_TEXT_BYTES) {
    return { code: 'message.too_long', message: `Messages are limited to ${MAX_TEXT_BYTES} bytes` };
  }
  return null;
}

function forbidden(message: string) {
  return { refuse: 'message.forbidden' as const, message };
}

import type { ChatMessage, ClientFrame, RoomRole, ServerFrame } from '@clantrader/core';
import {
  mergeMessages,
  newestSeq,
  oldestSeq,
  replaceMessage,
  settlePending,
  updatePins,
  type PendingMessage,
} from './timeline';

/**
 * The chat client as a pure state machine: every input (a server frame, the socket opening
 * or closing, the user typing) gives the next state plus the frames to send. The socket and
 * the runes live in chat-room.svelte.ts; everything that decides lives here, so it is tested
 * without a browser.
 *
 * Per connection: `welcoming` (socket open, no welcome yet) → `loading` (first visit: the
 * newest history page was asked for) or `syncing` (a `hello{since}` asked for what we
 * missed) → `live`. Unacked messages are (re)sent on reaching `live`, with their original
 * clientId, so a re-send the server already stored just returns the first ack.
 */
export type Phase = 'connecting' | 'welcoming' | 'loading' | 'syncing' | 'live';

export type InlineError = { id: number; code: string; message: string };

export type ChatState = {
  phase: Phase;
  me: string | null;
  role: RoomRole | null;
  /** Stored messages, ascending by seq, unique. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  pins: ChatMessage[];
  present: string[];
  /** userId → when (ms) their last typing notice arrived. */
  typing: Record<string, number>;
  /** The read marker as the server last confirmed it. */
  readSeq: number;
  /** The highest seq a `read` frame was sent for, so it is not sent twice. */
  readSent: number;
  /** The newest page is shown (from the page load or the first history frame). */
  loaded: boolean;
  /** Older messages exist before the oldest shown. */
  hasMore: boolean;
  loadingOlder: boolean;
  errors: InlineError[];
  nextErrorId: number;
};

export type Step = { state: ChatState; send: ClientFrame[] };

export const PAGE_SIZE = 50;
/** How long a typing notice shows without a new one (the server forwards at most one per 2 s). */
export const TYPING_SHOWN_MS = 4000;
const MAX_INLINE_ERRORS = 3;
/** Access problems end in a close code the page reacts to; they are not inline errors. */
const CONNECTION_CODES = new Set(['room.unauthorized', 'room.forbidden', 'room.evicted', 'room.role_changed']);

export function initialChatState(initial?: { messages: ChatMessage[]; hasMore: boolean; readSeq: number }): ChatState {
  return {
    phase: 'connecting',
    me: null,
    role: null,
    messages: initial ? mergeMessages([], initial.messages) : [],
    pending: [],
    pins: [],
    present: [],
    typing: {},
    readSeq: initial?.readSeq ?? 0,
    readSent: initial?.readSeq ?? 0,
    loaded: initial !== undefined,
    hasMore: initial?.hasMore ?? false,
    loadingOlder: false,
    errors: [],
    nextErrorId: 1,
  };
}

const idle = (state: ChatState): Step => ({ state, send: [] });

export function connectionOpened(state: ChatState): Step {
  return idle({ ...state, phase: 'welcoming', present: [], typing: {}, loadingOlder: false });
}

/** The socket is gone: requests in flight (history, read) are lost; unacked messages stay pending. */
export function connectionClosed(state: ChatState): ChatState {
  return { ...state, phase: 'connecting', present: [], typing: {}, loadingOlder: false, readSent: state.readSeq };
}

/** Applies one parsed server frame. `now` (ms) stamps typing notices. */
export function receiveFrame(state: ChatState, frame: ServerFrame, now: number): Step {
  switch (frame.type) {
    case 'welcome':
      return welcome(state, frame);
    case 'history':
      return historyPage(state, frame.messages, frame.hasMore);
    case 'sync': {
      const next = stored(state, frame.messages);
      if (!frame.complete) {
        return { state: { ...next, phase: 'syncing' }, send: [{ type: 'hello', since: newestSeq(next.messages) }] };
      }
      return goLive(next);
    }
    case 'message': {
      const { [frame.message.authorId]: _gone, ...typing } = state.typing;
      return idle({ ...stored(state, [frame.message]), typing });
    }
    case 'ack': {
      const next = stored(state, [frame.message]);
      return idle({ ...next, pending: next.pending.filter((p) => p.clientId !== frame.clientId) });
    }
    case 'updated':
      return idle({
        ...state,
        messages: replaceMessage(state.messages, frame.message),
        pins: updatePins(state.pins, frame.message),
      });
    case 'typing':
      return frame.userId === state.me
        ? idle(state)
        : idle({ ...state, typing: { ...state.typing, [frame.userId]: now } });
    case 'presence': {
      const others = state.present.filter((id) => id !== frame.userId);
      return idle({ ...state, present: frame.state === 'joined' ? [...others, frame.userId] : others });
    }
    case 'read':
      return idle({
        ...state,
        readSeq: Math.max(state.readSeq, frame.seq),
        readSent: Math.max(state.readSent, frame.seq),
      });
    case 'pong':
      return idle(state);
    case 'error':
      return idle(errorFrame(state, frame));
  }
}

function welcome(state: ChatState, frame: Extract<ServerFrame, { type: 'welcome' }>): Step {
  const next: ChatState = {
    ...state,
    me: frame.userId,
    role: frame.role,
    present: frame.present,
    pins: frame.pins,
    readSeq: Math.max(state.readSeq, frame.readSeq),
    readSent: Math.max(state.readSent, frame.readSeq),
  };
  // A second welcome answers our own `hello`: nothing more to decide.
  if (state.phase !== 'welcoming') return idle(next);
  if (!state.loaded) {
    return { state: { ...next, phase: 'loading' }, send: [{ type: 'history', limit: PAGE_SIZE }] };
  }
  const since = newestSeq(state.messages);
  if (frame.lastSeq > since) return { state: { ...next, phase: 'syncing' }, send: [{ type: 'hello', since }] };
  return goLive(next);
}

function historyPage(state: ChatState, messages: ChatMessage[], hasMore: boolean): Step {
  const next = stored(state, messages);
  if (state.phase === 'loading') return goLive({ ...next, loaded: true, hasMore });
  return idle({ ...next, hasMore, loadingOlder: false });
}

/** Merges stored messages and forgets the pending copies they settle. */
function stored(state: ChatState, messages: ChatMessage[]): ChatState {
  return {
    ...state,
    messages: mergeMessages(state.messages, messages),
    pending: settlePending(state.pending, messages, state.me),
  };
}

function goLive(state: ChatState): Step {
  const send: ClientFrame[] = state.pending
    .filter((p) => p.state === 'sending')
    .map((p) => ({ type: 'send', clientId: p.clientId, text: p.text }));
  return { state: { ...state, phase: 'live' }, send };
}

function errorFrame(state: ChatState, frame: Extract<ServerFrame, { type: 'error' }>): ChatState {
  if (frame.clientId && state.pending.some((p) => p.clientId === frame.clientId)) {
    const pending = state.pending.map((p) =>
      p.clientId === frame.clientId ? { ...p, state: 'failed' as const, error: frame.code } : p,
    );
    return { ...state, pending };
  }
  if (CONNECTION_CODES.has(frame.code)) return state;
  const error = { id: state.nextErrorId, code: frame.code, message: frame.message };
  return { ...state, errors: [...state.errors, error].slice(-MAX_INLINE_ERRORS), nextErrorId: state.nextErrorId + 1 };
}

/** The user sends a message: shown at once as pending, sent now if live (else on going live). */
export function sendText(state: ChatState, input: { clientId: string; text: string; createdAt: string }): Step {
  const pending: PendingMessage = { ...input, state: 'sending' };
  const next = { ...state, pending: [...state.pending, pending] };
  const send: ClientFrame[] =
    state.phase === 'live' ? [{ type: 'send', clientId: input.clientId, text: input.text }] : [];
  return { state: next, send };
}

/** Sends a failed message again with its original clientId. */
export function retryPending(state: ChatState, clientId: string): Step {
  const target = state.pending.find((p) => p.clientId === clientId);
  if (!target) return idle(state);
  const pending = state.pending.map((p) =>
    p.clientId === clientId
      ? { clientId: p.clientId, text: p.text, createdAt: p.createdAt, state: 'sending' as const }
      : p,
  );
  const send: ClientFrame[] = state.phase === 'live' ? [{ type: 'send', clientId, text: target.text }] : [];
  return { state: { ...state, pending }, send };
}

export function discardPending(state: ChatState, clientId: string): ChatState {
  return { ...state, pending: state.pending.filter((p) => p.clientId !== clientId) };
}

/** Asks for the page before the oldest message shown, once at a time. */
export function requestOlder(state: ChatState): Step {
  const before = oldestSeq(state.messages);
  if (state.phase !== 'live' || !state.loaded || !state.hasMore || state.loadingOlder || before === undefined) {
    return idle(state);
  }
  return { state: { ...state, loadingOlder: true }, send: [{ type: 'history', before, limit: PAGE_SIZE }] };
}

/** The user has seen everything up to `seq`: moves the read marker (forward only, once per seq). */
export function markRead(state: ChatState, seq: number): Step {
  if (state.phase !== 'live' || seq <= state.readSent) return idle(state);
  return { state: { ...state, readSent: seq }, send: [{ type: 'read', seq }] };
}

export function dismissError(state: ChatState, id: number): ChatState {
  return { ...state, errors: state.errors.filter((e) => e.id !== id) };
}

/** Who is typing now (not me), oldest notice first. */
export function typingNow(state: ChatState, now: number): string[] {
  return Object.entries(state.typing)
    .filter(([id, at]) => id !== state.me && now - at < TYPING_SHOWN_MS)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
}

import { z } from 'zod';
import { ChatMessageSchema, countUtf8Bytes, ROOM_ROLES } from './model';

/**
 * The room wire protocol (docs/chat.md), shared by the Durable Object rooms (apps/party),
 * the on-prem `ws` server (apps/onprem) and the browser. Frames are JSON text; anything
 * else is answered with an `error` frame, never with an exception.
 */

/** Larger frames are refused before parsing. Leaves room for a 4 KB text JSON-escaped. */
export const MAX_FRAME_BYTES = 16_384;

/** Messages per page of `sync` and the largest `history` page. */
export const MAX_PAGE = 100;

/**
 * Application close codes (RFC 6455 reserves 4000–4999 for applications). Clients switch
 * on these to decide whether reconnecting can help: 4001 wants a new ticket (also sent
 * when the user's role changed), 4003 will never succeed (not a member, removed, clan
 * disbanded), 4008 may after a pause, 4400 means the client is broken, 1011 that the
 * server could not reach its database (retry with backoff).
 */
export const ROOM_CLOSE_CODES = {
  unauthorized: 4001,
  forbidden: 4003,
  policyViolation: 4008,
  badFrame: 4400,
  /** The room cannot reach its store; reconnect with backoff. */
  serverError: 1011,
} as const;

export type RoomCloseCode = (typeof ROOM_CLOSE_CODES)[keyof typeof ROOM_CLOSE_CODES];

/** Codes of `error` frames; kept apart from HTTP's ErrorCode because no status maps to them. */
export const ROOM_ERROR_CODES = [
  'room.unauthorized',
  'room.forbidden',
  'room.evicted',
  'room.role_changed',
  'frame.malformed',
  'frame.unknown_type',
  'frame.too_large',
  'rate.limited',
  'message.empty',
  'message.too_long',
  'message.not_found',
  'message.forbidden',
  'chat.unsupported',
  'chat.unavailable',
] as const;

export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const MessageId = z.string().min(1).max(64);

export const PingFrameSchema = z.object({ type: z.literal('ping'), id: z.string().max(64).optional() });
/** Asks for a fresh `welcome`; with `since`, also for a `sync` of every later message. */
export const HelloFrameSchema = z.object({ type: z.literal('hello'), since: Seq.optional() });
/** `clientId` is chosen by the client per message and makes re-sends idempotent. */
export const SendFrameSchema = z.object({
  type: z.literal('send'),
  clientId: z.string().min(1).max(64),
  text: z.string(),
});
export const EditFrameSchema = z.object({ type: z.literal('edit'), messageId: MessageId, text: z.string() });
export const DeleteFrameSchema = z.object({ type: z.literal('delete'), messageId: MessageId });
export const PinFrameSchema = z.object({ type: z.literal('pin'), messageId: MessageId });
export const UnpinFrameSchema = z.object({ type: z.literal('unpin'), messageId: MessageId });
export const TypingFrameSchema = z.object({ type: z.literal('typing') });
/** "I have read up to `seq`": moves the read marker forward only. */
export const ReadFrameSchema = z.object({ type: z.literal('read'), seq: Seq });
/** Messages older than `before` (newest page when absent), at most `limit`. */
export const HistoryFrameSchema = z.object({
  type: z.literal('history'),
  before: Seq.optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).default(50),
});

/** Every frame a client may send. */
export const ClientFrameSchema = z.discriminatedUnion('type', [
  PingFrameSchema,
  HelloFrameSchema,
  SendFrameSchema,
  EditFrameSchema,
  DeleteFrameSchema,
  PinFrameSchema,
  UnpinFrameSchema,
  TypingFrameSchema,
  ReadFrameSchema,
  HistoryFrameSchema,
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

const CLIENT_FRAME_TYPES: ReadonlySet<string> = new Set(ClientFrameSchema.options.map((o) => o.shape.type.value));

export const WelcomeFrameSchema = z.object({
  type: z.literal('welcome'),
  room: z.string(),
  userId: z.string(),
  role: z.enum(ROOM_ROLES),
  /** Distinct user ids in the room, including the receiver, in order of arrival. */
  present: z.array(z.string()),
  /** The newest message's seq when the welcome was sent (0: none yet). */
  lastSeq: z.number().int().nonnegative(),
  pins: z.array(ChatMessageSchema),
  /** The receiver's read marker. */
  readSeq: z.number().int().nonnegative(),
});
/** Someone else's new message. */
export const MessageFrameSchema = z.object({ type: z.literal('message'), message: ChatMessageSchema });
/** The sender's own message, stored; a re-send with the same clientId gets the same one. */
export const AckFrameSchema = z.object({ type: z.literal('ack'), clientId: z.string(), message: ChatMessageSchema });
/** An edit, delete, pin or unpin of an earlier message: replace it by id. */
export const UpdatedFrameSchema = z.object({ type: z.literal('updated'), message: ChatMessageSchema });
export const HistoryPageFrameSchema = z.object({
  type: z.literal('history'),
  /** Ascending by seq. */
  messages: z.array(ChatMessageSchema),
  hasMore: z.boolean(),
});
/** Messages after the asked `since`, ascending; when not `complete`, ask again from the last seq. */
export const SyncFrameSchema = z.object({
  type: z.literal('sync'),
  messages: z.array(ChatMessageSchema),
  complete: z.boolean(),
});
export const TypingNoticeFrameSchema = z.object({ type: z.literal('typing'), userId: z.string() });
export const PresenceFrameSchema = z.object({
  type: z.literal('presence'),
  userId: z.string(),
  state: z.enum(['joined', 'left']),
});
/** The receiver's read marker moved (from this or another tab). */
export const ReadMarkerFrameSchema = z.object({ type: z.literal('read'), seq: z.number().int().nonnegative() });
export const PongFrameSchema = z.object({ type: z.literal('pong'), id: z.string().optional() });
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  code: z.enum(ROOM_ERROR_CODES),
  message: z.string(),
  /** Set when the error answers a `send`, so the client can mark that message failed. */
  clientId: z.string().optional(),
});

/** Every frame a server may send; the browser parses incoming frames with this. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  MessageFrameSchema,
  AckFrameSchema,
  UpdatedFrameSchema,
  HistoryPageFrameSchema,
  SyncFrameSchema,
  TypingNoticeFrameSchema,
  PresenceFrameSchema,
  ReadMarkerFrameSchema,
  PongFrameSchema,
  ErrorFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;

export type ParsedClientFrame = { ok: true; frame: ClientFrame } | { ok: false; error: ErrorFrame };

/** Builds an `error` frame; the message is for humans, the code is the contract. */
export function errorFrame(code: RoomErrorCode, message: string, clientId?: string): ErrorFrame {
  return clientId === undefined ? { type: 'error', code, message } : { type: 'error', code, message, clientId };
}

/**
 * Validates one incoming text frame. Never throws: oversize, malformed JSON, unknown
 * types and invalid fields all come back as the `error` frame to answer with.
 */
export function parseClientFrame(raw: string): ParsedClientFrame {
  // Every UTF-16 unit is at least one UTF-8 byte, so long strings are refused uncounted.
  if (raw.length > MAX_FRAME_BYTES || countUtf8Bytes(raw) > MAX_FRAME_BYTES) {
    return { ok: false, error: errorFrame('frame.too_large', `Frames are limited to ${MAX_FRAME_BYTES} bytes`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: errorFrame('frame.malformed', 'Frame is not valid JSON') };
  }
  const type = typeof json === 'object' && json !== null && 'type' in json ? json.type : undefined;
  if (typeof type !== 'string') {
    return { ok: false, error: errorFrame('frame.malformed', 'Frame must be an object with a string "type"') };
  }
  if (!CLIENT_FRAME_TYPES.has(type)) {
    return { ok: false, error: errorFrame('frame.unknown_type', `Unknown frame type "${type.slice(0, 40)}"`) };
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(frame)'))].join(', ');
    const clientId = sendClientId(json as object);
    return { ok: false, error: errorFrame('frame.malformed', `Invalid fields: ${fields}`, clientId) };
  }
  return { ok: true, frame: parsed.data };
}

/** Serialises a server frame; the one place that decides the wire encoding. */
export function encodeServerFrame(frame: ServerFrame): string {
  return JSON.stringify(frame);
}

/** A broken `send` still names its message when it can, so the client can mark it failed. */
function sendClientId(json: object): string | undefined {
  const clientId = 'clientId' in json ? json.clientId : undefined;
  return typeof clientId === 'string' && clientId.length <= 64 ? clientId : undefined;
}

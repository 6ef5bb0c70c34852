import { z } from 'zod';

/**
 * The room wire protocol, shared by the Durable Object room (apps/party), the on-prem
 * `ws` server (apps/onprem) and the browser client. Frames are JSON text; anything else
 * is answered with an `error` frame, never with an exception.
 */

/**
 * Parties (the URL segment in `/parties/<party>/<room>`) that both room servers serve.
 * The Durable Object binding for `lobby` is named `Lobby` (partyserver kebab-cases it).
 */
export const ROOM_PARTIES = ['lobby'] as const;
export type RoomParty = (typeof ROOM_PARTIES)[number];

/** Larger frames are refused before parsing, so a client cannot make the server parse megabytes. */
export const MAX_FRAME_BYTES = 4096;

/**
 * Application close codes (RFC 6455 reserves 4000–4999 for applications). Clients switch
 * on these to decide whether reconnecting can help: 4001 wants a new ticket, 4003 will
 * never succeed, 4008 may after a pause, 4400 means the client is broken.
 */
export const ROOM_CLOSE_CODES = {
  unauthorized: 4001,
  forbidden: 4003,
  policyViolation: 4008,
  badFrame: 4400,
} as const;

export type RoomCloseCode = (typeof ROOM_CLOSE_CODES)[keyof typeof ROOM_CLOSE_CODES];

/** Codes of `error` frames; kept apart from HTTP's ErrorCode because no status maps to them. */
export const ROOM_ERROR_CODES = [
  'room.unauthorized',
  'room.forbidden',
  'frame.malformed',
  'frame.unknown_type',
  'frame.too_large',
  'rate.limited',
] as const;

export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

export const PingFrameSchema = z.object({ type: z.literal('ping'), id: z.string().max(64).optional() });
/** Asks for a fresh `welcome`, e.g. after the client lost track of presence. */
export const HelloFrameSchema = z.object({ type: z.literal('hello') });

/** Every frame a client may send. */
export const ClientFrameSchema = z.discriminatedUnion('type', [PingFrameSchema, HelloFrameSchema]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

const CLIENT_FRAME_TYPES: ReadonlySet<string> = new Set(ClientFrameSchema.options.map((o) => o.shape.type.value));

export const WelcomeFrameSchema = z.object({
  type: z.literal('welcome'),
  room: z.string(),
  userId: z.string(),
  /** Distinct user ids in the room, including the receiver, in order of arrival. */
  present: z.array(z.string()),
});
export const PresenceFrameSchema = z.object({
  type: z.literal('presence'),
  userId: z.string(),
  state: z.enum(['joined', 'left']),
});
export const PongFrameSchema = z.object({ type: z.literal('pong'), id: z.string().optional() });
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  code: z.enum(ROOM_ERROR_CODES),
  message: z.string(),
});

/** Every frame a server may send; the browser parses incoming frames with this. */
export const ServerFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  PresenceFrameSchema,
  PongFrameSchema,
  ErrorFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;

export type ParsedClientFrame = { ok: true; frame: ClientFrame } | { ok: false; error: ErrorFrame };

/** Builds an `error` frame; the message is for humans, the code is the contract. */
export function errorFrame(code: RoomErrorCode, message: string): ErrorFrame {
  return { type: 'error', code, message };
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
    return { ok: false, error: errorFrame('frame.unknown_type', `Unknown frame type "${type.slice(0, 32)}"`) };
  }
  const parsed = ClientFrameSchema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(frame)').join(', ');
    return { ok: false, error: errorFrame('frame.malformed', `Invalid fields: ${fields}`) };
  }
  return { ok: true, frame: parsed.data };
}

/** Serialises a server frame; the one place that decides the wire encoding. */
export function encodeServerFrame(frame: ServerFrame): string {
  return JSON.stringify(frame);
}

/**
 * UTF-8 length without TextEncoder (core has no runtime globals), so the 4 KB limit
 * means bytes on the wire in both homes, whatever the script of the text.
 */
function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

import { z } from 'zod';

/**
 * The part of a web `AbortSignal` core relies on (core compiles without DOM types);
 * a real AbortSignal satisfies it.
 */
export type AbortSignalLike = {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

/** Where an answer came from; the UI colours it (green cloud, yellow local, grey cache). */
export const AI_TIERS = ['cloud', 'local', 'cache'] as const;
export type AiTier = (typeof AI_TIERS)[number];

/** A tier that is served by a model rather than by the answer cache. */
export type ModelTier = Exclude<AiTier, 'cache'>;

/** Kinds of question; each picks its cloud model and its tool set in `models.ts`. */
export const QUERY_TYPES = ['stats', 'analysis', 'summary', 'recruiting'] as const;
export const QueryTypeSchema = z.enum(QUERY_TYPES);
export type QueryType = z.infer<typeof QueryTypeSchema>;

/** Anything that survives JSON: the only shape tool results may have. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A tool call as the model asked for it; `input` is untrusted until the registry parses it. */
export type AiToolCall = { id: string; name: string; input: unknown };

/** Provider-neutral chat history; adapters translate it to their wire format. */
export type AiMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls: AiToolCall[] }
  | { role: 'tool'; toolCallId: string; toolName: string; result: JsonValue };

/** What a model may call: name, description and a JSON Schema of the arguments. */
export type AiToolSpec = { name: string; description: string; inputSchema: Record<string, unknown> };

/**
 * One model call. The adapter enforces both deadlines with an AbortSignal (core owns no
 * timers): no first output within `firstTokenTimeoutMs` → `AiProviderError('timeout')`.
 */
export type AiRequest = {
  model: string;
  system: string;
  messages: AiMessage[];
  tools: AiToolSpec[];
  maxOutputTokens: number;
  temperature: number;
  firstTokenTimeoutMs: number;
  totalTimeoutMs: number;
};

/** What a provider streams back for one call. */
export type AiChunk =
  { type: 'text'; text: string } | { type: 'tool-call'; call: AiToolCall } | { type: 'finish'; reason: string };

/** Who is asking: tools use it to decide what private data may be shown. */
export type AiCaller = { userId: string | null; clanIds: string[] };

/**
 * Text written by users (profiles, chat, clan descriptions) that a question is about.
 * It reaches the model only as quoted data, never as instructions.
 */
export const UntrustedTextSchema = z.object({
  source: z.string().min(1).max(80),
  text: z.string().max(20_000),
});
export type UntrustedText = z.infer<typeof UntrustedTextSchema>;

/** A question as it enters the AI domain (parsed once, at the edge). */
export const AskInputSchema = z.object({
  question: z.string().trim().min(1).max(2_000),
  queryType: QueryTypeSchema.default('stats'),
  /** Bumped when the data behind answers changes (e.g. snapshot id); part of the cache key. */
  contextVersion: z.string().min(1).max(64),
  context: z.array(UntrustedTextSchema).max(20).default([]),
});
export type AskInput = z.input<typeof AskInputSchema>;

/** How one provider fared while answering a question. */
export type AiAttempt = {
  providerId: string;
  tier: ModelTier;
  outcome: 'answered' | 'skipped' | 'timeout' | 'overloaded' | 'unavailable' | 'rejected';
};

/** Final metadata of an answer, sent after the last text delta. */
export type AnswerMeta = {
  tier: AiTier;
  /** The tier that originally produced the text (differs from `tier` for cached answers). */
  sourceTier: ModelTier;
  model: string;
  providerId: string | null;
  cachedAtMs: number | null;
  toolCalls: number;
  attempts: AiAttempt[];
};

/**
 * The router's stream: text deltas, then one `done`. `reset` means a provider failed after
 * it had already streamed text; the caller discards what it showed and the next tier
 * streams the answer from the start.
 */
export type AskEvent = { type: 'delta'; text: string } | { type: 'reset' } | ({ type: 'done' } & AnswerMeta);

/** A stored answer; parsed on the way out of the cache, which may be a shared KV. */
export const CachedAnswerSchema = z.object({
  text: z.string(),
  sourceTier: z.enum(['cloud', 'local']),
  model: z.string(),
  question: z.string(),
  createdAtMs: z.number().int(),
});
export type CachedAnswer = z.infer<typeof CachedAnswerSchema>;

import { z } from 'zod';

/** The same path on every home: on-prem serves it directly, the edge forwards it to the API. */
export const ASK_URL = '/api/v1/ai/ask';
export const STATUS_URL = '/api/v1/ai/status';
export const FREE_QUESTIONS_PER_DAY = 3;

export const TierSchema = z.enum(['cloud', 'local', 'cache']);
export type Tier = z.infer<typeof TierSchema>;

export const AiStatusSchema = z.object({ tier: TierSchema, label: z.string(), colour: z.string() });

/** `remaining`: questions left today (the user's for the spectator bot, the clan's for its assistants). */
const DoneSchema = z.object({ tier: TierSchema, remaining: z.number().nullable().default(null) });
const DeltaSchema = z.object({ text: z.string() });
const ErrorSchema = z.object({ code: z.string(), detail: z.string() });

/** What the page is told while an answer streams. */
export type AskUpdate =
  | { type: 'delta'; text: string }
  | { type: 'reset' }
  | { type: 'done'; tier: Tier; remaining: number | null }
  | { type: 'error'; code: string; detail: string; retryAfterSeconds?: number | null };

/** Splits a buffer of Server-Sent Events into complete events and the unfinished rest. */
export function parseSse(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks
    .filter((b) => b.trim())
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      return { event, data: data.join('\n') };
    });
  return { events, rest };
}

/** Turns one SSE event of POST /ai/ask into an update (unknown events are ignored). */
export function toUpdate(e: { event: string; data: string }): AskUpdate | null {
  const json: unknown = e.data ? JSON.parse(e.data) : {};
  if (e.event === 'delta') return { type: 'delta', text: DeltaSchema.parse(json).text };
  if (e.event === 'reset') return { type: 'reset' };
  if (e.event === 'done') return { type: 'done', ...DoneSchema.parse(json) };
  if (e.event === 'error') return { type: 'error', ...ErrorSchema.parse(json) };
  return null;
}

/**
 * Asks the spectator bot and reports the streamed answer. A refusal before the stream
 * (quota, unavailable, signed out) arrives as one `error` update with the problem code.
 */
export async function askBot(question: string, onUpdate: (u: AskUpdate) => void, signal?: AbortSignal): Promise<void> {
  return streamAnswer(ASK_URL, { question }, onUpdate, signal);
}

/** POSTs `body` to an SSE answer endpoint of the API (spectator bot, clan assistants) and reports the stream. */
export async function streamAnswer(
  url: string,
  body: Record<string, unknown>,
  onUpdate: (u: AskUpdate) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream, application/problem+json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  if (!res.ok || !res.body) {
    const problem = ErrorSchema.safeParse(await res.json().catch(() => null));
    onUpdate({
      type: 'error',
      code: problem.success ? problem.data.code : 'ai.unavailable',
      detail: problem.success ? problem.data.detail : '',
      retryAfterSeconds: Number(res.headers.get('retry-after')) || null,
    });
    return;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parsed = parseSse(buffer + value);
    buffer = parsed.rest;
    for (const e of parsed.events) {
      const update = toUpdate(e);
      if (update) onUpdate(update);
    }
  }
}

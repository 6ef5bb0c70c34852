import { DomainError, type ai } from '@clantrader/core';
import type { Context } from 'hono';
import type { ApiEnv } from './deps';
import { PROBLEMS, toDomainError } from './problem';

/**
 * Streams an AI answer as Server-Sent Events (`delta` {text}, `reset` {}, then `done`
 * {tier, sourceTier, model, cachedAtMs, ...done}; a failure after the stream began arrives
 * as `error` {code, title, detail}). The first event is pulled BEFORE the response starts,
 * so a refusal or "no tier can answer" is still an ordinary problem+json answer;
 * `onFailedStart` runs first (e.g. to give a quota count back). Closing the connection
 * aborts the answer (`abort`).
 */
export async function streamAnswer(
  c: Context<ApiEnv>,
  events: AsyncGenerator<ai.AskEvent>,
  opts: { abort: AbortController; done?: Record<string, unknown>; onFailedStart?: () => Promise<void> },
): Promise<Response> {
  let pending: IteratorResult<ai.AskEvent> | null;
  try {
    pending = await events.next();
  } catch (error) {
    await opts.onFailedStart?.();
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await events.next());
        pending = null;
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(toSse(next.value, opts.done ?? {})));
      } catch (error) {
        const known = toDomainError(error) ?? new DomainError('ai.unavailable', 'The answer was interrupted');
        const { title } = PROBLEMS[known.code];
        controller.enqueue(encoder.encode(sse('error', { code: known.code, title, detail: known.message })));
        controller.close();
      }
    },
    cancel() {
      opts.abort.abort();
      void events.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-request-id': c.get('requestId'),
    },
  });
}

function toSse(event: ai.AskEvent, done: Record<string, unknown>): string {
  switch (event.type) {
    case 'delta':
      return sse('delta', { text: event.text });
    case 'reset':
      return sse('reset', {});
    case 'done':
      return sse('done', {
        tier: event.tier,
        sourceTier: event.sourceTier,
        model: event.model,
        cachedAtMs: event.cachedAtMs,
        ...done,
      });
  }
}

/** One Server-Sent Event. */
export function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

import { ai } from '@clantrader/core';

/**
 * One AbortController for one model call, aborted by the caller's signal, by the
 * first-token deadline (until `gotFirstToken`) or by the total deadline. `failure()`
 * tells a deadline (→ AiProviderError 'timeout') from a caller abort (→ rethrown as is).
 */
export function startDeadlines(opts: {
  providerId: string;
  firstTokenMs: number;
  totalMs: number;
  signal: ai.AbortSignalLike | undefined;
}) {
  const controller = new AbortController();
  let timedOut: string | null = null;
  const expire = (what: string) => () => {
    timedOut = what;
    controller.abort(new ai.AiProviderError('timeout', `${opts.providerId}: ${what}`));
  };
  const first = setTimeout(expire(`no first token within ${opts.firstTokenMs} ms`), opts.firstTokenMs);
  const total = setTimeout(expire(`no complete answer within ${opts.totalMs} ms`), opts.totalMs);
  const onAbort = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    gotFirstToken: () => clearTimeout(first),
    failure: (): ai.AiProviderError | null =>
      timedOut ? new ai.AiProviderError('timeout', `${opts.providerId}: ${timedOut}`) : null,
    callerAborted: () => opts.signal?.aborted === true,
    /** Clears timers and aborts the HTTP call if it is still open (e.g. the consumer stopped). */
    end: () => {
      clearTimeout(first);
      clearTimeout(total);
      opts.signal?.removeEventListener('abort', onAbort);
      if (!controller.signal.aborted) controller.abort();
    },
  };
}

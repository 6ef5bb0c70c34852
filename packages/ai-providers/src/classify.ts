import { ai } from '@clantrader/core';
import { APICallError } from 'ai';

/**
 * Maps whatever the AI SDK or fetch threw to core's failure kinds: 429/503 → overloaded
 * (Ollama answers 503 when its queue is full), other 4xx → rejected, everything else
 * (5xx, refused connection, DNS, reset) → unavailable.
 */
export function toProviderError(e: unknown, providerId: string): ai.AiProviderError {
  if (e instanceof ai.AiProviderError) return e;
  const status = APICallError.isInstance(e) ? (e.statusCode ?? null) : null;
  const message = `${providerId}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300);
  if (status === 429 || status === 503) return new ai.AiProviderError('overloaded', message, status);
  if (status !== null && status >= 400 && status < 500) return new ai.AiProviderError('rejected', message, status);
  return new ai.AiProviderError('unavailable', message, status);
}

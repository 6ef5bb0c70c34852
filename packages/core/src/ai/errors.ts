/** Why a model call failed, as far as the router cares: each kind moves on to the next tier. */
export type AiFailureKind = 'timeout' | 'overloaded' | 'unavailable' | 'rejected';

/**
 * Thrown by provider adapters so the router can tell a hung cloud (`timeout`), a busy
 * local model (`overloaded`: 429/503), an unreachable host (`unavailable`) and a request
 * the provider refused (`rejected`: 4xx) apart. Anything else counts as `unavailable`.
 */
export class AiProviderError extends Error {
  override readonly name = 'AiProviderError';
  constructor(
    readonly kind: AiFailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The failure kind of anything a provider threw. */
export function failureKind(e: unknown): AiFailureKind {
  return e instanceof AiProviderError ? e.kind : 'unavailable';
}

import type { AiFailureKind } from './errors';

/**
 * Circuit breaker of one provider. `open` skips the provider until `retryAtMs`; after
 * that one live call may try it again (half-open), and a successful probe closes it.
 */
export type BreakerState = {
  state: 'closed' | 'open';
  failures: number;
  retryAtMs: number;
  lastError: AiFailureKind | 'probe' | null;
};

/** Thresholds of the breaker (see `AI_POLICY` in models.ts). */
export type BreakerPolicy = { failureThreshold: number; openMs: number; overloadCooldownMs: number };

export const CLOSED: BreakerState = { state: 'closed', failures: 0, retryAtMs: 0, lastError: null };

/** True when a call may go to the provider now. */
export function breakerAllows(s: BreakerState | null, nowMs: number): boolean {
  return !s || s.state === 'closed' || nowMs >= s.retryAtMs;
}

/** State after a call or probe succeeded. */
export function afterSuccess(): BreakerState {
  return CLOSED;
}

/**
 * State after a live call failed. Overload opens at once but briefly (shed load, retry
 * soon); other failures open after `failureThreshold` in a row, or at once when a
 * half-open trial fails.
 */
export function afterFailure(
  s: BreakerState | null,
  kind: AiFailureKind,
  nowMs: number,
  policy: BreakerPolicy,
): BreakerState {
  const prev = s ?? CLOSED;
  const failures = prev.failures + 1;
  if (kind === 'overloaded') {
    return { state: 'open', failures, retryAtMs: nowMs + policy.overloadCooldownMs, lastError: kind };
  }
  const open = prev.state === 'open' || failures >= policy.failureThreshold;
  return { state: open ? 'open' : 'closed', failures, retryAtMs: open ? nowMs + policy.openMs : 0, lastError: kind };
}

/** State after a failed health probe: open until the next probe is due. */
export function afterFailedProbe(s: BreakerState | null, nowMs: number, policy: BreakerPolicy): BreakerState {
  return { state: 'open', failures: (s?.failures ?? 0) + 1, retryAtMs: nowMs + policy.openMs, lastError: 'probe' };
}

/** Whether two states differ enough to be worth a (KV) write. */
export function breakerChanged(a: BreakerState | null, b: BreakerState): boolean {
  const x = a ?? CLOSED;
  return x.state !== b.state || x.failures !== b.failures || x.retryAtMs !== b.retryAtMs;
}

import type { ai } from '@clantrader/core';

/** Breaker states in process memory: on-prem runs one server process, so this is the truth. */
export function createMemoryHealthState(): ai.HealthState {
  const states = new Map<string, ai.BreakerState>();
  return {
    async get(providerId) {
      return states.get(providerId) ?? null;
    },
    async set(providerId, state) {
      states.set(providerId, state);
    },
  };
}

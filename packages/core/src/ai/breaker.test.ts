import { describe, expect, it } from 'vitest';
import { afterFailedProbe, afterFailure, afterSuccess, breakerAllows, CLOSED } from './breaker';

const policy = { failureThreshold: 2, openMs: 60_000, overloadCooldownMs: 10_000 };

describe('circuit breaker', () => {
  it('stays closed after one timeout and opens after the second', () => {
    const one = afterFailure(null, 'timeout', 0, policy);
    expect(one.state).toBe('closed');
    const two = afterFailure(one, 'timeout', 1, policy);
    expect(two).toMatchObject({ state: 'open', retryAtMs: 60_001 });
    expect(breakerAllows(two, 30_000)).toBe(false);
  });

  it('lets one trial through after the open period and re-opens when it fails', () => {
    const open = afterFailedProbe(CLOSED, 0, policy);
    expect(breakerAllows(open, 60_000)).toBe(true);
    expect(afterFailure(open, 'unavailable', 60_000, policy)).toMatchObject({ state: 'open', retryAtMs: 120_000 });
  });

  it('opens briefly on overload and closes on success', () => {
    const busy = afterFailure(null, 'overloaded', 0, policy);
    expect(busy).toMatchObject({ state: 'open', retryAtMs: 10_000 });
    expect(afterSuccess()).toEqual(CLOSED);
  });
});

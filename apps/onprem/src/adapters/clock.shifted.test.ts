import { describe, expect, it } from 'vitest';
import { createShiftedClock } from './clock.shifted';

describe('createShiftedClock', () => {
  it('starts at the given instant and then moves with the real clock', () => {
    let real = Date.parse('2026-12-01T00:05:00Z');
    const clock = createShiftedClock(new Date('2026-11-15T12:00:00Z'), { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-11-15T12:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-15T12:01:30.000Z');
  });
});

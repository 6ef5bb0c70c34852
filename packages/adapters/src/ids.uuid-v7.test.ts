import { ManualClock } from '@clantrader/core/testing';
import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './ids.uuid-v7';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuidV7', () => {
  it('encodes the clock millisecond in the first 48 bits with version 7 and variant 10', () => {
    const clock = new ManualClock(new Date('2026-01-15T10:00:00.123Z'));
    const id = createUuidV7(clock).newId();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(clock.now().getTime());
  });

  it('stays strictly increasing within one millisecond, even past the counter range', () => {
    const ids = createUuidV7(new ManualClock());
    const made = Array.from({ length: 5_000 }, () => ids.newId());
    for (const id of made) expect(id).toMatch(UUID_V7);
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('never goes backwards when the clock does', () => {
    const clock = new ManualClock();
    const ids = createUuidV7(clock);
    const first = ids.newId();
    clock.advance(-5_000);
    const second = ids.newId();
    expect(second > first).toBe(true);
  });

  it('sorts by time across milliseconds', () => {
    const clock = new ManualClock();
    const ids = createUuidV7(clock);
    const made: string[] = [];
    for (let i = 0; i < 50; i++) {
      made.push(ids.newId());
      clock.advance(1);
    }
    expect([...made].sort()).toEqual(made);
  });

  it('uses the system clock by default', () => {
    const before = Date.now();
    const id = createUuidV7().newId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

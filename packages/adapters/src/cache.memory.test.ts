import { ManualClock } from '@clantrader/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryCache } from './cache.memory';

describe('createMemoryCache', () => {
  it('returns a value until its TTL passes', async () => {
    const clock = new ManualClock();
    const cache = createMemoryCache({ clock });
    await cache.set('a', { n: 1 }, 10);
    expect(await cache.get('a')).toEqual({ n: 1 });
    clock.advance(10_000);
    expect(await cache.get('a')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its capacity', async () => {
    const cache = createMemoryCache({ clock: new ManualClock(), maxEntries: 2 });
    await cache.set('a', 1, 60);
    await cache.set('b', 2, 60);
    await cache.get('a');
    await cache.set('c', 3, 60);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(1);
    expect(await cache.get('c')).toBe(3);
  });

  it('forgets a deleted key', async () => {
    const cache = createMemoryCache({ clock: new ManualClock() });
    await cache.set('a', 1, 60);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
  });
});

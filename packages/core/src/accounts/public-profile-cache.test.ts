import { describe, expect, it } from 'vitest';
import type { Cache } from '../shared/ports';
import { fakeAccountDeps } from '../testing';
import { SignUpSchema } from './model';
import { getPublicProfile, updateProfile } from './profiles';
import { signUp } from './sign-up';

function mapCache(): Cache & { keys(): string[] } {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => m.get(k) as T | undefined,
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => void m.delete(k),
    keys: () => [...m.keys()],
  };
}

describe('getPublicProfile with a cache', () => {
  it('serves repeat reads from the cache and shows an update at once', async () => {
    const { deps, store } = fakeAccountDeps();
    const cache = mapCache();
    const withCache = { ...deps, cache };
    const { userId } = await signUp(
      withCache,
      SignUpSchema.parse({
        email: 'c@example.com',
        password: 'gold-and-4-pips',
        handle: 'cached_one',
        displayName: 'C',
      }),
    );
    expect((await getPublicProfile(withCache, 'cached_one')).displayName).toBe('C');
    store.profiles.set(userId, { ...store.profiles.get(userId)!, displayName: 'changed behind the cache' });
    expect((await getPublicProfile(withCache, 'Cached_One')).displayName).toBe('C');

    await updateProfile(withCache, userId, { displayName: 'Updated', handle: 'renamed_one' });
    expect(cache.keys()).toEqual([]);
    expect((await getPublicProfile(withCache, 'renamed_one')).displayName).toBe('Updated');
    await expect(getPublicProfile(withCache, 'cached_one')).rejects.toMatchObject({ code: 'profile.not_found' });
  });

  it('falls back to the store when the cache fails', async () => {
    const { deps } = fakeAccountDeps();
    const broken: Cache = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    await signUp(
      deps,
      SignUpSchema.parse({ email: 'd@example.com', password: 'gold-and-4-pips', handle: 'd_trader', displayName: 'D' }),
    );
    expect((await getPublicProfile({ ...deps, cache: broken }, 'd_trader')).handle).toBe('d_trader');
  });
});

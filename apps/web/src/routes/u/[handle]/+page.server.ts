import { HandleSchema } from '@clantrader/core';
import { error } from '@sveltejs/kit';
import { ApiError, apiJson, type ApiEvent } from '$lib/server/api';
import { PublicProfileSchema } from '$lib/server/api-schemas';
import { TraderStatsSchema, type TraderStats } from '$lib/statements/schemas';
import type { PageServerLoad } from './$types';

/** Verified stats are an extra: if they cannot be read the profile still shows, without them. */
async function loadStats(event: ApiEvent, handle: string): Promise<TraderStats | null> {
  try {
    return await apiJson(event, `/profiles/${encodeURIComponent(handle)}/stats`, TraderStatsSchema, { token: null });
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) console.error('[web] trader stats unavailable', e);
    return null;
  }
}

export const load: PageServerLoad = async (event) => {
  const handle = HandleSchema.safeParse(event.params.handle);
  if (!handle.success) error(404, { message: 'Profile not found', code: 'profile.not_found' });
  try {
    const [profile, stats] = await Promise.all([
      apiJson(event, `/profiles/${encodeURIComponent(handle.data)}`, PublicProfileSchema, { token: null }),
      loadStats(event, handle.data),
    ]);
    return { profile, stats };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Profile not found', code: 'profile.not_found' });
    throw e;
  }
};

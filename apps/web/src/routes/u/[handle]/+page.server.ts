import { HandleSchema } from '@clantrader/core';
import { error } from '@sveltejs/kit';
import { ApiError, apiJson, type ApiEvent } from '$lib/server/api';
import { PublicProfileSchema } from '$lib/server/api-schemas';
import { TraderStatsSchema, type TraderStats } from '$lib/statements/schemas';
import { SeasonHistorySchema, type SeasonHistory } from '$lib/leaderboard/schemas';
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

/** Season history is an extra too: null (no section rows, a quiet note) when it cannot be read. */
async function loadSeasons(event: ApiEvent, handle: string): Promise<SeasonHistory['items'] | null> {
  try {
    const history = await apiJson(event, `/profiles/${encodeURIComponent(handle)}/seasons`, SeasonHistorySchema, {
      token: null,
    });
    return history.items;
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) console.error('[web] season history unavailable', e);
    return null;
  }
}

export const load: PageServerLoad = async (event) => {
  const handle = HandleSchema.safeParse(event.params.handle);
  if (!handle.success) error(404, { message: 'Profile not found', code: 'profile.not_found' });
  try {
    const [profile, stats, seasons] = await Promise.all([
      apiJson(event, `/profiles/${encodeURIComponent(handle.data)}`, PublicProfileSchema, { token: null }),
      loadStats(event, handle.data),
      loadSeasons(event, handle.data),
    ]);
    return { profile, stats, seasons };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404)
      error(404, { message: 'Profile not found', code: 'profile.not_found' });
    throw e;
  }
};

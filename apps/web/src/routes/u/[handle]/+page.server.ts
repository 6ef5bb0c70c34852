import { HandleSchema } from '@clantrader/core';
import { error } from '@sveltejs/kit';
import { ApiError, apiJson } from '$lib/server/api';
import { PublicProfileSchema } from '$lib/server/api-schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const handle = HandleSchema.safeParse(event.params.handle);
  if (!handle.success) error(404, { message: 'Profile not found', code: 'profile.not_found' });
  try {
    const profile = await apiJson(event, `/profiles/${encodeURIComponent(handle.data)}`, PublicProfileSchema, { token: null });
    return { profile };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Profile not found', code: 'profile.not_found' });
    throw e;
  }
};

import { ApiError, apiJson, type ApiEvent } from '$lib/server/api';
import { MyClanSchema, type MyClan } from './schemas';

type Event = ApiEvent & { locals: Pick<App.Locals, 'user' | 'apiToken'> };

/** The signed-in trader's clan and role, or null (signed out, or the API could not say). */
export async function loadMyClan(event: Event): Promise<MyClan | null> {
  if (!event.locals.user) return null;
  try {
    return await apiJson(event, '/me/clan', MyClanSchema);
  } catch (e) {
    if (!(e instanceof ApiError)) console.error('[web] my clan unavailable', e);
    return null;
  }
}

/** A read the page can live without: null (and a log line) when it fails. */
export async function optional<T>(what: string, read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (e) {
    if (!(e instanceof ApiError && e.status < 500)) console.error(`[web] ${what} unavailable`, e);
    return null;
  }
}

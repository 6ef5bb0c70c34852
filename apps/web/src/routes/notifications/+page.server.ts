import { fail } from '@sveltejs/kit';
import { apiJson, ApiError } from '$lib/server/api';
import { readCursor, requireUser } from '$lib/server/statements';
import { MarkedSchema, NotificationPageSchema } from '$lib/notifications/schemas';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  event.depends('app:notifications');
  const cursor = readCursor(event.url);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  const page = await apiJson(event, `/me/notifications?${query}`, NotificationPageSchema);
  return { page, cursor };
};

export const actions: Actions = {
  /** Marks everything up to the newest shown notification read (a later one stays unread). */
  read: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const upTo = form.get('upTo');
    try {
      return await apiJson(event, '/me/notifications/read', MarkedSchema, {
        method: 'POST',
        json: typeof upTo === 'string' && upTo ? { upTo } : {},
      });
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, { message: e.detail });
      throw e;
    }
  },
};

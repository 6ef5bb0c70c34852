import { error } from '@sveltejs/kit';
import { ApiError, apiJson } from '$lib/server/api';
import { OutboxSchema } from '$lib/server/api-schemas';
import type { PageServerLoad } from './$types';

/** Dev-only: the API exposes its mail outbox only with DEV_OUTBOX=1, else answers 404. */
export const load: PageServerLoad = async (event) => {
  try {
    const { messages } = await apiJson(event, '/dev/outbox', OutboxSchema, { token: null });
    return { messages: [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Not found', code: 'request.not_found' });
    throw e;
  }
};

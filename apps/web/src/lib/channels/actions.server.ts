import { channels } from '@clantrader/core';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { optional } from '$lib/clans/load.server';
import { translate } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import { PeekResultSchema, PeekStatusSchema, ReactionSummarySchema } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function postIdOf(form: FormData): string {
  const id = form.get('postId');
  if (typeof id !== 'string' || !UUID.test(id)) error(400, { message: 'Bad post id', code: 'request.malformed' });
  return id;
}

function signedIn(event: RequestEvent) {
  if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
}

/**
 * The actions every page that lists posts shares (channel page, home feed): react, peek
 * and delete. With JavaScript the card applies the answer in place; without it the page
 * reloads with the new state.
 */
export const postActions = {
  react: async (event: RequestEvent) => {
    signedIn(event);
    const form = await event.request.formData();
    const postId = postIdOf(form);
    const [name = '', mode] = String(form.get('reaction') ?? '').split(':');
    if (!(name in channels.REACTIONS)) error(400, { message: 'Unknown reaction', code: 'request.malformed' });
    try {
      const reactions = await apiJson(
        event,
        `/posts/${postId}/reactions/${encodeURIComponent(name)}`,
        ReactionSummarySchema,
        { method: mode === 'off' ? 'DELETE' : 'POST' },
      );
      return { postId, reactions };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, { postId }, 'react');
    }
  },
  peek: async (event: RequestEvent) => {
    signedIn(event);
    const postId = postIdOf(await event.request.formData());
    try {
      const { post, peeks } = await apiJson(event, `/posts/${postId}/peek`, PeekResultSchema, { method: 'POST' });
      return { postId, post, peeks };
    } catch (e) {
      if (e instanceof ApiError && e.code === 'peeks.exhausted') {
        const peeks = await optional('peeks', apiJson(event, '/me/peeks', PeekStatusSchema));
        // A polite refusal that also tells the card how many peeks are left (none).
        return fail(429, {
          values: { form: 'peek', postId },
          errors: {},
          message: translate(event.locals.locale, 'channels.error.peeksExhausted'),
          peeks,
        });
      }
      return failFromDomain(e, event.locals.locale, { postId }, 'peek');
    }
  },
  delete: async (event: RequestEvent) => {
    signedIn(event);
    const postId = postIdOf(await event.request.formData());
    try {
      await apiFetch(event, `/posts/${postId}`, { method: 'DELETE' });
      return { deleted: postId };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, { postId }, 'delete');
    }
  },
};

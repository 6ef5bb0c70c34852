import { error, redirect } from '@sveltejs/kit';
import { echoValues, formFail, readFields } from '$lib/forms';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { optional } from '$lib/clans/load.server';
import { postActions } from '$lib/channels/actions.server';
import { publishErrors, toNewPost } from '$lib/channels/publish';
import {
  ChannelSummarySchema,
  FollowResultSchema,
  PeekStatusSchema,
  PostPageSchema,
  PostViewSchema,
} from '$lib/channels/schemas';
import { translate } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A clan's channel: newest posts first (cursor pages in the URL), locked or open for this
 * reader, with today's peeks. Opening the first page marks the channel read.
 */
export const load: PageServerLoad = async (event) => {
  const id = event.params.id;
  if (!UUID.test(id)) error(404, { message: 'Channel not found', code: 'channel.not_found' });
  const rawCursor = event.url.searchParams.get('cursor') ?? '';
  const cursor = UUID.test(rawCursor) ? rawCursor : '';
  const signedIn = !!event.locals.user;
  const postsPath = `/channels/${id}/posts?limit=${PAGE_SIZE}${cursor ? `&cursor=${cursor}` : ''}`;
  const [channel, posts, peeks] = await Promise.all([
    apiJson(event, `/channels/${id}`, ChannelSummarySchema).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) error(404, { message: 'Channel not found', code: e.code });
      throw e;
    }),
    optional('channel posts', apiJson(event, postsPath, PostPageSchema)),
    signedIn ? optional('peeks', apiJson(event, '/me/peeks', PeekStatusSchema)) : Promise.resolve(null),
  ]);
  if (signedIn && !cursor && channel.viewer.following) {
    await optional('mark read', apiFetch(event, `/channels/${id}/read`, { method: 'POST' }));
  }
  return { channel, posts, peeks, cursor };
};

const PUBLISH_FIELDS = ['text', 'premium', 'charts'] as const;

export const actions: Actions = {
  ...postActions,
  publish: async (event) => {
    if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
    const form = await event.request.formData();
    const values = { ...echoValues(form, PUBLISH_FIELDS), form: 'publish' };
    // With JavaScript the pictures follow from the browser; without it they arrive here.
    const attached = form.getAll('images').filter((f) => f instanceof File && f.size > 0).length;
    const pending = Number(form.get('imagesPending') ?? 0) || 0;
    const input = toNewPost(readFields(form, PUBLISH_FIELDS), pending + attached);
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string>) =>
      translate(event.locals.locale, key, vars);
    if (!input.ok) return formFail(422, { values, errors: publishErrors(input.errors, t) });
    try {
      const post = await apiJson(event, `/channels/${event.params.id}/posts`, PostViewSchema, {
        method: 'POST',
        json: input.post,
      });
      return { published: post.id, imagesSkipped: attached };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'publish');
    }
  },
  follow: async (event) => {
    if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
    const on = (await event.request.formData()).get('on') !== 'false';
    try {
      const result = await apiJson(event, `/channels/${event.params.id}/follow`, FollowResultSchema, {
        method: on ? 'POST' : 'DELETE',
      });
      return { following: result.following };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'follow');
    }
  },
};

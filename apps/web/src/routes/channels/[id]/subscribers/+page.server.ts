import { error, redirect } from '@sveltejs/kit';
import { formFail } from '$lib/forms';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { ChannelSummarySchema, SubscriptionSchema } from '$lib/channels/schemas';
import { translate } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Complimentary subscriptions, for the clan's leader and co-leaders. The API grants and
 * revokes by user id and has no list of subscribers yet, so this page works by id.
 */
export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  const id = event.params.id;
  if (!UUID.test(id)) error(404, { message: 'Channel not found', code: 'channel.not_found' });
  const channel = await apiJson(event, `/channels/${id}`, ChannelSummarySchema).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Channel not found', code: e.code });
    throw e;
  });
  if (!channel.viewer.canPublish) error(403, { message: 'Only leaders manage subscribers', code: 'channel.forbidden' });
  return { channel };
};

/** The user id and (optional) expiry date from the form; field errors when they are wrong. */
function readGrant(form: FormData, locale: App.Locals['locale']) {
  const userId = String(form.get('userId') ?? '').trim();
  const expires = String(form.get('expiresAt') ?? '').trim();
  const errors: Record<string, string> = {};
  if (!UUID.test(userId)) errors.userId = translate(locale, 'channels.subs.badId');
  const date = expires ? new Date(`${expires}T23:59:59Z`) : null;
  if (date && Number.isNaN(date.getTime())) errors.expiresAt = translate(locale, 'channels.subs.badDate');
  return { userId, expires, date, errors };
}

export const actions: Actions = {
  grant: async (event) => {
    const form = await event.request.formData();
    const { userId, expires, date, errors } = readGrant(form, event.locals.locale);
    const values = { userId, expiresAt: expires, form: 'grant' };
    if (Object.keys(errors).length > 0) return formFail(422, { values, errors });
    try {
      const sub = await apiJson(event, `/channels/${event.params.id}/subscribers/${userId}`, SubscriptionSchema, {
        method: 'POST',
        json: { expiresAt: date ? date.toISOString() : null },
      });
      return { done: 'granted', userId: sub.userId, expiresAt: sub.expiresAt };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'grant');
    }
  },
  revoke: async (event) => {
    const form = await event.request.formData();
    const userId = String(form.get('userId') ?? '').trim();
    const values = { userId, form: 'revoke' };
    if (!UUID.test(userId)) {
      return formFail(422, { values, errors: { revokeUserId: translate(event.locals.locale, 'channels.subs.badId') } });
    }
    try {
      await apiFetch(event, `/channels/${event.params.id}/subscribers/${userId}`, { method: 'DELETE' });
      return { done: 'revoked', userId, expiresAt: null };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'revoke');
    }
  },
};

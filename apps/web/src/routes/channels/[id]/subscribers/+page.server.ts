import { error, redirect } from '@sveltejs/kit';
import { formFail } from '$lib/forms';
import { failFromDomain } from '$lib/clans/form-errors.server';
import {
  ChannelSummarySchema,
  SubscriberPageSchema,
  SubscriberSchema,
  SubscriptionSchema,
} from '$lib/channels/schemas';
import { translate, type MessageKey } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HANDLE = /^@?[A-Za-z0-9_]{1,40}$/;
const PAGE_SIZE = 25;

/** Refusals of a grant by handle, shown beside the handle field in the reader's language. */
const HANDLE_CODES: Record<string, MessageKey> = {
  'channel.user_not_found': 'channels.subs.handleUnknown',
  'channel.already_subscribed': 'channels.subs.handleAlready',
  'channel.self_subscription': 'channels.subs.handleSelf',
};

/**
 * The Subscribers section of a channel, for the clan's leader and co-leaders: the active
 * subscribers (by handle, `?after=` pages), a grant by @handle, an End button per row, and
 * the older grant and revoke by user id.
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
  const after = event.url.searchParams.get('after')?.trim().slice(0, 40) ?? '';
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(after ? { after } : {}) });
  const page = await apiJson(event, `/channels/${id}/subscribers?${query}`, SubscriberPageSchema);
  return { channel, page, after };
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
  grantHandle: async (event) => {
    const form = await event.request.formData();
    const handle = String(form.get('handle') ?? '').trim();
    const expires = String(form.get('until') ?? '').trim();
    const values = { handle, until: expires, form: 'grantHandle' };
    const locale = event.locals.locale;
    const date = expires ? new Date(`${expires}T23:59:59Z`) : null;
    const errors: Record<string, string> = {};
    if (!HANDLE.test(handle)) errors.handle = translate(locale, 'channels.subs.handleRequired');
    if (date && Number.isNaN(date.getTime())) errors.until = translate(locale, 'channels.subs.badDate');
    if (Object.keys(errors).length > 0) return formFail(422, { values, errors });
    try {
      const sub = await apiJson(event, `/channels/${event.params.id}/subscribers`, SubscriberSchema, {
        method: 'POST',
        json: { handle, expiresAt: date ? date.toISOString() : null },
      });
      return { done: 'grantedHandle', userId: sub.userId, handle: sub.handle, expiresAt: sub.expiresAt };
    } catch (e) {
      const key = e instanceof ApiError ? HANDLE_CODES[e.code] : undefined;
      if (!key) return failFromDomain(e, locale, values, 'grantHandle');
      const shown = handle.replace(/^@/, '').toLowerCase();
      return formFail((e as ApiError).status, {
        values,
        errors: { handle: translate(locale, key, { handle: shown }) },
      });
    }
  },
  revoke: async (event) => {
    const form = await event.request.formData();
    const userId = String(form.get('userId') ?? '').trim();
    const handle = String(form.get('handle') ?? '').trim();
    const values = { userId, form: 'revoke' };
    if (!UUID.test(userId)) {
      return formFail(422, { values, errors: { revokeUserId: translate(event.locals.locale, 'channels.subs.badId') } });
    }
    try {
      await apiFetch(event, `/channels/${event.params.id}/subscribers/${userId}`, { method: 'DELETE' });
      return { done: 'revoked', userId, handle, expiresAt: null };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'revoke');
    }
  },
};

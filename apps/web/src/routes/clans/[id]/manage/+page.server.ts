import { clans } from '@clantrader/core';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { echoValues, formFail, readFields, zodFieldErrors } from '$lib/forms';
import { CLAN_FIELDS, toClanInput } from '$lib/clans/clan-form';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { optional } from '$lib/clans/load.server';
import { ClanProfileSchema, CreatedInviteSchema, InviteListSchema, JoinRequestListSchema } from '$lib/clans/schemas';
import { translate } from '$lib/i18n';
import { ApiError, apiFetch, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const clanPath = (id: string) => `/clans/${encodeURIComponent(id)}`;

/** Leaders and co-leaders only; everyone else gets the 403 page. */
export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  const clan = await apiJson(event, clanPath(event.params.id), ClanProfileSchema).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Clan not found', code: e.code });
    throw e;
  });
  const role = clan.members.find((m) => m.userId === user.id)?.role;
  if (role !== 'leader' && role !== 'co_leader')
    error(403, { message: 'Only leaders manage a clan', code: 'clan.not_permitted' });
  const [requests, invites] = await Promise.all([
    optional('join requests', apiJson(event, `${clanPath(clan.id)}/requests`, JoinRequestListSchema)),
    optional('invites', apiJson(event, `${clanPath(clan.id)}/invites`, InviteListSchema)),
  ]);
  return { clan, role, requests: requests?.items ?? null, invites: invites?.items ?? null };
};

type Event = RequestEvent<{ id: string }>;

/** Runs one management call; a failure comes back tagged with the form it belongs to. */
async function manage(event: Event, form: string, call: () => Promise<unknown>, done: string) {
  if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  try {
    await call();
    return { done, form };
  } catch (e) {
    return failFromDomain(e, event.locals.locale, {}, form);
  }
}

async function field(event: Event, name: string): Promise<string> {
  const value = (await event.request.formData()).get(name);
  return typeof value === 'string' ? value : '';
}

const UUID = /^[0-9a-f-]{36}$/i;
function id(value: string): string {
  if (!UUID.test(value)) error(400, { message: 'Bad id', code: 'request.malformed' });
  return value;
}

export const actions: Actions = {
  update: async (event) => {
    const form = await event.request.formData();
    const values = echoValues(form, CLAN_FIELDS);
    const input = clans.UpdateClanSchema.safeParse(toClanInput(readFields(form, CLAN_FIELDS)));
    if (!input.success)
      return formFail(422, { values: { ...values, form: 'update' }, errors: zodFieldErrors(input.error) });
    try {
      await apiJson(event, clanPath(event.params.id), ClanProfileSchema, { method: 'PATCH', json: input.data });
      return { done: 'saved', form: 'update' };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, values, 'update');
    }
  },
  invite: async (event) => {
    try {
      const invite = await apiJson(event, `${clanPath(event.params.id)}/invites`, CreatedInviteSchema, {
        method: 'POST',
      });
      return {
        done: 'invited',
        form: 'invite',
        inviteUrl: `${event.url.origin}/invite/${encodeURIComponent(invite.token)}`,
        expiresAt: invite.expiresAt,
      };
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'invite');
    }
  },
  revoke: async (event) => {
    const inviteId = id(await field(event, 'inviteId'));
    return manage(
      event,
      'invite',
      () => apiFetch(event, `${clanPath(event.params.id)}/invites/${inviteId}`, { method: 'DELETE' }),
      'revoked',
    );
  },
  decide: async (event) => {
    const form = await event.request.formData();
    const requestId = id(String(form.get('requestId') ?? ''));
    const decision = form.get('decision') === 'approve' ? 'approve' : 'deny';
    return manage(
      event,
      'requests',
      () => apiFetch(event, `${clanPath(event.params.id)}/requests/${requestId}/${decision}`, { method: 'POST' }),
      decision === 'approve' ? 'approved' : 'denied',
    );
  },
  role: async (event) => {
    const form = await event.request.formData();
    const userId = id(String(form.get('userId') ?? ''));
    const role = form.get('role') === 'co_leader' ? 'co_leader' : 'member';
    return manage(
      event,
      'members',
      () => apiFetch(event, `${clanPath(event.params.id)}/members/${userId}/role`, { method: 'POST', json: { role } }),
      role === 'co_leader' ? 'promoted' : 'demoted',
    );
  },
  kick: async (event) => {
    const userId = id(await field(event, 'userId'));
    return manage(
      event,
      'members',
      () => apiFetch(event, `${clanPath(event.params.id)}/members/${userId}`, { method: 'DELETE' }),
      'kicked',
    );
  },
  transfer: async (event) => {
    const userId = id(await field(event, 'userId'));
    return manage(
      event,
      'members',
      () => apiFetch(event, `${clanPath(event.params.id)}/transfer`, { method: 'POST', json: { userId } }),
      'transferred',
    );
  },
  disband: async (event) => {
    if (!event.locals.user) redirect(303, '/login');
    const typed = (await field(event, 'confirmName')).trim();
    const clan = await apiJson(event, clanPath(event.params.id), ClanProfileSchema);
    if (typed !== clan.name) {
      return formFail(422, {
        values: { form: 'disband', confirmName: typed },
        errors: { confirmName: translate(event.locals.locale, 'clans.manage.disbandMismatch') },
      });
    }
    try {
      await apiFetch(event, clanPath(clan.id), { method: 'DELETE' });
    } catch (e) {
      return failFromDomain(e, event.locals.locale, { confirmName: typed }, 'disband');
    }
    redirect(303, '/clans');
  },
};

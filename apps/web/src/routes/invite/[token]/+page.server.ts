import { redirect } from '@sveltejs/kit';
import { failFromDomain } from '$lib/clans/form-errors.server';
import { loadMyClan } from '$lib/clans/load.server';
import { AcceptedInviteSchema, InvitePreviewSchema, type InvitePreview } from '$lib/clans/schemas';
import { ApiError, apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const PROBLEMS = ['clan.invite_not_found', 'clan.invite_expired', 'clan.invite_revoked', 'clan.not_found'] as const;
type Problem = (typeof PROBLEMS)[number] | 'unavailable';

/**
 * What an invite link leads to. Works signed out (with log-in and sign-up links that come
 * back here); a dead link says why instead of a bare 404.
 */
export const load: PageServerLoad = async (event) => {
  const token = event.params.token;
  let preview: InvitePreview | null = null;
  let problem: Problem | null = null;
  if (!TOKEN.test(token)) problem = 'clan.invite_not_found';
  else {
    try {
      preview = await apiJson(event, `/invites/${encodeURIComponent(token)}`, InvitePreviewSchema, { token: null });
    } catch (e) {
      const code = e instanceof ApiError ? (PROBLEMS as readonly string[]).find((c) => c === e.code) : undefined;
      problem = (code as Problem | undefined) ?? 'unavailable';
      if (problem === 'unavailable') console.error('[web] invite preview unavailable', e);
    }
  }
  return { preview, problem, mine: await loadMyClan(event) };
};

export const actions: Actions = {
  accept: async (event) => {
    const next = `/invite/${encodeURIComponent(event.params.token)}`;
    if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(next)}`);
    let clanId: string;
    try {
      const path = `/invites/${encodeURIComponent(event.params.token)}/accept`;
      clanId = (await apiJson(event, path, AcceptedInviteSchema, { method: 'POST' })).clanId;
    } catch (e) {
      return failFromDomain(e, event.locals.locale, {}, 'accept');
    }
    redirect(303, `/clans/${clanId}?welcome=1`);
  },
};

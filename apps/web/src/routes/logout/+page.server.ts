import { redirect } from '@sveltejs/kit';
import { apiFetch } from '$lib/server/api';
import { signOut } from '$lib/server/auth';
import { clearSessionCookies } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
  /** Ends the API session first (so the token is dead everywhere), then the Auth.js one. */
  default: async (event) => {
    if (event.locals.apiToken) {
      try {
        await apiFetch(event, '/auth/logout', { method: 'POST' });
      } catch (error) {
        console.error('[web] API logout failed; clearing cookies anyway', error);
      }
    }
    clearSessionCookies(event);
    await signOut(event);
  },
};

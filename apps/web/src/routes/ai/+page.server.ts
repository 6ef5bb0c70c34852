import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The spectator bot page; the questions themselves go from the browser to POST /api/v1/ai/ask. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.user) redirect(303, '/login?next=/ai');
  return {};
};

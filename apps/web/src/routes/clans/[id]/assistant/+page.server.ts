import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { ClanProfileSchema } from '$lib/clans/schemas';
import { ApiError, apiJson } from '$lib/server/api';
import { requireUser } from '$lib/server/statements';
import type { PageServerLoad } from './$types';

const SummariesSchema = z.object({
  items: z.array(
    z.object({ week: z.string(), weekStart: z.string(), text: z.string(), tier: z.string().nullable().optional() }),
  ),
});

/**
 * The clan assistant (recruiting and rival analysis) and the weekly summaries. The API
 * answers only members; anyone else gets the page with `membersOnly` set.
 */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const id = encodeURIComponent(event.params.id);
  const clan = await apiJson(event, `/clans/${id}`, ClanProfileSchema).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404) error(404, { message: 'Clan not found', code: e.code });
    throw e;
  });
  const member = clan.members.some((m) => m.userId === user.id);
  const summaries = member ? (await apiJson(event, `/clans/${id}/summaries`, SummariesSchema)).items : [];
  return { clan: { id: clan.id, name: clan.name }, membersOnly: !member, summaries };
};

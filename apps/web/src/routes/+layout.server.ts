import { loadCurrentSeason } from '$lib/server/season';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { locals } = event;
  event.depends('app:season');
  return {
    user: locals.user,
    locale: locals.locale,
    theme: locals.theme,
    // Only the signed-in shell shows the season status.
    season: locals.user ? await loadCurrentSeason(event) : null,
  };
};

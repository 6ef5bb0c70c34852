import { loadSidebarRooms } from '$lib/chat/chat-api.server';
import { loadUnreadNotifications } from '$lib/notifications/unread.server';
import { loadCurrentSeason } from '$lib/server/season';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { locals } = event;
  event.depends('app:season');
  event.depends('app:notifications-unread');
  // Only the signed-in shell shows the season status and the sidebar's unread counts.
  const [season, sidebar, notificationsUnread] = locals.user
    ? await Promise.all([loadCurrentSeason(event), loadSidebarRooms(event), loadUnreadNotifications(event)])
    : [null, [], 0];
  return {
    user: locals.user,
    locale: locals.locale,
    theme: locals.theme,
    season,
    sidebar,
    notificationsUnread,
  };
};

import { apiJson, type ApiEvent } from '$lib/server/api';
import { NotificationPageSchema } from './schemas';

/** Like the season status, the bell must never hold a page up. */
const UNREAD_TIMEOUT_MS = 2500;

/** The bell's unread count (0 when the API cannot say in time). */
export async function loadUnreadNotifications(event: ApiEvent): Promise<number> {
  try {
    const page = await apiJson(event, '/me/notifications?limit=1', NotificationPageSchema, {
      signal: AbortSignal.timeout(UNREAD_TIMEOUT_MS),
    });
    return page.unread;
  } catch (e) {
    console.error('[web] notifications unavailable', e instanceof Error ? e.message : e);
    return 0;
  }
}

import type { Clock, IdGenerator } from '../shared/ports';
import type { NotificationDraft } from './model';
import type { NotificationStore } from './ports';

export type NotificationDeps = { notifications: NotificationStore; clock: Clock; ids: IdGenerator };

/** Stores drafts (duplicates by user + dedupeKey are skipped); returns how many were new. */
export async function notify(deps: NotificationDeps, drafts: readonly NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const createdAt = deps.clock.now();
  return deps.notifications.add(drafts.map((d) => ({ ...d, id: deps.ids.newId(), createdAt })));
}

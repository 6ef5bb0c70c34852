import type { Notification, NotificationDraft } from './model';

/** Persistence of notifications; `add` skips drafts whose (user, dedupeKey) exists. */
export interface NotificationStore {
  /** Returns how many were new. */
  add(drafts: readonly (NotificationDraft & { id: string; createdAt: Date })[]): Promise<number>;
  /** Newest first, strictly older than `cursor` when given. */
  list(userId: string, page: { cursor?: string; limit: number }): Promise<Notification[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's unread notifications up to `upTo` (inclusive, by id order) or all; returns how many. */
  markRead(userId: string, at: Date, upTo?: string): Promise<number>;
}

export * from './model';
export type * from './ports';
export { notify, type NotificationDeps } from './notify';
export { listNotifications, markNotificationsRead, type NotificationPage } from './inbox';
export { standingsNotifications, RANK_NOTIFY_RULES, type StandingChange } from './standings-notifications';
export { seasonEndNotifications } from './season-notifications';

/** English messages of the notifications bell and page; spread into the reference dictionary (en.ts). */
export const notificationsEn = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications',
  'notifications.bellUnread': 'Notifications: {n} unread',
  'notifications.empty': 'No notifications yet. Rank changes and season results will appear here.',
  'notifications.markAll': 'Mark all as read',
  'notifications.older': 'Older notifications',
  'notifications.newest': 'Back to the newest',
  'notifications.unreadMark': 'Unread',
  'notifications.kind.rank.climbed': 'You climbed {places} places to #{position} in season {season}.',
  'notifications.kind.rank.dropped': 'You dropped {places} places to #{position} in season {season}.',
  'notifications.kind.tier.changed': 'Your tier changed from {previous} to {tier} in season {season}.',
  'notifications.kind.season.ended': 'Season {season} has ended: you finished #{position} ({tier}).',
  'notifications.kind.season.started': 'Season {season} has started. Good luck!',
  'notifications.kind.award.won': 'You won the {award} award in season {season}!',
  'notifications.kind.unknown': 'Something happened on your account.',
} as const satisfies Record<string, string>;

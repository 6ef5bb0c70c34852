import type { notificationsEn } from './notifications.en';

/** Persian messages of the notifications bell and page; a missing or extra key fails typecheck. */
export const notificationsFa: Record<keyof typeof notificationsEn, string> = {
  'notifications.title': 'اعلان‌ها',
  'notifications.bell': 'اعلان‌ها',
  'notifications.bellUnread': 'اعلان‌ها: {n} خوانده‌نشده',
  'notifications.empty': 'هنوز اعلانی ندارید. تغییر رتبه و نتایج فصل اینجا نمایش داده می‌شود.',
  'notifications.markAll': 'علامت‌گذاری همه به‌عنوان خوانده‌شده',
  'notifications.older': 'اعلان‌های قدیمی‌تر',
  'notifications.newest': 'بازگشت به جدیدترین‌ها',
  'notifications.unreadMark': 'خوانده‌نشده',
  'notifications.kind.rank.climbed': 'در فصل {season}، {places} پله بالا رفتید و به رتبهٔ {position} رسیدید.',
  'notifications.kind.rank.dropped': 'در فصل {season}، {places} پله پایین آمدید و به رتبهٔ {position} رسیدید.',
  'notifications.kind.tier.changed': 'سطح شما در فصل {season} از {previous} به {tier} تغییر کرد.',
  'notifications.kind.season.ended': 'فصل {season} به پایان رسید: رتبهٔ نهایی شما {position} ({tier}) است.',
  'notifications.kind.season.started': 'فصل {season} آغاز شد. موفق باشید!',
  'notifications.kind.award.won': 'جایزهٔ {award} فصل {season} را بردید!',
  'notifications.kind.unknown': 'رویدادی در حساب شما رخ داد.',
};

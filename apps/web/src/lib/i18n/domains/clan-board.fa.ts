import type { clanBoardEn } from './clan-board.en';

/** Persian messages of the clan leaderboard; a missing or extra key fails typecheck. */
export const clanBoardFa: Record<keyof typeof clanBoardEn, string> = {
  'clanBoard.title': 'رده‌بندی کلن‌ها',
  'clanBoard.link': 'رده‌بندی کلن‌ها',
  'clanBoard.traders': 'رده‌بندی معامله‌گران',
  'clanBoard.how':
    'امتیاز کلن میانگین امتیاز {k} عضو برتر واجد شرایط آن است که با {c} عضو فرضیِ میانگین به سمت ۵۰ کشیده می‌شود؛ بنابراین نه یک ستارهٔ تنها و نه تعداد زیاد اعضا به‌تنهایی برنده نمی‌شود.',
  'clanBoard.position': 'رتبه',
  'clanBoard.clan': 'کلن',
  'clanBoard.score': 'امتیاز',
  'clanBoard.members': 'اعضا (رتبه‌دار)',
  'clanBoard.best': 'بهترین عضو',
  'clanBoard.empty': 'هنوز هیچ کلنی در این فصل عضو رتبه‌دار ندارد.',
  'clanBoard.unavailable': 'رده‌بندی کلن‌ها اکنون در دسترس نیست. لطفاً یک دقیقهٔ دیگر دوباره امتحان کنید.',
};

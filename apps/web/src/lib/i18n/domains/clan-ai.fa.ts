import type { clanAiEn } from './clan-ai.en';

/** Persian messages of the clan assistant page; a missing or extra key fails typecheck. */
export const clanAiFa: Record<keyof typeof clanAiEn, string> = {
  'clanAi.title': 'دستیار کلن · {name}',
  'clanAi.link': 'دستیار کلن',
  'clanAi.intro': 'دربارهٔ عضوگیری و رقبا بپرسید. پاسخ‌ها از نتایج تأییدشده و ابزارهای دستیار می‌آیند، نه از حدس.',
  'clanAi.mode': 'به چه نیاز دارید؟',
  'clanAi.mode.recruit': 'یافتن عضو جدید',
  'clanAi.mode.rival': 'تحلیل رقیب',
  'clanAi.rival': 'کلن رقیب (اختیاری، نام یا برچسب آن)',
  'clanAi.question': 'پرسش شما',
  'clanAi.placeholder.recruit': 'یک معامله‌گر آزاد پیدا کن که طلا معامله می‌کند و افت سرمایهٔ کمی دارد',
  'clanAi.placeholder.rival': 'کلن X از ما جلو زد، چه چیزی تغییر کرد؟',
  'clanAi.ask': 'بپرس',
  'clanAi.asking': 'در حال فکر کردن…',
  'clanAi.membersOnly': 'دستیار کلن فقط برای اعضای این کلن است.',
  'clanAi.failed': 'دستیار نتوانست پاسخ دهد: {detail}',
  'clanAi.quotaExceeded':
    'کلن شما همهٔ پرسش‌های امروزش از دستیار را استفاده کرده است (روزی ۵ پرسش برای کلن‌های رایگان، ۵۰ برای کلن‌های Pro). از {time} دوباره می‌توانید بپرسید.',
  'clanAi.remaining': 'کلن شما امروز {n} پرسش دیگر از دستیار دارد.',
  'clanAi.summaries': 'خلاصه‌های هفتگی',
  'clanAi.summariesEmpty': 'هنوز خلاصهٔ هفتگی‌ای نیست. اولین خلاصه پس از نخستین هفتهٔ کامل کلن نوشته می‌شود.',
  'clanAi.week': 'هفتهٔ {week}',
};

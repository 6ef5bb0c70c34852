import type { highlightsEn } from './highlights.en';

/** Persian messages of the weekly highlights; a missing or extra key fails typecheck. */
export const highlightsFa: Record<keyof typeof highlightsEn, string> = {
  'highlights.title': 'برترین‌های این هفته',
  'highlights.week': 'از {date}',
  'highlights.empty':
    'هنوز برترینی برای این هفته نیست. وقتی معامله‌گران رتبه‌دار معامله ببندند و جدول جابه‌جا شود، اینجا نمایش داده می‌شود.',
  'highlights.nobody': 'هنوز کسی واجد شرایط نیست.',
  'highlights.climber': 'بیشترین صعود',
  'highlights.climberValue': '{places} پله صعود تا رتبهٔ {position}',
  'highlights.climberHint': 'بیشترین پلهٔ صعود در جدول طی ۷ روز گذشته.',
  'highlights.consistent': 'باثبات‌ترین',
  'highlights.consistentValue': '{profitable} روز سودده از {days} روز',
  'highlights.consistentHint': 'بیشترین روز معاملاتی سودده در این هفته (دست‌کم ۳ روز معاملاتی).',
  'highlights.trade': 'بهترین معاملهٔ تکی',
  'highlights.tradeValue': '{pct} روی {symbol}',
  'highlights.tradeHint': 'بهترین معاملهٔ بسته‌شدهٔ تأییدشدهٔ هفته، نسبت به موجودی آغاز فصل.',
};

export * from './model';
export type * from './ports';
export type { ClanAiDeps } from './deps';
export { askClanAi, answerInClan, chatQueryType, type ClanQuestion } from './ask-clan';
export { runWeeklyClanSummaries, listClanSummaries, SUMMARY_BATCH, type WeeklySummaryResult } from './weekly-summary';
export { isoWeekOf, lastCompleteWeek } from './iso-week';
export {
  countClanQuestion,
  refundClanQuestion,
  CLAN_AI_QUESTIONS_PER_DAY,
  type ClanQuota,
  type ClanQuotaDeps,
} from './clan-quota';

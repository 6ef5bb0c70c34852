import { z } from 'zod';
import type { ModelTier } from '../ai/model';

/** What a member may ask the clan assistant (`POST /clans/:id/ai/recruit` and `/rival`). */
export const ClanAiQuestionSchema = z.strictObject({
  question: z.string().trim().min(1, 'Ask a question').max(2_000, 'Questions are at most 2000 characters'),
  /** The rival clan's tag (slug) or name; optional, the question may name it instead. */
  rival: z.string().trim().min(2).max(64).optional(),
});
export type ClanAiQuestion = z.infer<typeof ClanAiQuestionSchema>;

/** Which clan flow a question runs: each picks its query type (and so its tools). */
export type ClanAiKind = 'recruit' | 'rival' | 'chat';

/** An ISO 8601 week: id like `2026-W47`, Monday 00:00 UTC to the next Monday. */
export type IsoWeek = { id: string; start: Date; end: Date };

/** One stored weekly performance summary of a clan (one per clan and ISO week). */
export type ClanWeeklySummary = {
  clanId: string;
  week: string;
  weekStart: Date;
  weekEnd: Date;
  text: string;
  /** The tier that wrote it; summaries are never served from the answer cache. */
  tier: ModelTier;
  model: string;
  providerId: string;
  createdAt: Date;
};

/** How many summaries `GET /clans/:id/summaries` returns at most (newest first). */
export const SUMMARIES_SHOWN = 12;

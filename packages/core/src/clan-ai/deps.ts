import type { AiDeps } from '../ai/deps';
import type { ClanStore } from '../clans/ports';
import type { ClanSummaryStore } from './ports';

/**
 * The clan-facing assistant: the AI router deps, the clan store (membership is checked
 * here, before any question reaches a model) and the weekly summaries.
 */
export type ClanAiDeps = {
  ai: AiDeps;
  clans: Pick<ClanStore, 'findClan' | 'roleOf'>;
  summaries: ClanSummaryStore;
};

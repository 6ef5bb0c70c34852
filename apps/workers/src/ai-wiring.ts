import { createOpenAiCompatibleProvider } from '@clantrader/ai-providers';
import { ai, type Clock } from '@clantrader/core';
import { createAiDataSource, createAiStateStore, createClanSummaryStore, type Database } from '@clantrader/db';
import type { AiApiDeps } from './api/index';

/**
 * The model endpoints of one deployment, from its environment: OpenRouter (cloud) and
 * Ollama's OpenAI-compatible /v1 (local). Either may be absent; with neither, only cached
 * answers can be served.
 */
export type AiSettings = {
  cloud?: { baseURL: string; apiKey?: string; model?: string };
  local?: { baseURL: string; model?: string };
  /** Timeouts etc. (tests shorten them). */
  policy?: Partial<ai.AiPolicy>;
};

/** Reads AI_CLOUD_* / AI_LOCAL_* (already validated by each home's env schema). */
export function aiSettingsFromEnv(env: {
  AI_CLOUD_BASE_URL?: string | undefined;
  AI_CLOUD_API_KEY?: string | undefined;
  AI_CLOUD_MODEL?: string | undefined;
  AI_LOCAL_BASE_URL?: string | undefined;
  AI_LOCAL_MODEL?: string | undefined;
}): AiSettings {
  return {
    ...(env.AI_CLOUD_BASE_URL
      ? {
          cloud: {
            baseURL: env.AI_CLOUD_BASE_URL,
            ...(env.AI_CLOUD_API_KEY ? { apiKey: env.AI_CLOUD_API_KEY } : {}),
            ...(env.AI_CLOUD_MODEL ? { model: env.AI_CLOUD_MODEL } : {}),
          },
        }
      : {}),
    ...(env.AI_LOCAL_BASE_URL
      ? { local: { baseURL: env.AI_LOCAL_BASE_URL, ...(env.AI_LOCAL_MODEL ? { model: env.AI_LOCAL_MODEL } : {}) } }
      : {}),
  };
}

/** The providers in chain order (cloud, then local). */
export function buildAiProviders(settings: AiSettings): ai.AiProvider[] {
  const providers: ai.AiProvider[] = [];
  if (settings.cloud) {
    providers.push(
      createOpenAiCompatibleProvider({
        id: 'openrouter',
        tier: 'cloud',
        baseURL: settings.cloud.baseURL,
        ...(settings.cloud.apiKey ? { apiKey: settings.cloud.apiKey } : {}),
        model: settings.cloud.model ?? ai.AI_MODELS.queries.stats.cloudModel,
      }),
    );
  }
  if (settings.local) {
    providers.push(
      createOpenAiCompatibleProvider({
        id: 'ollama',
        tier: 'local',
        baseURL: settings.local.baseURL,
        model: settings.local.model ?? ai.AI_MODELS.localModel,
      }),
    );
  }
  return providers;
}

/**
 * The AI ports on the database (shared by every isolate / process), with per-home
 * overrides: on-prem keeps the breaker state in memory (one process, hot path).
 */
export function buildAiDeps(
  db: Database,
  clock: Clock,
  settings: AiSettings,
  overrides: { health?: ai.HealthState } = {},
): AiApiDeps {
  const state = createAiStateStore(db, clock);
  const cloudModel = settings.cloud?.model;
  const router: ai.AiDeps = {
    providers: buildAiProviders(settings),
    cache: state.cache,
    health: overrides.health ?? state.health,
    connectivity: state.connectivity,
    data: createAiDataSource(db, clock),
    clock,
    ...(settings.policy ? { policy: settings.policy } : {}),
    models: {
      ...(settings.local?.model ? { local: settings.local.model } : {}),
      ...(cloudModel ? { cloud: Object.fromEntries(ai.QUERY_TYPES.map((q) => [q, cloudModel])) } : {}),
    },
  };
  return {
    router,
    quota: state.quota,
    questions: state.questions,
    snapshots: state.snapshots,
    clanSummaries: createClanSummaryStore(db),
  };
}

import type { Clock } from '../shared/ports';
import type { QueryType } from './model';
import { AI_MODELS, AI_POLICY, type AiPolicy } from './models';
import type { AiProvider, AnswerCache, Connectivity, HealthState } from './ports';
import type { AiDataSource } from './tools/ports';

/**
 * Everything the router needs, built by each runtime's composition root: the cloud
 * (OpenRouter) and local (Ollama) providers, the shared breaker state, the cache and the
 * data tools read. `policy`/`models` override the defaults of models.ts (tests, on-prem).
 */
export type AiDeps = {
  providers: readonly AiProvider[];
  cache: AnswerCache;
  health: HealthState;
  connectivity: Connectivity;
  data: AiDataSource;
  clock: Clock;
  policy?: Partial<AiPolicy>;
  models?: { local?: string; cloud?: Partial<Record<QueryType, string>> };
};

/** The effective policy: defaults from models.ts with the deployment's overrides. */
export function policyOf(deps: Pick<AiDeps, 'policy'>): AiPolicy {
  return deps.policy ? { ...AI_POLICY, ...deps.policy } : AI_POLICY;
}

/** The model a provider of `tier` runs for `queryType`. */
export function modelFor(deps: Pick<AiDeps, 'models'>, tier: 'cloud' | 'local', queryType: QueryType): string {
  if (tier === 'local') return deps.models?.local ?? AI_MODELS.localModel;
  return deps.models?.cloud?.[queryType] ?? AI_MODELS.queries[queryType].cloudModel;
}

/** Providers in chain order: every cloud provider before every local one. */
export function chainOrder(providers: readonly AiProvider[]): AiProvider[] {
  return [...providers.filter((p) => p.tier === 'cloud'), ...providers.filter((p) => p.tier === 'local')];
}

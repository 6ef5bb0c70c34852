import { DomainError } from '../shared/domain-error';
import { readCachedAnswer, writeCachedAnswer } from './answer-cache';
import { afterFailure, breakerAllows, breakerChanged, CLOSED } from './breaker';
import { chainOrder, modelFor, policyOf, type AiDeps } from './deps';
import { failureKind } from './errors';
import {
  AskInputSchema,
  type AbortSignalLike,
  type AiAttempt,
  type AiCaller,
  type AskEvent,
  type AskInput,
} from './model';
import { AI_MODELS, SYSTEM_PROMPTS } from './models';
import type { AiProvider } from './ports';
import type { PlatformSnapshot } from './platform-snapshot';
import { buildMessages } from './prompt';
import { runProvider, type RunTally } from './run-provider';
import { toolsNamed } from './tools/catalog';
import { toolSpec } from './tools/registry';

/**
 * A question plus who asks it; `signal` aborts the whole answer (client went away).
 * With a `snapshot`, local models get it as their data instead of tools (small models
 * answer from one compact document better than through tool calls); cloud models keep
 * their tools.
 */
export type AskQuestion = AskInput & {
  caller: AiCaller;
  signal?: AbortSignalLike;
  snapshot?: PlatformSnapshot | null;
  /**
   * Asked inside a clan (clan AI routes, `@ai` in clan chat): the query type's `clanTools`
   * are offered too. Set by code that checked membership, never from user text.
   */
  inClan?: boolean;
  /** `cheapest`: local models before cloud ones (scheduled summaries). Default: cloud first. */
  chain?: 'quality' | 'cheapest';
  /** `never`: neither read nor write the answer cache (an answer that must be fresh). */
  cache?: 'use' | 'never';
};

/**
 * Answers a question through the chain cloud → local → cache, streaming text deltas and
 * ending with one `done` event that names the tier. A provider whose breaker is open is
 * skipped without a call; a cloud call with no first token within 3 s is aborted and
 * the local model asked; a busy or failing local model falls back to the last cached
 * answer. Fresh answers are cached for an hour.
 * @throws DomainError `validation.failed` (bad input) | `ai.unavailable` (no tier could answer)
 */
export async function* askAi(deps: AiDeps, question: AskQuestion): AsyncGenerator<AskEvent> {
  const parsed = AskInputSchema.safeParse(question);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError('validation.failed', 'Invalid question', { fields });
  }
  const input = parsed.data;
  const { caller, signal } = question;
  const policy = policyOf(deps);
  const profile = AI_MODELS.queries[input.queryType];
  const offered = question.inClan ? [...profile.tools, ...profile.clanTools] : profile.tools;
  const toolsFor = (tier: AiProvider['tier']) => (tier === 'local' && question.snapshot ? [] : toolsNamed(offered));
  const useCache = question.cache !== 'never';
  const chain = question.chain === 'cheapest' ? cheapestFirst(deps.providers) : chainOrder(deps.providers);
  const [forceLocal, ...states] = await Promise.all([
    deps.connectivity.forceLocal().catch(() => false),
    ...chain.map((p) => deps.health.get(p.id).catch(() => null)),
  ]);
  const attempts: AiAttempt[] = [];

  for (const [i, provider] of chain.entries()) {
    const state = states[i] ?? null;
    if ((forceLocal && provider.tier === 'cloud') || !breakerAllows(state, deps.clock.now().getTime())) {
      attempts.push({ providerId: provider.id, tier: provider.tier, outcome: 'skipped' });
      continue;
    }
    const model = modelFor(deps, provider.tier, input.queryType);
    const tally: RunTally = { text: '', toolCalls: 0, usedPrivate: false };
    const tools = toolsFor(provider.tier);
    const snapshot = provider.tier === 'local' ? (question.snapshot ?? null) : null;
    try {
      const run = runProvider({
        provider,
        tools,
        tally,
        signal,
        ctx: { caller, data: deps.data, clock: deps.clock },
        maxSteps: policy.maxToolSteps,
        request: {
          model,
          system: SYSTEM_PROMPTS[provider.tier],
          messages: buildMessages(input.question, input.context, snapshot),
          tools: tools.map(toolSpec),
          maxOutputTokens: provider.tier === 'local' ? AI_MODELS.localMaxOutputTokens : profile.maxOutputTokens,
          temperature: profile.temperature,
          firstTokenTimeoutMs: policy.firstTokenTimeoutMs[provider.tier],
          totalTimeoutMs: policy.totalTimeoutMs[provider.tier],
        },
      });
      for await (const text of run) yield { type: 'delta', text };
    } catch (e) {
      if (signal?.aborted) throw e;
      const kind = failureKind(e);
      attempts.push({ providerId: provider.id, tier: provider.tier, outcome: kind });
      await recordFailure(deps, provider, state, kind, policy);
      if (tally.text) yield { type: 'reset' };
      continue;
    }
    attempts.push({ providerId: provider.id, tier: provider.tier, outcome: 'answered' });
    if (breakerChanged(state, CLOSED)) await deps.health.set(provider.id, CLOSED).catch(() => undefined);
    const nowMs = deps.clock.now().getTime();
    const answer = { text: tally.text, sourceTier: provider.tier, model, createdAtMs: nowMs };
    const privateFor = tally.usedPrivate ? caller.userId : null;
    if (tally.text && useCache)
      await writeCachedAnswer(deps.cache, input, { ...answer, privateFor }, policy.cacheTtlSeconds);
    yield {
      type: 'done',
      tier: provider.tier,
      sourceTier: provider.tier,
      model,
      providerId: provider.id,
      cachedAtMs: null,
      toolCalls: tally.toolCalls,
      attempts,
    };
    return;
  }

  const cached = useCache ? await readCachedAnswer(deps.cache, input, caller) : null;
  if (!cached) {
    throw new DomainError(
      'ai.unavailable',
      'The AI assistant is unavailable right now and has no saved answer to this question. Please try again in a minute.',
      {
        retryAfterSeconds: 60,
      },
    );
  }
  yield { type: 'delta', text: cached.text };
  yield {
    type: 'done',
    tier: 'cache',
    sourceTier: cached.sourceTier,
    model: cached.model,
    providerId: null,
    cachedAtMs: cached.createdAtMs,
    toolCalls: 0,
    attempts,
  };
}

/** Local providers before cloud ones: the cheapest model that can answer does. */
function cheapestFirst(providers: readonly AiProvider[]): AiProvider[] {
  return [...providers.filter((p) => p.tier === 'local'), ...providers.filter((p) => p.tier === 'cloud')];
}

async function recordFailure(
  deps: AiDeps,
  provider: AiProvider,
  state: Parameters<typeof afterFailure>[0],
  kind: ReturnType<typeof failureKind>,
  policy: ReturnType<typeof policyOf>,
): Promise<void> {
  const next = afterFailure(state, kind, deps.clock.now().getTime(), policy);
  await deps.health.set(provider.id, next).catch(() => undefined);
}

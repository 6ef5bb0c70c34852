import { isDomainError } from '../shared/domain-error';
import { readCachedAnswer } from './answer-cache';
import { askAi } from './ask-ai';
import { normalizeQuestion } from './cache-key';
import type { AiDeps } from './deps';
import type { QueryType } from './model';
import type { QuestionLog, SnapshotStore } from './ports';
import { buildPlatformSnapshot, contextVersionOf, snapshotId, type PlatformSnapshot } from './platform-snapshot';

/** How many of the most asked questions the hourly job answers ahead of time. */
export const PRECOMPUTE_TOP = 50;
/** A cached answer younger than this is left as it is (the job runs hourly, answers live 1 h). */
const FRESH_ENOUGH_MS = 45 * 60 * 1000;

/**
 * Logs a question for the hourly precompute. Best effort: a failing log never fails the
 * question. Call it only for questions answered from public data (spectator questions).
 */
export async function recordQuestion(
  deps: { questions: QuestionLog; clock: AiDeps['clock'] },
  q: { question: string; queryType: QueryType },
): Promise<void> {
  const normalized = normalizeQuestion(q.question);
  if (!normalized) return;
  const day = deps.clock.now().toISOString().slice(0, 10);
  await deps.questions.record({ normalized, question: q.question.trim(), queryType: q.queryType, day }).catch(() => {
    // The log only tunes the cache; losing one entry is harmless.
  });
}

export type PrecomputeResult = { considered: number; answered: number; fresh: number; failed: number };

/**
 * Hourly job: answers the most asked questions again as a signed-out spectator would ask
 * them (public data only), so the cache — the last tier — holds current answers to what
 * people actually ask when a blackout takes the models away. Stops at the first question
 * no model could answer (every later one would fail the same way).
 */
export async function precomputeCommonAnswers(
  deps: AiDeps & { questions: QuestionLog },
  opts: { contextVersion: string; snapshot: PlatformSnapshot | null; limit?: number },
): Promise<PrecomputeResult> {
  const top = await deps.questions.mostAsked(opts.limit ?? PRECOMPUTE_TOP);
  const result: PrecomputeResult = { considered: top.length, answered: 0, fresh: 0, failed: 0 };
  const caller = { userId: null, clanIds: [] };
  for (const q of top) {
    const input = { question: q.question, queryType: q.queryType, contextVersion: opts.contextVersion };
    const cached = await readCachedAnswer(deps.cache, input, caller);
    if (cached && deps.clock.now().getTime() - cached.createdAtMs < FRESH_ENOUGH_MS) {
      result.fresh += 1;
      continue;
    }
    try {
      let tier: string | null = null;
      for await (const event of askAi(deps, { ...input, caller, snapshot: opts.snapshot })) {
        if (event.type === 'done') tier = event.tier;
      }
      if (tier === 'cache') {
        result.failed += 1;
        break;
      }
      result.answered += 1;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      result.failed += 1;
      if (e.code === 'ai.unavailable') break;
    }
  }
  return result;
}

/**
 * The hourly AI job both homes schedule (cron on the edge, scheduler on-prem): builds the
 * day's platform snapshot on the first run of a UTC day, then answers the most asked
 * questions under that snapshot's context version. Idempotent within a day.
 */
export async function runHourlyAiJobs(
  deps: AiDeps & { questions: QuestionLog; snapshots: SnapshotStore },
): Promise<PrecomputeResult & { snapshot: string; snapshotBuilt: boolean }> {
  let snapshot = await deps.snapshots.latest();
  const built = snapshot?.id !== snapshotId(deps.clock.now());
  if (built) {
    snapshot = await buildPlatformSnapshot(deps);
    await deps.snapshots.save(snapshot);
  }
  const contextVersion = contextVersionOf(snapshot, deps.clock.now());
  const result = await precomputeCommonAnswers(deps, { snapshot, contextVersion });
  return { ...result, snapshot: contextVersion, snapshotBuilt: built };
}

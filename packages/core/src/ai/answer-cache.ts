import { answerCacheKey, normalizeQuestion } from './cache-key';
import { CachedAnswerSchema, type AiCaller, type CachedAnswer, type QueryType } from './model';
import type { AnswerCache } from './ports';

type Question = { question: string; queryType: QueryType; contextVersion: string };

/**
 * The cached answer for a question: the caller's own (private-data) answer first, then
 * the public one. A broken or colliding entry, or a cache that fails, reads as a miss.
 */
export async function readCachedAnswer(
  cache: AnswerCache,
  q: Question,
  caller: AiCaller,
): Promise<CachedAnswer | null> {
  const scopes = caller.userId ? [`u-${caller.userId}`, 'public'] : ['public'];
  const wanted = normalizeQuestion(q.question);
  for (const scope of scopes) {
    const raw = await cache.get(answerCacheKey({ ...q, scope })).catch(() => null);
    const parsed = CachedAnswerSchema.safeParse(raw);
    if (parsed.success && parsed.data.question === wanted) return parsed.data;
  }
  return null;
}

/**
 * Stores a fresh answer. One that used private data is stored under the caller's scope
 * only. A failing cache never fails the answer.
 */
export async function writeCachedAnswer(
  cache: AnswerCache,
  q: Question,
  answer: Omit<CachedAnswer, 'question'> & { privateFor: string | null },
  ttlSeconds: number,
): Promise<void> {
  const scope = answer.privateFor ? `u-${answer.privateFor}` : 'public';
  const { privateFor: _, ...rest } = answer;
  const value: CachedAnswer = { ...rest, question: normalizeQuestion(q.question) };
  await cache.set(answerCacheKey({ ...q, scope }), value, ttlSeconds).catch(() => undefined);
}

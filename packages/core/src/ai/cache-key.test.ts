import { describe, expect, it } from 'vitest';
import { answerCacheKey, normalizeQuestion } from './cache-key';

describe('answer cache key', () => {
  it('treats case, spacing and trailing punctuation as the same question', () => {
    expect(normalizeQuestion('  Who are the TOP   clans?? ')).toBe('who are the top clans');
    expect(normalizeQuestion('بهترین کلن‌ها ۳ ؟')).toBe(normalizeQuestion('بهترین کلن ها 3'));
  });

  it('changes with the context version and the scope', () => {
    const base = { question: 'top clans', queryType: 'stats' as const, contextVersion: 's1', scope: 'public' };
    const key = answerCacheKey(base);
    expect(key).toMatch(/^ai:v1:s1:stats:public:[0-9a-f]{16}$/);
    expect(answerCacheKey({ ...base, question: 'Top clans?' })).toBe(key);
    expect(answerCacheKey({ ...base, contextVersion: 's2' })).not.toBe(key);
    expect(answerCacheKey({ ...base, scope: 'u1' })).not.toBe(key);
  });
});

import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('AUTH_LIMITS', () => {
  it('is absent by default, so the API keeps its own limits', () => {
    expect(readEnv({}).AUTH_LIMITS).toBeUndefined();
    expect(readEnv({ AUTH_LIMITS: ' ' }).AUTH_LIMITS).toBeUndefined();
  });

  it('overrides buckets one by one, with a 60-second window unless one is given', () => {
    expect(readEnv({ AUTH_LIMITS: 'signup=200, login=300/120' }).AUTH_LIMITS).toEqual({
      signup: { limit: 200, windowSeconds: 60 },
      login: { limit: 300, windowSeconds: 120 },
    });
  });

  it.each(['signin=5', 'signup=', 'signup=0', 'signup=5/0', 'signup=ten', 'signup=5/60/1'])(
    'refuses %j with a message naming the entry',
    (value) => {
      expect(() => readEnv({ AUTH_LIMITS: value })).toThrow(
        `AUTH_LIMITS: "${value}" is not <signup|login|verify|reset>=`,
      );
    },
  );
});

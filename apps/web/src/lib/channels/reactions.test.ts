import { describe, expect, it } from 'vitest';
import { toggleReaction } from './reactions';

describe('toggleReaction', () => {
  it('adds the reader’s reaction and counts it', () => {
    expect(toggleReaction({ counts: { '🔥': 2 }, mine: [] }, '🔥', true)).toEqual({
      counts: { '🔥': 3 },
      mine: ['🔥'],
    });
  });

  it('removes it and drops a zero count', () => {
    expect(toggleReaction({ counts: { '👍': 1 }, mine: ['👍'] }, '👍', false)).toEqual({ counts: {}, mine: [] });
  });

  it('is idempotent like the API', () => {
    const summary = { counts: { '🚀': 1 }, mine: ['🚀'] };
    expect(toggleReaction(summary, '🚀', true)).toBe(summary);
    expect(toggleReaction({ counts: {}, mine: [] }, '🚀', false)).toEqual({ counts: {}, mine: [] });
  });
});

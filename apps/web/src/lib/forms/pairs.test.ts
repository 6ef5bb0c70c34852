import { describe, expect, it } from 'vitest';
import { splitPairs } from './pairs';

describe('splitPairs', () => {
  it('splits on commas, Persian commas and spaces, upper-cases and de-duplicates', () => {
    expect(splitPairs(' eurusd, XAUUSD  us30،EURUSD ')).toEqual(['EURUSD', 'XAUUSD', 'US30']);
  });

  it('gives an empty list for empty input', () => {
    expect(splitPairs('')).toEqual([]);
    expect(splitPairs(undefined)).toEqual([]);
  });
});

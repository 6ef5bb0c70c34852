import { describe, expect, it } from 'vitest';
import { SeasonHistorySchema } from './schemas';

describe('SeasonHistorySchema', () => {
  it('reads archived awards, a specialist with its instrument', () => {
    const history = SeasonHistorySchema.parse({
      items: [
        {
          seasonId: '2026-10',
          position: 1,
          tier: 'legendary',
          score: 90,
          awards: ['overall_champion', 'specialist:XAUUSD'],
        },
      ],
    });
    expect(history.items[0]?.awards).toEqual([
      { kind: 'overall_champion', instrument: null, value: null },
      { kind: 'specialist', instrument: 'XAUUSD', value: null },
    ]);
  });
});

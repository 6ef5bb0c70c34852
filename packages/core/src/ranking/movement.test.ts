import { describe, expect, it } from 'vitest';
import { movement } from './movement';

describe('movement', () => {
  it('marks each current trader up, down, same or new against the snapshot', () => {
    const before = [
      { traderId: 'a', position: 1 },
      { traderId: 'b', position: 2 },
      { traderId: 'c', position: 3 },
      { traderId: 'gone', position: 4 },
    ];
    const now = [
      { traderId: 'c', position: 1 },
      { traderId: 'a', position: 2 },
      { traderId: 'b', position: 3 },
      { traderId: 'n', position: 4 },
    ];
    expect(movement(before, now)).toEqual([
      { traderId: 'c', position: 1, previousPosition: 3, direction: 'up', delta: 2 },
      { traderId: 'a', position: 2, previousPosition: 1, direction: 'down', delta: -1 },
      { traderId: 'b', position: 3, previousPosition: 2, direction: 'down', delta: -1 },
      { traderId: 'n', position: 4, previousPosition: null, direction: 'new', delta: 0 },
    ]);
  });

  it('marks everyone new without a snapshot and same when nothing moved', () => {
    const board = [{ traderId: 'a', position: 1 }];
    expect(movement(null, board)[0]?.direction).toBe('new');
    expect(movement(board, board)[0]).toMatchObject({ direction: 'same', delta: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { barsOf, linePoints, pathOf, scaleLinear, timeValue } from './geometry';

const box = { width: 100, height: 50, pad: 0 };

describe('linePoints', () => {
  it('spreads points by time and puts the highest value at the top', () => {
    const points = linePoints(
      [
        { time: '2024-01-01T00:00:00', value: 100 },
        { time: '2024-01-02T00:00:00', value: 300 },
        { time: '2024-01-05T00:00:00', value: 200 },
      ],
      box,
    );
    expect(points).toEqual([
      { x: 0, y: 50 },
      { x: 25, y: 0 },
      { x: 100, y: 25 },
    ]);
    expect(pathOf(points)).toBe('M0 50 L25 0 L100 25');
  });

  it('falls back to even spacing when times do not read, and centres a flat line', () => {
    const points = linePoints(
      [
        { time: 'garbage', value: 5 },
        { time: 'also garbage', value: 5 },
      ],
      box,
    );
    expect(points).toEqual([
      { x: 0, y: 25 },
      { x: 100, y: 25 },
    ]);
  });

  it('returns nothing for an empty series', () => {
    expect(linePoints([], box)).toEqual([]);
  });
});

describe('barsOf', () => {
  it('draws gains above and losses below a zero line inside the chart', () => {
    const { bars, zeroY } = barsOf([10, -5], { width: 100, height: 30, pad: 0 });
    // 15 units over 30 px: +10 takes the top 20 px, -5 the bottom 10 px.
    expect(zeroY).toBe(20);
    expect(bars[0]).toMatchObject({ y: 0, height: 20, negative: false });
    expect(bars[1]).toMatchObject({ y: 20, height: 10, negative: true });
  });

  it('keeps the zero line at the bottom when every month gained', () => {
    expect(barsOf([1, 2], { width: 10, height: 10, pad: 0 }).zeroY).toBe(10);
  });
});

describe('helpers', () => {
  it('read broker time without an offset as UTC', () => {
    expect(timeValue('2024-03-01T10:00:00')).toBe(Date.UTC(2024, 2, 1, 10));
    expect(scaleLinear(0, 10, 0, 100)(5)).toBe(50);
  });
});

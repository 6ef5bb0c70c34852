import { describe, expect, it } from 'vitest';
import { chartShape, parseChartsInput } from './charts';

const box = { width: 100, height: 50, pad: 0 };

describe('parseChartsInput', () => {
  it('treats an empty box as no charts', () => {
    expect(parseChartsInput('  ')).toEqual({ ok: true, charts: [] });
  });

  it('accepts one chart or a list', () => {
    const one = { kind: 'line', title: 'EURUSD', points: [{ x: 1, y: 1.08 }] };
    expect(parseChartsInput(JSON.stringify(one))).toEqual({ ok: true, charts: [one] });
    expect(parseChartsInput(JSON.stringify([one, one]))).toMatchObject({ ok: true, charts: [one, one] });
  });

  it('says what is wrong', () => {
    expect(parseChartsInput('{oops')).toEqual({ ok: false, message: 'invalidJson' });
    const bad = parseChartsInput(JSON.stringify({ kind: 'pie', title: 't', points: [{ x: 1, y: 2 }] }));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toMatch(/^kind:/);
  });
});

describe('chartShape', () => {
  it('places line points by numeric x, y inverted', () => {
    const shape = chartShape(
      {
        kind: 'line',
        title: '',
        points: [
          { x: 0, y: 0 },
          { x: 10, y: 10 },
        ],
      },
      box,
    );
    expect(shape.kind === 'line' && shape.points).toEqual([
      { x: 0, y: 50 },
      { x: 100, y: 0 },
    ]);
  });

  it('spaces label x values evenly', () => {
    const shape = chartShape(
      {
        kind: 'line',
        title: '',
        points: [
          { x: 'Mon', y: 1 },
          { x: 'Tue', y: 2 },
          { x: 'Wed', y: 3 },
        ],
      },
      box,
    );
    expect(shape.kind === 'line' && shape.points.map((p) => p.x)).toEqual([0, 50, 100]);
  });

  it('draws bars around zero', () => {
    const shape = chartShape(
      {
        kind: 'bar',
        title: '',
        points: [
          { x: 'a', y: -1 },
          { x: 'b', y: 1 },
        ],
      },
      box,
    );
    expect(shape.kind === 'bar' && shape.bars.map((b) => b.negative)).toEqual([true, false]);
    expect([shape.min, shape.max]).toEqual([-1, 1]);
  });
});

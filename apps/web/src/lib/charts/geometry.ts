/**
 * Pure geometry for the inline SVG charts (no chart library: the on-prem mirror loads
 * nothing from outside, and the bundle stays small). Coordinates are in a fixed viewBox.
 */
export type Box = { width: number; height: number; pad: number };

export type Point = { x: number; y: number };

/** Maps [min, max] onto [to0, to1]; a flat range maps to the middle. */
export function scaleLinear(min: number, max: number, to0: number, to1: number): (v: number) => number {
  if (max === min) return () => (to0 + to1) / 2;
  return (v) => to0 + ((v - min) / (max - min)) * (to1 - to0);
}

/** Broker time as printed ("2024-03-01T10:00:00", no offset); NaN when unreadable. */
export function timeValue(time: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(time) ? time : `${time}Z`);
}

/**
 * Points of a line chart: x by time when every time reads, else by position; y inverted
 * (SVG grows downwards). Values are plain numbers (cents stay integers until here).
 */
export function linePoints(series: { time: string; value: number }[], box: Box): Point[] {
  if (series.length === 0) return [];
  const times = series.map((p) => timeValue(p.time));
  const byTime = times.every(Number.isFinite) && Math.min(...times) < Math.max(...times);
  const xs = byTime ? times : series.map((_, i) => i);
  const values = series.map((p) => p.value);
  const x = scaleLinear(Math.min(...xs), Math.max(...xs), box.pad, box.width - box.pad);
  const y = scaleLinear(Math.min(...values), Math.max(...values), box.height - box.pad, box.pad);
  return series.map((p, i) => ({ x: round(x(xs[i] ?? i)), y: round(y(p.value)) }));
}

/** An SVG path through the points ("M x y L x y ..."). */
export function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

export type Bar = { x: number; y: number; width: number; height: number; negative: boolean };

/** Bars around a zero line that always lies inside the chart, one slot per value (bars at most 10% of the width). */
export function barsOf(values: number[], box: Box): { bars: Bar[]; zeroY: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const y = scaleLinear(lo, hi === lo ? lo + 1 : hi, box.height - box.pad, box.pad);
  const zeroY = round(y(0));
  const slot = values.length > 0 ? (box.width - 2 * box.pad) / values.length : 0;
  const width = round(Math.max(1, Math.min(slot * 0.7, box.width / 10)));
  const bars = values.map((v, i) => {
    const top = round(y(Math.max(v, 0)));
    const bottom = round(y(Math.min(v, 0)));
    return {
      x: round(box.pad + i * slot + (slot - width) / 2),
      y: top,
      width,
      height: round(Math.max(bottom - top, 0.5)),
      negative: v < 0,
    };
  });
  return { bars, zeroY };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

import { channels } from '@clantrader/core';
import { z } from 'zod';
import { barsOf, pathOf, scaleLinear, type Bar, type Box, type Point } from '$lib/charts/geometry';

export type PostChart = channels.Chart;

const ChartListSchema = z.array(channels.ChartSchema);

/**
 * The optional chart box of the publish form: empty means none; else JSON of one chart or
 * a list of charts, `{ "kind": "line"|"bar", "title": "…", "points": [{ "x": …, "y": … }] }`.
 * Returns the first problem as text so the form can show it beside the box.
 */
export function parseChartsInput(raw: string): { ok: true; charts: PostChart[] } | { ok: false; message: string } {
  if (!raw.trim()) return { ok: true, charts: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'invalidJson' };
  }
  const parsed = Array.isArray(json) ? ChartListSchema.safeParse(json) : channels.ChartSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: issue ? `${issue.path.join('.') || 'chart'}: ${issue.message}` : 'invalid' };
  }
  const charts = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  if (charts.length > channels.CHANNEL_LIMITS.maxCharts) return { ok: false, message: 'tooMany' };
  return { ok: true, charts };
}

export type ChartShape =
  | { kind: 'line'; points: Point[]; path: string; min: number; max: number }
  | { kind: 'bar'; bars: Bar[]; zeroY: number; min: number; max: number };

/**
 * Where a post chart's marks go in the viewBox. Line charts place x by value when every x
 * is a number (ascending data is the common case), otherwise one step per point.
 */
export function chartShape(chart: PostChart, box: Box): ChartShape {
  const ys = chart.points.map((p) => p.y);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  // Bars stand on a zero line, so their scale always includes 0.
  if (chart.kind === 'bar') return { kind: 'bar', ...barsOf(ys, box), min: Math.min(0, min), max: Math.max(0, max) };
  const numeric = chart.points.every((p) => typeof p.x === 'number');
  const xs = chart.points.map((p, i) => (numeric ? Number(p.x) : i));
  const x = scaleLinear(Math.min(...xs), Math.max(...xs), box.pad, box.width - box.pad);
  const y = scaleLinear(min, max, box.height - box.pad, box.pad);
  const points = chart.points.map((p, i) => ({ x: round(x(xs[i] ?? i)), y: round(y(p.y)) }));
  return { kind: 'line', points, path: pathOf(points), min, max };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

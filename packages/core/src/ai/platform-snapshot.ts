import { z } from 'zod';
import { TRADING_STYLES } from '../accounts/model';
import type { Clock } from '../shared/ports';
import type { SnapshotStore } from './ports';
import type { AiDataSource } from './tools/ports';

const TradingStyleSchema = z.enum(TRADING_STYLES).nullable();

/**
 * The daily "platform intelligence" document: what a small local model gets instead of
 * database access (no tools), and whose id versions the answer cache so numbers from an
 * older day are never served as today's. Public figures only; names inside are user text
 * and reach a model only as quoted JSON.
 */
export const PlatformSnapshotSchema = z.object({
  id: z.string().min(1).max(64),
  builtAtMs: z.number().int(),
  topClans: z.array(
    z.object({ tag: z.string(), name: z.string(), rank: z.number(), score: z.number(), members: z.number() }),
  ),
  trendingInstruments: z.array(
    z.object({ symbol: z.string(), traders: z.number(), trades: z.number(), winRatePct: z.number() }),
  ),
  topTraders: z.array(
    z.object({
      handle: z.string(),
      style: TradingStyleSchema,
      topPairs: z.array(z.string()),
      returnPct: z.number(),
      maxDrawdownPct: z.number(),
      verification: z.enum(['self-reported', 'broker-verified']),
    }),
  ),
});
export type PlatformSnapshot = z.infer<typeof PlatformSnapshotSchema>;

/** Sizes that keep the document compact (a few KB) for an 8k-context local model. */
export const SNAPSHOT_LIMITS = { clans: 10, instruments: 10, traders: 10 } as const;

/** Snapshot ids are per UTC day, so a day's cached answers share one context version. */
export function snapshotId(now: Date): string {
  return `snap-${now.toISOString().slice(0, 10)}`;
}

/** The context version answers are cached under: the latest snapshot's id, else the UTC day. */
export function contextVersionOf(snapshot: PlatformSnapshot | null, now: Date): string {
  return snapshot?.id ?? `day-${now.toISOString().slice(0, 10)}`;
}

/** Reads today's public figures through the tools' data port and rounds them for the model. */
export async function buildPlatformSnapshot(deps: { data: AiDataSource; clock: Clock }): Promise<PlatformSnapshot> {
  const now = deps.clock.now();
  const [clans, instruments, traders] = await Promise.all([
    deps.data.topClans({ limit: SNAPSHOT_LIMITS.clans, period: 'season' }),
    deps.data.trendingInstruments({ limit: SNAPSHOT_LIMITS.instruments, window: '7d' }),
    deps.data.searchTraders({ style: null, pair: null, maxDrawdownPct: null, limit: SNAPSHOT_LIMITS.traders }),
  ]);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    id: snapshotId(now),
    builtAtMs: now.getTime(),
    topClans: clans.map((c) => ({ ...c, score: round(c.score) })),
    trendingInstruments: instruments.map((i) => ({ ...i, winRatePct: round(i.winRatePct) })),
    topTraders: traders.map((t) => ({
      ...t,
      topPairs: t.topPairs.slice(0, 3),
      returnPct: round(t.returnPct),
      maxDrawdownPct: round(t.maxDrawdownPct),
    })),
  };
}

/** Daily job (cron on the edge, scheduler on-prem): builds and stores today's snapshot. */
export async function refreshPlatformSnapshot(deps: {
  data: AiDataSource;
  clock: Clock;
  snapshots: SnapshotStore;
}): Promise<{ id: string; clans: number; instruments: number; traders: number }> {
  const snapshot = await buildPlatformSnapshot(deps);
  await deps.snapshots.save(snapshot);
  return {
    id: snapshot.id,
    clans: snapshot.topClans.length,
    instruments: snapshot.trendingInstruments.length,
    traders: snapshot.topTraders.length,
  };
}

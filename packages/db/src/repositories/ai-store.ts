import { ai, type Clock } from '@clantrader/core';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../database';
import { aiState } from '../schema/index';

type Json = ai.JsonValue;

const BreakerSchema = z.object({
  state: z.enum(['closed', 'open']),
  failures: z.number(),
  retryAtMs: z.number(),
  lastError: z.enum(['timeout', 'overloaded', 'unavailable', 'rejected', 'probe']).nullable(),
});
const ProbeSchema = z.array(
  z.object({
    providerId: z.string(),
    tier: z.enum(['cloud', 'local']),
    ok: z.boolean(),
    status: z.number().nullable(),
    latencyMs: z.number(),
    error: z.string().nullable(),
    checkedAtMs: z.number(),
  }),
);

const FORCE_LOCAL_KEY = 'conn:force-local';
const LAST_PROBE_KEY = 'conn:last-probe';
const SNAPSHOT_KEY = 'snapshot:latest';
/** Question counts are kept per UTC day for a week (the precompute's window). */
const QUESTION_DAYS_KEPT = 7;
const QuestionValueSchema = z.object({
  question: z.string(),
  normalized: z.string(),
  queryType: z.enum(['stats', 'analysis', 'summary', 'recruiting']),
});

/**
 * The AI ports (AnswerCache, HealthState, Connectivity, QuotaStore) on the `ai_state`
 * table, so every Worker isolate and every on-prem process shares them. Values are
 * parsed on the way out; a malformed row reads as absent.
 */
export function createAiStateStore(db: Database, clock: Clock) {
  const nowSql = () => sql`${clock.now().toISOString()}::timestamptz`;
  const live = () => or(isNull(aiState.expiresAt), gt(aiState.expiresAt, nowSql()));

  async function read(key: string): Promise<unknown> {
    const rows = await db
      .select({ value: aiState.value })
      .from(aiState)
      .where(and(eq(aiState.key, key), live()))
      .limit(1);
    return rows[0]?.value ?? null;
  }
  async function write(key: string, value: Json, ttlSeconds: number | null): Promise<void> {
    const expiresAt = ttlSeconds === null ? null : new Date(clock.now().getTime() + ttlSeconds * 1000);
    await db
      .insert(aiState)
      .values({ key, value, expiresAt })
      .onConflictDoUpdate({ target: aiState.key, set: { value, expiresAt } });
  }

  const cache: ai.AnswerCache = {
    async get(key) {
      const parsed = ai.CachedAnswerSchema.safeParse(await read(`cache:${key}`));
      return parsed.success ? parsed.data : null;
    },
    async set(key, answer, ttlSeconds) {
      await write(`cache:${key}`, answer, ttlSeconds);
    },
  };
  const health: ai.HealthState = {
    async get(providerId) {
      const parsed = BreakerSchema.safeParse(await read(`health:${providerId}`));
      return parsed.success ? parsed.data : null;
    },
    async set(providerId, state) {
      await write(`health:${providerId}`, state, null);
    },
  };
  const connectivity: ai.Connectivity = {
    async forceLocal() {
      return (await read(FORCE_LOCAL_KEY)) === true;
    },
    async setForceLocal(on) {
      await write(FORCE_LOCAL_KEY, on, null);
    },
    async lastProbe() {
      const parsed = ProbeSchema.safeParse(await read(LAST_PROBE_KEY));
      return parsed.success ? parsed.data : [];
    },
    async saveProbe(results) {
      await write(LAST_PROBE_KEY, results, null);
    },
  };
  const quota: ai.QuotaStore = {
    /** One atomic upsert: concurrent questions from several isolates never lose a count. */
    async increment(key, ttlSeconds) {
      const now = nowSql();
      const expiresAt = sql`${now} + make_interval(secs => ${ttlSeconds}::float8)`;
      const expired = sql`(${aiState.expiresAt} is not null and ${aiState.expiresAt} <= ${now})`;
      const rows = await db
        .insert(aiState)
        .values({ key: `quota:${key}`, count: 1, expiresAt })
        .onConflictDoUpdate({
          target: aiState.key,
          set: {
            count: sql`case when ${expired} then 1 else ${aiState.count} + 1 end`,
            expiresAt: sql`case when ${expired} then ${expiresAt} else ${aiState.expiresAt} end`,
          },
        })
        .returning({ count: aiState.count });
      const row = rows[0];
      if (!row) throw new Error('quota upsert returned no row');
      return row.count;
    },
    async decrement(key) {
      await db
        .update(aiState)
        .set({ count: sql`greatest(${aiState.count} - 1, 0)` })
        .where(and(eq(aiState.key, `quota:${key}`), live()));
    },
  };
  const questions: ai.QuestionLog = {
    /** One row per (day, query type, question): `count` grows atomically, the row expires after a week. */
    async record(entry) {
      const key = `question:${entry.day}:${entry.queryType}:${ai.answerCacheKey({
        question: entry.normalized,
        queryType: entry.queryType,
        contextVersion: 'log',
        scope: 'public',
      })}`;
      const value = { question: entry.question, normalized: entry.normalized, queryType: entry.queryType };
      const expiresAt = sql`${entry.day}::date + make_interval(days => ${QUESTION_DAYS_KEPT + 1})`;
      await db
        .insert(aiState)
        .values({ key, value, count: 1, expiresAt })
        .onConflictDoUpdate({ target: aiState.key, set: { count: sql`${aiState.count} + 1` } });
    },
    async mostAsked(limit) {
      const rows = await db
        .select({
          value: sql<unknown>`(array_agg(${aiState.value} order by ${aiState.key} desc))[1]`,
          count: sql<number>`sum(${aiState.count})::int`,
        })
        .from(aiState)
        .where(and(sql`${aiState.key} like 'question:%'`, live()))
        .groupBy(sql`${aiState.value}->>'queryType'`, sql`${aiState.value}->>'normalized'`)
        .orderBy(sql`sum(${aiState.count}) desc`, sql`${aiState.value}->>'normalized'`)
        .limit(limit);
      const out: ai.AskedQuestion[] = [];
      for (const r of rows) {
        const v = QuestionValueSchema.safeParse(r.value);
        if (v.success) out.push({ question: v.data.question, queryType: v.data.queryType, count: Number(r.count) });
      }
      return out;
    },
  };
  const snapshots: ai.SnapshotStore = {
    async latest() {
      const parsed = ai.PlatformSnapshotSchema.safeParse(await read(SNAPSHOT_KEY));
      return parsed.success ? parsed.data : null;
    },
    async save(snapshot) {
      await write(SNAPSHOT_KEY, snapshot, null);
    },
  };
  return { cache, health, connectivity, quota, questions, snapshots };
}

import type { Clock } from '../../shared/ports';
import type { BreakerState } from '../breaker';
import type { CachedAnswer } from '../model';
import type { PlatformSnapshot } from '../platform-snapshot';
import type {
  AnswerCache,
  AskedQuestion,
  Connectivity,
  HealthState,
  ProbeResult,
  QuestionLog,
  QuotaStore,
  SnapshotStore,
} from '../ports';

/** AnswerCache in a Map, expiring on the injected clock (on-prem single instance uses it too). */
export class MemoryAnswerCache implements AnswerCache {
  readonly entries = new Map<string, { answer: CachedAnswer; expiresAtMs: number }>();
  constructor(private readonly clock: Clock) {}
  async get(key: string) {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAtMs <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return null;
    }
    return e.answer;
  }
  async set(key: string, answer: CachedAnswer, ttlSeconds: number) {
    this.entries.set(key, { answer, expiresAtMs: this.clock.now().getTime() + ttlSeconds * 1000 });
  }
}

/** Breaker states in a Map; `writes` counts sets so tests can see the hot path stays read-only. */
export class MemoryHealthState implements HealthState {
  readonly states = new Map<string, BreakerState>();
  writes = 0;
  async get(providerId: string) {
    return this.states.get(providerId) ?? null;
  }
  async set(providerId: string, state: BreakerState) {
    this.writes += 1;
    this.states.set(providerId, state);
  }
}

/** The admin switch and the last probe, in memory. */
export class MemoryConnectivity implements Connectivity {
  forced = false;
  probes: ProbeResult[] = [];
  async forceLocal() {
    return this.forced;
  }
  async setForceLocal(on: boolean) {
    this.forced = on;
  }
  async lastProbe() {
    return this.probes;
  }
  async saveProbe(results: ProbeResult[]) {
    this.probes = results;
  }
}

/** Expiring counters on the injected clock. */
export class MemoryQuotaStore implements QuotaStore {
  private readonly counters = new Map<string, { n: number; expiresAtMs: number }>();
  constructor(private readonly clock: Clock) {}
  async increment(key: string, ttlSeconds: number) {
    const now = this.clock.now().getTime();
    const c = this.counters.get(key);
    const next = c && c.expiresAtMs > now ? { ...c, n: c.n + 1 } : { n: 1, expiresAtMs: now + ttlSeconds * 1000 };
    this.counters.set(key, next);
    return next.n;
  }
  async decrement(key: string) {
    const c = this.counters.get(key);
    if (c && c.expiresAtMs > this.clock.now().getTime()) this.counters.set(key, { ...c, n: Math.max(0, c.n - 1) });
  }
}

/** Question counts per normalized question (the memory log keeps every day). */
export class MemoryQuestionLog implements QuestionLog {
  readonly counts = new Map<string, AskedQuestion>();
  async record(entry: Parameters<QuestionLog['record']>[0]) {
    const key = `${entry.queryType}:${entry.normalized}`;
    const seen = this.counts.get(key);
    this.counts.set(key, {
      question: seen?.question ?? entry.question,
      queryType: entry.queryType,
      count: (seen?.count ?? 0) + 1,
    });
  }
  async mostAsked(limit: number) {
    return [...this.counts.values()]
      .sort((a, b) => b.count - a.count || (a.question < b.question ? -1 : 1))
      .slice(0, limit);
  }
}

/** The latest snapshot in a field. */
export class MemorySnapshotStore implements SnapshotStore {
  snapshot: PlatformSnapshot | null = null;
  async latest() {
    return this.snapshot;
  }
  async save(snapshot: PlatformSnapshot) {
    this.snapshot = snapshot;
  }
}

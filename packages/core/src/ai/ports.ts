import type { AbortSignalLike, AiChunk, AiRequest, CachedAnswer, ModelTier, QueryType } from './model';
import type { PlatformSnapshot } from './platform-snapshot';
import type { BreakerState } from './breaker';

/**
 * One model endpoint (OpenRouter in the cloud, Ollama on-prem). `stream` yields text and
 * tool calls for ONE model turn; it never executes tools (core does, after validation).
 * It must enforce `firstTokenTimeoutMs`/`totalTimeoutMs` and stop its HTTP call when
 * `signal` aborts. Failures are thrown as `AiProviderError`.
 */
export interface AiProvider {
  readonly id: string;
  readonly tier: ModelTier;
  stream(request: AiRequest, options: { signal?: AbortSignalLike }): AsyncIterable<AiChunk>;
  /** A cheap HTTP round trip (e.g. GET /models); `ok: false` when unreachable or failing. */
  health(options: {
    timeoutMs: number;
    signal?: AbortSignalLike;
  }): Promise<{ ok: boolean; status: number | null; error: string | null }>;
}

/** Answers kept for the cache tier. Expired entries read as null. */
export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | null>;
  set(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void>;
}

/**
 * Circuit-breaker state per provider, shared by every request of an instance (KV or
 * memory). Fed by live calls and by the 60 s probe, so a blackout costs no timeout.
 */
export interface HealthState {
  get(providerId: string): Promise<BreakerState | null>;
  set(providerId: string, state: BreakerState): Promise<void>;
}

/** Result of probing one provider. */
export type ProbeResult = {
  providerId: string;
  tier: ModelTier;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  error: string | null;
  checkedAtMs: number;
};

/**
 * Whether international services answer, as the admin and the UI see it: the admin
 * "force local" switch and the latest probe results.
 */
export interface Connectivity {
  forceLocal(): Promise<boolean>;
  setForceLocal(on: boolean): Promise<void>;
  lastProbe(): Promise<ProbeResult[]>;
  saveProbe(results: ProbeResult[]): Promise<void>;
}

/** Per-key counters that expire; `increment` is atomic and returns the new count. */
export interface QuotaStore {
  increment(key: string, ttlSeconds: number): Promise<number>;
  /** Takes one count back (never below 0); a missing or expired key is left alone. */
  decrement(key: string): Promise<void>;
}

/** A question as users asked it, with how often it was asked in the log's window. */
export type AskedQuestion = { question: string; queryType: QueryType; count: number };

/**
 * How often each normalized question was asked, per UTC day, kept for a week. Feeds the
 * hourly precompute of the most common questions. Only public questions are recorded.
 */
export interface QuestionLog {
  record(entry: { normalized: string; question: string; queryType: QueryType; day: string }): Promise<void>;
  /** The most asked over the kept days, most first; ties by question text. */
  mostAsked(limit: number): Promise<AskedQuestion[]>;
}

/** The latest daily platform snapshot (one document, replaced each day). */
export interface SnapshotStore {
  latest(): Promise<PlatformSnapshot | null>;
  save(snapshot: PlatformSnapshot): Promise<void>;
}

import v8 from 'node:v8';

/**
 * The old generation may grow to twice what survived the last full collection before the
 * next one starts (V8's default lets it grow by as little as 10–30 %). The room server keeps
 * thousands of sockets' state alive and promotes a steady trickle of in-flight messages, so
 * with the default a full collection ran every ~2 s under 2,000 messages/s; its marking
 * threads took the cores from PostgreSQL and held every chat message in flight up to
 * 100–300 ms (bench:chat, docs/chat.md). Costs up to one more live heap of memory.
 * Call once at start, before the load: V8 reads it when it sizes the heap after each
 * collection.
 */
export const OLD_GENERATION_GROWING_PERCENT = 100;

export function tuneGarbageCollector(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWING_PERCENT}`);
}

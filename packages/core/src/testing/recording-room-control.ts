import type { EvictionReason, RoomControl } from '../shared/ports';

export type RecordedEviction = { party: string; room: string; userId: string; reason: EvictionReason };

/** Remembers every eviction, in order, so use-case tests can assert who was pushed out. */
export function createRecordingRoomControl(): RoomControl & { evictions: RecordedEviction[] } {
  const evictions: RecordedEviction[] = [];
  return {
    evictions,
    async evict(input) {
      evictions.push({ ...input });
    },
  };
}

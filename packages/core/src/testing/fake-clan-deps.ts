import type { ClanDeps } from '../clans/deps';
import { FakeTokenVault, ManualClock, SequentialIds } from './basics';
import { MemoryClanStore } from './memory-clan-store';
import { MemoryStatementStore } from './memory-statement-store';
import { createRecordingRoomControl } from './recording-room-control';

/** Clan deps on in-memory fakes, with the fakes exposed for assertions. */
export function fakeClanDeps() {
  const clock = new ManualClock();
  const store = new MemoryClanStore();
  const rooms = createRecordingRoomControl();
  const statements = new MemoryStatementStore();
  const deps: ClanDeps = {
    store,
    clock,
    ids: new SequentialIds(),
    vault: new FakeTokenVault(),
    rooms,
    statements,
    appUrl: 'http://app.test',
  };
  return { deps, clock, store, rooms, statements };
}

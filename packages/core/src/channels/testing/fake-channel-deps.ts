import { ManualClock, SequentialIds } from '../../testing/basics';
import { MemoryBlobStore } from '../../testing/memory-blob-store';
import { createRecordingRoomControl } from '../../testing/recording-room-control';
import type { ChannelDeps } from '../deps';
import type { ClanRole } from '../model';
import { FixedOffsetZones, MemoryChannelStore } from './memory-channel-store';

/**
 * Channel deps on in-memory fakes, with helpers to seed a clan with a leader and to add
 * users (with a time zone) as members or outsiders.
 */
export function fakeChannelDeps() {
  const clock = new ManualClock();
  const store = new MemoryChannelStore();
  const blobs = new MemoryBlobStore();
  const rooms = createRecordingRoomControl();
  const ids = new SequentialIds();
  const deps: ChannelDeps = { store, blobs, clock, ids, zones: new FixedOffsetZones(), rooms };
  let n = 0;
  function addUser(opts: { timezone?: string; clanId?: string; role?: ClanRole } = {}) {
    n += 1;
    const id = ids.newId();
    store.users.add(id);
    store.profiles.set(id, { handle: `user_${n}`, displayName: `User ${n}` });
    if (opts.clanId) store.members.set(id, { clanId: opts.clanId, role: opts.role ?? 'member' });
    return { id, timezone: opts.timezone ?? 'UTC', handle: `user_${n}` };
  }
  function addClan(name = `Clan ${n + 1}`) {
    const clanId = ids.newId();
    store.clans.set(clanId, { name, disbanded: false });
    const leader = addUser({ clanId, role: 'leader' });
    return { clanId, leader };
  }
  return { deps, store, blobs, clock, rooms, addUser, addClan };
}

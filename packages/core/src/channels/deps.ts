import type { BlobStore } from '../statement-uploads/ports';
import type { Clock, IdGenerator, RoomControl } from '../shared/ports';
import type { ChannelStore, TimeZoneOffsets } from './ports';

/** Everything the channel use cases need, built by each composition root. */
export type ChannelDeps = {
  store: ChannelStore;
  blobs: BlobStore;
  clock: Clock;
  ids: IdGenerator;
  zones: TimeZoneOffsets;
  /** Pushes a revoked subscriber out of the live subscriber chat; optional (best effort). */
  rooms?: RoomControl;
};

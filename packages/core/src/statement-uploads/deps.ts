import type { AccountStore } from '../accounts/ports';
import type { Clock, IdGenerator } from '../shared/ports';
import type { ContentHasher } from '../verification/ports';
import type { BlobStore, JobQueue, StatementStore } from './ports';

/** Everything the statement upload use cases need, built by each composition root. */
export type StatementDeps = {
  store: StatementStore;
  /** Roles (admin checks) and handles (public stats). */
  users: Pick<AccountStore, 'findUserById' | 'findProfileByHandle'>;
  blobs: BlobStore;
  queue: JobQueue;
  hasher: ContentHasher;
  clock: Clock;
  ids: IdGenerator;
};

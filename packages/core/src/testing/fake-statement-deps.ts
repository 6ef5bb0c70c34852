import { auditEntry } from '../accounts/audit';
import type { StatementDeps } from '../statement-uploads/deps';
import { fakeContentHasher } from './fake-content-hasher';
import { fakeAccountDeps } from './index';
import { MemoryBlobStore } from './memory-blob-store';
import { MemoryJobQueue } from './memory-job-queue';
import { MemoryStatementStore } from './memory-statement-store';

/**
 * Statement deps on in-memory fakes sharing one clock, id sequence and account store with
 * the account deps, plus helpers to create traders and an admin.
 */
export function fakeStatementDeps() {
  const accounts = fakeAccountDeps();
  const store = new MemoryStatementStore();
  const blobs = new MemoryBlobStore();
  const queue = new MemoryJobQueue();
  const deps: StatementDeps = {
    store,
    users: accounts.store,
    blobs,
    queue,
    hasher: fakeContentHasher,
    clock: accounts.clock,
    ids: accounts.deps.ids,
  };
  let n = 0;
  /** A user (with profile) straight into the store; role as given. */
  async function addUser(role: 'user' | 'admin' = 'user') {
    n += 1;
    const id = accounts.deps.ids.newId();
    const now = accounts.clock.now();
    const handle = `trader_${n}`;
    await accounts.store.createAccount({
      user: {
        id,
        email: `${handle}@example.test`,
        passwordHash: 'x',
        role,
        plan: 'free',
        emailVerifiedAt: now,
        locale: 'en',
        timezone: 'UTC',
        createdAt: now,
      },
      profile: {
        userId: id,
        handle,
        displayName: handle,
        bio: '',
        avatarUrl: null,
        tradingStyle: null,
        preferredPairs: [],
        sessionPreference: null,
        updatedAt: now,
      },
      verifyToken: {
        id: accounts.deps.ids.newId(),
        userId: id,
        purpose: 'verify_email',
        tokenHash: `h${n}`,
        expiresAt: now,
        usedAt: now,
        createdAt: now,
      },
      audit: auditEntry(accounts.deps, { actorId: id, action: 'user.signed_up', subjectId: id }),
    });
    return { id, handle };
  }
  return { deps, store, blobs, queue, clock: accounts.clock, accounts: accounts.store, addUser };
}

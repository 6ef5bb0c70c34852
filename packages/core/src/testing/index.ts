import type { AccountDeps } from '../accounts/deps';
import { FakePasswordHasher, FakeTokenVault, ManualClock, MemoryMailer, SequentialIds } from './basics';
import { MemoryAccountStore } from './memory-account-store';

export * from './basics';
export { MemoryAccountStore } from './memory-account-store';
export { FakeTicketSigner } from './fake-ticket-signer';
export { fakeChatDeps, MemoryChatStore, MemoryRoomAccess } from './memory-chat-store';
export { RecordingRoomSink } from './recording-room-sink';
export { createRecordingRoomControl, type RecordedEviction } from './recording-room-control';

/** A full set of account deps on in-memory fakes, with the fakes exposed for assertions. */
export function fakeAccountDeps() {
  const clock = new ManualClock();
  const store = new MemoryAccountStore();
  const mailer = new MemoryMailer();
  const deps: AccountDeps = {
    store,
    clock,
    ids: new SequentialIds(),
    vault: new FakeTokenVault(),
    passwords: new FakePasswordHasher(),
    mailer,
    appUrl: 'http://app.test',
  };
  return { deps, clock, store, mailer };
}
export { MemorySeasonStore } from '../seasons/testing/memory-season-store';
export { MemoryStatementStore, balanceOperationKey } from './memory-statement-store';
export { MemoryBlobStore } from './memory-blob-store';
export { MemoryJobQueue } from './memory-job-queue';
export { fakeContentHasher } from './fake-content-hasher';
export {
  buildSyntheticStatement,
  buildSyntheticStatementHtml,
  utf8,
  type SyntheticStatementOptions,
  type SyntheticClosedTrade,
} from './synthetic-statement';
export { fakeStatementDeps } from './fake-statement-deps';
export * from '../ai/testing';
export { MemoryClanSummaryStore } from '../clan-ai/testing/memory-summary-store';
export { WORKED_ENTRANTS, WORKED_CLANS } from '../seasons/worked-example.fixture';
export { MemoryLeaderboardStore } from '../leaderboard/testing/memory-leaderboard-store';
export { MemoryChannelStore, FixedOffsetZones } from '../channels/testing/memory-channel-store';
export { fakeChannelDeps } from '../channels/testing/fake-channel-deps';
export { MemoryClanStore } from './memory-clan-store';
export { fakeClanDeps } from './fake-clan-deps';
export { PNG_BYTES } from '../channels/testing/images';
export { MemoryNotificationStore } from '../notifications/testing/memory-notification-store';
export { makeTrade } from '../metrics/make-trade';
export { prng } from './prng';

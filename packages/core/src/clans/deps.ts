import type { LeaderboardStore } from '../leaderboard/model';
import type { Clock, IdGenerator, RoomControl, TokenVault } from '../shared/ports';
import type { StatementStore } from '../statement-uploads/ports';
import type { ClanStore } from './ports';

/** Everything the clan use cases need, built by the API's composition root. */
export type ClanDeps = {
  store: ClanStore;
  clock: Clock;
  ids: IdGenerator;
  vault: TokenVault;
  /**
   * Pushes removed members (and members whose role changed) out of live rooms. Required:
   * a composition root without realtime rooms passes an explicit no-op.
   */
  rooms: RoomControl;
  /** Members' verified statements, for the combined stats of a clan profile. */
  statements: Pick<StatementStore, 'listLatestVerified'>;
  /** Archived season results of members, for badges; absent = no badges. */
  seasons?: Pick<LeaderboardStore, 'seasonHistory'>;
  /** Public origin of the web app (no trailing slash), for invite links. */
  appUrl: string;
};

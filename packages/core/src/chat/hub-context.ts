import type { Clock, IdGenerator } from '../shared/ports';
import type { RoomKey } from './model';
import type { ChatStore, ClanAssistant } from './ports';
import type { RoomLimits } from './room-limits';
import type { RoomOutput } from './room-output';
import type { RoomQueues } from './room-queue';
import type { RoomMember, RoomRegistry } from './room-registry';

/** What every frame handler of one hub shares. */
export type HubContext = {
  party: string;
  clock: Clock;
  ids: IdGenerator;
  /** Absent for presence-only parties (the lobby): chat frames are refused. */
  store: ChatStore | undefined;
  limits: RoomLimits;
  registry: RoomRegistry;
  out: RoomOutput;
  queues: RoomQueues;
  floods: FloodCounter;
  onError: (error: unknown) => void;
  /** Answers `@ai` in clan rooms; absent = mentions are plain text. */
  assistant: ClanAssistant | undefined;
  /** Work running off the room queues (assistant replies being generated); `idle()` waits for it. */
  background: Set<Promise<void>>;
};

/** The connection a frame came from. */
export type Sender = { connectionId: string; member: RoomMember };

export function roomKey(ctx: HubContext, member: RoomMember): RoomKey {
  return { party: ctx.party, room: member.room };
}

type FloodWindow = { start: number; sent: number; refused: number };

/**
 * Messages per user per room in a fixed window, over all of the user's tabs. `refused`
 * past the limit; `abusive` once the user keeps going after `maxRefusedMessages` refusals.
 */
export class FloodCounter {
  private readonly windows = new Map<string, FloodWindow>();

  constructor(private readonly limits: RoomLimits) {}

  hit(room: string, userId: string, now: number): 'ok' | 'refused' | 'abusive' {
    const key = `${room}\n${userId}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.limits.messageWindowMs) {
      window = { start: now, sent: 0, refused: 0 };
      this.windows.set(key, window);
    }
    if (window.sent < this.limits.messagesPerWindow) {
      window.sent += 1;
      return 'ok';
    }
    window.refused += 1;
    return window.refused > this.limits.maxRefusedMessages ? 'abusive' : 'refused';
  }

  /**
   * Forgets a user who left the room once their window is over, so the map does not grow
   * with every visitor while a reconnect cannot reset a running window.
   */
  forget(room: string, userId: string, now: number): void {
    const key = `${room}\n${userId}`;
    const window = this.windows.get(key);
    if (window && now - window.start >= this.limits.messageWindowMs) this.windows.delete(key);
  }
}

import type { ChatStore } from '@clantrader/core';
import { RoomServer } from './room-server';

/** `/parties/lobby/<room>`: presence only, open to every signed-in user's ticket. */
export class LobbyRoom extends RoomServer {
  protected readonly party = 'lobby';
  protected openStore(): ChatStore | undefined {
    return undefined;
  }
}

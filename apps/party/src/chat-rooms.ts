import type { ChatStore, ClanAssistant } from '@clantrader/core';
import { createServiceClanAssistant } from './clan-assistant.service';
import { openRoomStore, type RoomDeps } from './compose';
import { RoomServer } from './room-server';

/** A room whose messages are stored in PostgreSQL through the Neon driver. */
abstract class StoredRoom extends RoomServer {
  protected openStore(deps: RoomDeps): ChatStore {
    return openRoomStore(deps.vars).store;
  }
}

/** `/parties/clan/<clanId>`: the clan's chat, for its members (ticket roles leader, co_leader, member). */
export class ClanRoom extends StoredRoom {
  protected readonly party = 'clan';

  /** `@ai`: answered by the API Worker over the service binding `API` (docs/chat.md, "@ai"). */
  protected override openAssistant(): ClanAssistant | undefined {
    const { API, ROOM_CONTROL_SECRET } = this.env;
    return API && ROOM_CONTROL_SECRET ? createServiceClanAssistant(API, ROOM_CONTROL_SECRET) : undefined;
  }
}

/** `/parties/subs/<clanId>`: the subscriber chat beside the clan's channel (subscribers and members). */
export class SubsRoom extends StoredRoom {
  protected readonly party = 'subs';
}

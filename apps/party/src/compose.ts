import { createHmacTicketSigner, createUuidV7, systemClock } from '@clantrader/adapters';
import type { ChatStore, Clock, IdGenerator, RoomTicketSigner } from '@clantrader/core';
import type { DbHandle } from '@clantrader/db';
import { createChatStore } from '@clantrader/db/repositories';
import { openNeon } from '@clantrader/db/drivers/neon';
import { PartyVarsSchema, type PartyVars } from './env';

export type RoomDeps = { tickets: RoomTicketSigner; clock: Clock; ids: IdGenerator; vars: PartyVars };

/**
 * The composition root of a room: real clock, UUIDv7 ids, and the HMAC ticket signer keyed
 * with the same AUTH_SECRET as the API that issues tickets. Fails fast on a missing secret.
 */
export function composeRoomDeps(env: unknown): RoomDeps {
  const vars = PartyVarsSchema.parse(env);
  return {
    tickets: createHmacTicketSigner(vars.AUTH_SECRET, systemClock),
    clock: systemClock,
    ids: createUuidV7(systemClock),
    vars,
  };
}

/**
 * The chat store of one Durable Object: a Neon pool that lives as long as the object (a
 * Durable Object, unlike a plain Worker request, may keep its connections between events).
 * @throws Error when DATABASE_URL is not set: a chat room cannot run without its database
 */
export function openRoomStore(vars: PartyVars): { store: ChatStore; db: DbHandle } {
  if (!vars.DATABASE_URL) throw new Error('DATABASE_URL is required by the chat rooms');
  const db = openNeon(vars.DATABASE_URL, { max: 2, ...(vars.NEON_WS_PROXY ? { wsProxy: vars.NEON_WS_PROXY } : {}) });
  return { store: createChatStore(db.db), db };
}

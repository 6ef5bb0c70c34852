import { createHmacTicketSigner, systemClock } from '@clantrader/adapters';
import type { Clock, RoomTicketSigner } from '@clantrader/core';
import { PartyVarsSchema } from './env';

/**
 * The composition root of a room: real clock, and the HMAC ticket signer keyed with the
 * same AUTH_SECRET as the API that issues tickets. Fails fast on a missing secret.
 */
export function composeRoomDeps(env: unknown): { tickets: RoomTicketSigner; clock: Clock } {
  const vars = PartyVarsSchema.parse(env);
  return { tickets: createHmacTicketSigner(vars.AUTH_SECRET, systemClock), clock: systemClock };
}

import { AssistantReplySchema, type ClanAssistant } from '@clantrader/core';
import { z } from 'zod';

/** Header carrying ROOM_CONTROL_SECRET on internal calls (as on the API's evictions). */
const INTERNAL_SECRET_HEADER = 'x-room-control';

/** The API Worker's route (apps/workers/src/api/routes/internal-ai.ts); the host is ignored by a service binding. */
const CLAN_MENTION_URL = 'https://api.internal/api/v1/internal/ai/clan-mention';

/** Longer than the router's own budget (3 s to the first token, then the answer); a hung call ends here. */
const TIMEOUT_MS = 90_000;

const ResponseSchema = z.object({ reply: AssistantReplySchema.nullable() });

/**
 * The edge's ClanAssistant: the party worker has no AI deps, so `@ai` is answered by the
 * API Worker over the service binding `API`, with the shared internal secret. The room
 * hub calls this off the room's queue; a failure (HTTP error, timeout, bad body) throws,
 * and the hub posts the "assistant is unavailable" notice.
 */
export function createServiceClanAssistant(api: Fetcher, secret: string): ClanAssistant {
  return {
    async answer(input) {
      const res = await api.fetch(CLAN_MENTION_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: secret },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`clan assistant answered HTTP ${res.status}`);
      return ResponseSchema.parse(await res.json()).reply;
    },
  };
}

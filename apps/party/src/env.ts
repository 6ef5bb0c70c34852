import { z } from 'zod';
import type { ClanRoom, SubsRoom } from './chat-rooms';
import type { LobbyRoom } from './lobby-room';

/** The plain-text settings the room worker needs; bindings are typed, not parsed. */
export const PartyVarsSchema = z.object({
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  /** PostgreSQL (Neon) for the chat rooms' messages (secret); the lobby needs none. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  /** `host:port/path` of a WebSocket-to-TCP proxy; only for tests against a local PostgreSQL. */
  NEON_WS_PROXY: z.string().min(1).optional(),
  /**
   * Shared with the API Worker (secret): its eviction requests carry it in
   * `x-room-control`. Unset = eviction requests are refused.
   */
  ROOM_CONTROL_SECRET: z.string().min(32, 'ROOM_CONTROL_SECRET must be at least 32 characters').optional(),
});
export type PartyVars = z.infer<typeof PartyVarsSchema>;

/**
 * Bindings as declared in wrangler.toml; partyserver kebab-cases the names into parties:
 * `Lobby` serves /parties/lobby/<room>, `Clan` /parties/clan/<clanId>, `Subs` /parties/subs/<clanId>.
 */
export type PartyEnv = {
  AUTH_SECRET: string;
  DATABASE_URL?: string;
  NEON_WS_PROXY?: string;
  ROOM_CONTROL_SECRET?: string;
  /**
   * Service binding to the API Worker: `@ai` in clan rooms is answered there (the rooms
   * have no AI deps), with ROOM_CONTROL_SECRET. Absent = `@ai` stays plain text.
   */
  API?: Fetcher;
  Lobby: DurableObjectNamespace<LobbyRoom>;
  Clan: DurableObjectNamespace<ClanRoom>;
  Subs: DurableObjectNamespace<SubsRoom>;
};

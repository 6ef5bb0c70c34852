import { z } from 'zod';
import type { LobbyRoom } from './lobby-room';

/** The plain-text settings the room worker needs; bindings are typed, not parsed. */
export const PartyVarsSchema = z.object({
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
});

/** Bindings as declared in wrangler.toml. `Lobby` is served at /parties/lobby/<room>. */
export type PartyEnv = {
  AUTH_SECRET: string;
  Lobby: DurableObjectNamespace<LobbyRoom>;
};

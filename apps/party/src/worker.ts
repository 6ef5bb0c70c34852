import { routePartykitRequest } from 'partyserver';
import type { PartyEnv } from './env';

export { LobbyRoom } from './lobby-room';

/**
 * The room worker: `/parties/<party>/<room>` goes to that party's Durable Object
 * (partyserver kebab-cases the binding name, so `Lobby` serves `lobby`); the rest is 404.
 */
export default {
  async fetch(request, env) {
    return (await routePartykitRequest(request, env)) ?? new Response('Not found', { status: 404 });
  },
} satisfies ExportedHandler<PartyEnv>;

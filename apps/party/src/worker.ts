import { routePartykitRequest } from 'partyserver';
import type { PartyEnv } from './env';

export { LobbyRoom } from './lobby-room';
export { ClanRoom, SubsRoom } from './chat-rooms';

/**
 * The room worker: `/parties/<party>/<room>` goes to that party's Durable Object
 * (partyserver kebab-cases the binding names, so `Lobby` serves `lobby`, `Clan` `clan`,
 * `Subs` `subs`); the rest is 404. The API Worker reaches the same paths over its
 * service binding to evict users (RoomServer.onRequest).
 */
export default {
  async fetch(request, env) {
    return (await routePartykitRequest(request, env)) ?? new Response('Not found', { status: 404 });
  },
} satisfies ExportedHandler<PartyEnv>;

// The SvelteKit adapter-node build ships no types for its handler.
declare module '@clantrader/web/handler' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export const handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';

/** The SvelteKit adapter-node handler: a connect-style middleware. */
export type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export type OnpremServer = {
  server: http.Server;
  /** Installs the web handler once it is loaded (it must be imported after the port is known). */
  setWeb(handler: WebHandler): void;
};

/**
 * One Node HTTP server for everything on one port: `/api/*` goes to the Hono API app,
 * websocket upgrades are attached separately by the rooms module, and every other
 * request goes to the SvelteKit app. The client address is taken from the socket (or the
 * first X-Forwarded-For hop when `trustProxy`), never from a header the client set freely.
 */
export function createOnpremServer(opts: {
  api: { fetch(request: Request): Response | Promise<Response> };
  trustProxy?: boolean;
}): OnpremServer {
  const apiListener = getRequestListener((request) => opts.api.fetch(request));
  let web: WebHandler | null = null;
  const server = http.createServer((req, res) => {
    req.headers['x-client-ip'] = clientIp(req, opts.trustProxy ?? false);
    if (req.url?.startsWith('/api/')) {
      void apiListener(req, res);
      return;
    }
    if (!web) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' }).end('Starting up');
      return;
    }
    web(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
  });
  return { server, setWeb: (handler) => (web = handler) };
}

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return (trustProxy && first) || req.socket.remoteAddress || 'unknown';
}

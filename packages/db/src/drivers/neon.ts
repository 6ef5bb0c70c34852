import { Client, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import { schema, type DbHandle } from '../database';

export type NeonOptions = {
  /**
   * `host:port/path` of a WebSocket-to-TCP proxy (see `startNeonWsProxy` in ./testing).
   * When set, the socket is plain `ws:` and the password is not pipelined, which is what a
   * local PostgreSQL behind the proxy needs. Unset means Neon's own endpoint over `wss:`.
   */
  wsProxy?: string;
  /** WebSocket class where there is no global one (Node 20: pass `ws`). */
  webSocketConstructor?: unknown;
  /** Connections per pool. A Worker should open one pool per request and close it. */
  max?: number;
};

/**
 * Neon's serverless driver (node-postgres over a WebSocket): the edge driver. Runs in
 * Cloudflare Workers. Options are applied per connection, never to the global
 * `neonConfig`, so pools with different settings can live in one process.
 */
export function openNeon(url: string, opts: NeonOptions = {}): DbHandle {
  const pool = new Pool({ connectionString: url, max: opts.max ?? 5 });
  pool.on('error', () => undefined);
  pool.Client = configuredClient(opts);
  const db = drizzle({ client: pool, schema });
  return { db, kind: 'neon', close: () => pool.end() };
}

function configuredClient(opts: NeonOptions): typeof Client {
  const { wsProxy, webSocketConstructor } = opts;
  if (wsProxy === undefined && webSocketConstructor === undefined) return Client;
  return class ConfiguredClient extends Client {
    constructor(config?: ConstructorParameters<typeof Client>[0]) {
      super(config);
      const socket = this.neonConfig;
      if (webSocketConstructor !== undefined) {
        socket.webSocketConstructor = webSocketConstructor as typeof socket.webSocketConstructor;
      }
      if (wsProxy !== undefined) {
        socket.wsProxy = wsProxy;
        socket.useSecureWebSocket = false;
        socket.pipelineConnect = false;
      }
    }
  };
}

import { connect, type Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

export type NeonWsProxy = {
  /** `host:port/v1`, the value for the Neon driver's `wsProxy` option. */
  url: string;
  /** WebSockets accepted so far: lets a test prove its queries really went through here. */
  connections(): number;
  close(): Promise<void>;
};

/**
 * A WebSocket-to-TCP proxy like the one Neon runs in front of its databases, so the edge
 * driver (openNeon, also inside workerd) can be tested against a local PostgreSQL. The
 * driver asks for `ws://<url>?address=host:port`; the proxy ignores that address and
 * always dials the server named by `pgUrl`, so it cannot be used to reach anything else.
 */
export async function startNeonWsProxy(pgUrl: string): Promise<NeonWsProxy> {
  const target = new URL(pgUrl);
  const host = target.hostname || '127.0.0.1';
  const port = Number(target.port || 5432);
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  let accepted = 0;
  wss.on('connection', (ws) => {
    accepted += 1;
    pipeToPostgres(ws, connect({ host, port }));
  });
  const address = wss.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no TCP address');
  return {
    url: `127.0.0.1:${address.port}/v1`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of wss.clients) client.terminate();
        wss.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function pipeToPostgres(ws: WebSocket, tcp: Socket): void {
  ws.on('message', (data: RawData) => {
    // net.Socket queues writes made before the TCP connection is up.
    tcp.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
  });
  tcp.on('data', (chunk) => ws.send(chunk));
  ws.on('close', () => tcp.end());
  ws.on('error', () => tcp.destroy());
  tcp.on('close', () => ws.close());
  tcp.on('error', () => ws.terminate());
}

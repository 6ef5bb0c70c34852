// The server under test of `pnpm bench:chat`, in its own process (run with
// `node --expose-gc --import tsx`): `onprem` is the on-prem room server (attachRoomServer:
// core hub + `ws`, chat store on PostgreSQL at DATABASE_URL) wired as apps/onprem wires it;
// `bare` is a minimal `ws` server that sends each text frame to the other sockets of the
// same path. Talks to the parent over IPC: `ready {port}`, then answers `mem` (after full
// GCs), `cpu` and `stats`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from '../../apps/onprem/node_modules/ws/wrapper.mjs';

const mode = process.argv[2];
const SECRET = process.env.BENCH_TICKET_SECRET ?? '';

type Reply = { port?: number; [key: string]: unknown };
const reply = (m: Reply) => process.send?.(m);
const errors: string[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function startBare(): Promise<http.Server> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ server, maxPayload: 1024 * 1024 });
  const rooms = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws, req) => {
    const room = new URL(req.url ?? '/', 'http://x').pathname;
    const members = rooms.get(room) ?? new Set<WebSocket>();
    rooms.set(room, members);
    members.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const other of members) if (other !== ws) other.send(data, { binary: isBinary });
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(room);
    });
  });
  return server;
}

async function startOnprem(): Promise<{ server: http.Server; close: () => Promise<void> }> {
  const { createHmacTicketSigner, createUuidV7, systemClock } = await import('../../packages/adapters/src/index.ts');
  const { createChatStore } = await import('../../packages/db/src/index.ts');
  const { openPg } = await import('../../packages/db/src/drivers/pg.ts');
  const { attachRoomServer } = await import('../../apps/onprem/src/rooms/index.ts');
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  // Diagnostics only (the figures are for the defaults): a bigger pool, or commits that do
  // not wait for the WAL flush, show whether the store's commit latency is the limit.
  const target = new URL(url);
  if (process.env.BENCH_PG_SYNC_COMMIT === 'off') target.searchParams.set('options', '-c synchronous_commit=off');
  const handle = await openPg(target.toString(), {
    applicationName: 'clantrader-bench-chat',
    max: Number(process.env.BENCH_PG_POOL ?? 10),
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const rooms = attachRoomServer(server, {
    tickets: createHmacTicketSigner(SECRET, systemClock, 900),
    clock: systemClock,
    ids: createUuidV7(),
    store: createChatStore(handle.db),
    onError: (e: unknown) => {
      if (errors.length < 20) errors.push(String(e));
    },
  });
  return {
    server,
    close: async () => {
      await rooms.close();
      await handle.close();
    },
  };
}

const started = mode === 'bare' ? { server: await startBare(), close: async () => {} } : await startOnprem();
await new Promise<void>((resolve) => started.server.listen(0, '127.0.0.1', resolve));
const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (m: { cmd: string }) => {
  void (async () => {
    if (m.cmd === 'mem') {
      for (let i = 0; i < 4; i++) {
        gc?.();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const u = process.memoryUsage();
      reply({ cmd: 'mem', rss: u.rss, heapUsed: u.heapUsed, external: u.external, gc: Boolean(gc) });
    } else if (m.cmd === 'cpu') {
      // CPU time so far, and the event-loop delay since the previous `cpu`.
      reply({ cmd: 'cpu', ...process.cpuUsage(), loopDelayP99: loopDelay.percentile(99) / 1e6, errors });
      loopDelay.reset();
    } else if (m.cmd === 'stop') {
      await started.close();
      process.exit(0);
    }
  })();
});
reply({ cmd: 'ready', port: (started.server.address() as AddressInfo).port });

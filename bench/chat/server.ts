// The server under test of `pnpm bench:chat`, in its own process (run with
// `node --expose-gc --import tsx`): `onprem` is the on-prem room server (attachRoomServer:
// core hub + `ws`, chat store on PostgreSQL at DATABASE_URL) wired as apps/onprem wires it;
// `bare` is a minimal `ws` server that sends each text frame to the other sockets of the
// same path. Talks to the parent over IPC: `ready {port}`, then answers `mem` (after full
// GCs), `cpu` and `stats`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from '../../apps/onprem/node_modules/ws/wrapper.mjs';

const mode = process.argv[2];
const SECRET = process.env.BENCH_TICKET_SECRET ?? '';

type Reply = { port?: number; [key: string]: unknown };
const reply = (m: Reply) => process.send?.(m);
const errors: string[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
/** Garbage collections since the previous `cpu` (pauses of the main thread): count, total and longest ms. */
let gcs = { count: 0, totalMs: 0, maxMs: 0, major: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcs.count += 1;
    gcs.totalMs += e.duration;
    gcs.maxMs = Math.max(gcs.maxMs, e.duration);
    // NODE_PERFORMANCE_GC_MAJOR = 4
    if ((e.detail as { kind?: number } | undefined)?.kind === 4) {
      gcs.major += 1;
      if (process.env.BENCH_TIMELINE === '1') stalls.gc.push([performance.timeOrigin + e.startTime, e.duration]);
    }
  }
}).observe({ entryTypes: ['gc'] });
loopDelay.enable();

type Stalls = { loop: [number, number][]; statements: [number, number][]; gc: [number, number][] };
/**
 * BENCH_TIMELINE=1 (diagnostic): when the main thread was late by over 20 ms (epoch ms of
 * the late tick, and by how much), and each statement over 20 ms (start, duration), so the
 * client's receipts-by-send-time can be matched to the server's stalls.
 */
const stalls: Stalls = { loop: [], statements: [], gc: [] };
if (process.env.BENCH_TIMELINE === '1') {
  let last = performance.now();
  setInterval(() => {
    const t = performance.now();
    if (t - last > 25) stalls.loop.push([performance.timeOrigin + t, t - last - 5]);
    last = t;
  }, 5).unref();
}

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
  // As apps/onprem/src/main.ts starts the server.
  const { tuneGarbageCollector } = await import('../../apps/onprem/src/gc-tuning.ts');
  tuneGarbageCollector();
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
  const db = process.env.BENCH_TRACE_DB ? traceStatements(handle.db) : handle.db;
  // Diagnostic: statements the store's group commit runs at once (default APPENDS_IN_FLIGHT, 2).
  const inFlight = Number(process.env.BENCH_APPENDS_IN_FLIGHT ?? 0);
  const store = createChatStore(db, inFlight ? { maxInFlight: inFlight } : {});
  const rooms = attachRoomServer(server, {
    tickets: createHmacTicketSigner(SECRET, systemClock, 900),
    clock: systemClock,
    ids: createUuidV7(),
    store: process.env.BENCH_TRACE_DB ? traceAppends(store) : store,
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

/** Statement times (ms) since the previous `cpu`, with BENCH_TRACE_DB=1 (diagnostic). */
const statementMs: number[] = [];

/** The database with every `execute` (each append batch is one) timed into statementMs. */
function traceStatements<T extends object>(db: T): T {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'execute' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          const took = performance.now() - t0;
          statementMs.push(took);
          if (took > 20) stalls.statements.push([performance.timeOrigin + t0, took]);
        }
      };
    },
  });
}

/** Per append: send → append called (inbound), append called → stored (store), in ms. */
const appendMs: { inbound: number[]; store: number[] } = { inbound: [], store: [] };

/** The store with each append's inbound and store time recorded (the text holds the send time). */
function traceAppends<T extends { append: (input: { text: string }) => Promise<unknown> }>(store: T): T {
  const append = store.append.bind(store);
  return {
    ...store,
    append: async (input: { text: string }) => {
      const called = performance.timeOrigin + performance.now();
      const sentAt = Number(input.text.slice(2, input.text.indexOf('|', 2)));
      try {
        return await append(input);
      } finally {
        if (Number.isFinite(sentAt)) appendMs.inbound.push(called - sentAt);
        appendMs.store.push(performance.timeOrigin + performance.now() - called);
      }
    },
  };
}

function statementSummary(): { count: number; p50: number; p99: number; max: number } | undefined {
  if (!process.env.BENCH_TRACE_DB) return undefined;
  const sorted = Float64Array.from(statementMs.splice(0)).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const p50p99 = (values: number[]) => {
    const v = Float64Array.from(values.splice(0)).sort();
    return [v[Math.floor(0.5 * v.length)] ?? NaN, v[Math.floor(0.99 * v.length)] ?? NaN];
  };
  if (appendMs.store.length > 0) {
    const [inbound50, inbound99] = p50p99(appendMs.inbound);
    const [store50, store99] = p50p99(appendMs.store);
    console.log(
      `[bench server] DIAGNOSTIC per append: inbound (client send → append called) p50 ${inbound50?.toFixed(1)} / ` +
        `p99 ${inbound99?.toFixed(1)} ms, store (append called → committed) p50 ${store50?.toFixed(1)} / ` +
        `p99 ${store99?.toFixed(1)} ms`,
    );
  }
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

/**
 * A profile of the load phase only (between the two `cpu` commands): the first call opens an
 * inspector session and runs `start`, the second runs `stop` and writes what it answers.
 */
function loadPhaseProfile(
  dir: string | undefined,
  extension: string,
  start: (session: Session) => Promise<unknown>,
  stop: (session: Session) => Promise<{ profile: unknown }>,
): () => Promise<void> {
  let session: Session | undefined;
  return async () => {
    if (!dir) return;
    if (!session) {
      session = new Session();
      session.connect();
      await start(session);
      return;
    }
    const { profile } = await stop(session);
    await writeFile(`${dir}/load-${mode}-${process.pid}.${extension}`, JSON.stringify(profile));
    session.disconnect();
  };
}

/** BENCH_LOAD_PROF=<dir>: a V8 CPU profile of the load phase, unlike BENCH_SERVER_PROF (--cpu-prof), which also holds the connects. */
const cpuProfile = loadPhaseProfile(
  process.env.BENCH_LOAD_PROF,
  'cpuprofile',
  async (session) => {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  },
  (session) => session.post('Profiler.stop'),
);

/**
 * BENCH_HEAP_PROF=<dir>: a sampling heap profile of the load phase that also holds what the
 * major GCs collected, i.e. objects that outlived the young generation and died old
 * (BENCH_HEAP_PROF_DEAD=0: only what is still live at the end).
 */
const heapProfile = loadPhaseProfile(
  process.env.BENCH_HEAP_PROF,
  'heapprofile',
  async (session) => {
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: process.env.BENCH_HEAP_PROF_DEAD !== '0',
    });
  },
  (session) => session.post('HeapProfiler.stopSampling'),
);

/** BENCH_HEAP_SNAPSHOT=<file>: one heap snapshot 6 s into the load (the on-prem run's overwrites the bare run's). */
let snapshotTaken = false;
function heapSnapshotMidLoad(): void {
  const file = process.env.BENCH_HEAP_SNAPSHOT;
  if (!file || snapshotTaken) return;
  snapshotTaken = true;
  setTimeout(() => {
    const session = new Session();
    session.connect();
    const chunks: string[] = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', (m) => chunks.push(m.params.chunk));
    void session.post('HeapProfiler.takeHeapSnapshot').then(() => writeFile(file, chunks.join('')));
  }, 6_000);
}

async function profileLoad(): Promise<void> {
  heapSnapshotMidLoad();
  await heapProfile();
  await cpuProfile();
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
      await profileLoad();
      // CPU time so far, and the event-loop delay since the previous `cpu`.
      reply({
        cmd: 'cpu',
        ...process.cpuUsage(),
        loopDelayP99: loopDelay.percentile(99) / 1e6,
        loopDelayMax: loopDelay.max / 1e6,
        gcs,
        errors,
        statements: statementSummary(),
        ...(process.env.BENCH_TIMELINE === '1' ? { stalls } : {}),
      });
      stalls.loop = [];
      stalls.statements = [];
      stalls.gc = [];
      loopDelay.reset();
      gcs = { count: 0, totalMs: 0, maxMs: 0, major: 0 };
    } else if (m.cmd === 'stop') {
      await started.close();
      process.exit(0);
    }
  })();
});
reply({ cmd: 'ready', port: (started.server.address() as AddressInfo).port });

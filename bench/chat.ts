// `pnpm bench:chat`: the on-prem room server on real PostgreSQL under 5,000 concurrent
// sockets in 500 rooms (10 per room), on loopback, next to a bare `ws` echo-broadcast
// server measured the same way in the same run.
// The server under test runs in its own process (bench/chat/server.ts, --expose-gc); the
// clients are spread over BENCH_WORKERS processes (bench/chat/client.ts). Per server:
//   connect: wall time for all sockets, and p50/p95/p99 per socket (on-prem: until the
//     `welcome` frame, i.e. ticket verified and room state read; bare: until `open`);
//   memory per idle socket: server RSS and heap delta after full GCs / sockets;
//   broadcast: an offered load of BENCH_RATE (2,000) messages/s in total, open loop, round
//     robin over the sockets; latency send → receipt at every other member of the room
//     (send time in the text), p50/p95/p99, and delivered messages/s (receipts at members).
// Latency percentiles are over every receipt that was due: one not delivered within the
// 3 s drain counts as infinitely late ("not recv").
// Target: on-prem broadcast p99 ≤ 100 ms at 2,000 messages/s. Creates a scratch database
// on DATABASE_URL (or postgres://postgres@127.0.0.1:5432) and drops it after.
import { fork, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createHmacTicketSigner, systemClock } from '../packages/adapters/src/index.ts';
import { migrateDatabase } from '../packages/db/src/index.ts';
import { openPg } from '../packages/db/src/drivers/pg.ts';
import { APPENDS_IN_FLIGHT } from '../packages/db/src/repositories/chat-append-batch.ts';
import pg from '../packages/db/node_modules/pg/lib/index.js';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 5_000);
const PER_ROOM = Number(process.env.BENCH_PER_ROOM ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONNECT_CONCURRENCY ?? 50);
/** Sockets connected before the memory baseline (see measure). */
const WARM_SOCKETS = 100;
const TARGET_P99_MS = 100;
const ROOMS = Math.ceil(SOCKETS / PER_ROOM);
const here = import.meta.dirname;
const secret = randomBytes(24).toString('hex');

checkFileLimit();

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ct_bench_chat_${randomUUID().slice(0, 8)}`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

type Mem = { rss: number; heapUsed: number; external: number; gc: boolean };
type Loaded = {
  sent: number;
  sentMeasured: number;
  received: number;
  receipts: number[];
  sentAts: number[];
  acks: number[];
  ackedAll: number;
  errors: Record<string, number>;
  closes: number;
};
type Result = {
  name: string;
  connectWallMs: number;
  connect: number[];
  connectFailures: number;
  memPerSocket: { rss: number; heap: number };
  latency: number[];
  acks: number[];
  storedPerSec: number;
  deliveredPerSec: number;
  sentPerSec: number;
  expectedDeliveries: number;
  received: number;
  errors: Record<string, number>;
  closes: number;
  serverCpuPct: number;
  /** Server CPU time per message handled (stored on-prem, forwarded bare), ms. */
  serverCpuPerMessage: number;
  serverLoopP99: number;
  serverLoopMax: number;
  serverGcs: { count: number; totalMs: number; maxMs: number; major: number };
  serverErrors: string[];
  /** With BENCH_TRACE_DB=1: the server's `execute` statements during the load (diagnostic). */
  statements?: Statements;
};
type Statements = { count: number; p50: number; p99: number; max: number };

async function admin(sqlText: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** A child that speaks `{cmd}` messages; `ask` sends one and waits for the answer of that cmd. */
function child(script: string, args: string[], env: Record<string, string>, execArgv: string[] = []) {
  const proc = fork(path.join(here, script), args, {
    execArgv: [...execArgv, '--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, (m: Record<string, unknown>) => void>();
  const exited = new Promise<never>((_, reject) =>
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`))),
  );
  exited.catch(() => undefined);
  proc.on('message', (m: Record<string, unknown>) => {
    const resolve = waiting.get(String(m.cmd));
    waiting.delete(String(m.cmd));
    resolve?.(m);
  });
  const wait = <T>(cmd: string) =>
    Promise.race([
      new Promise<T>((resolve) => waiting.set(cmd, resolve as (m: Record<string, unknown>) => void)),
      exited,
    ]);
  return {
    proc,
    wait,
    ask<T>(m: Record<string, unknown>, answer: string): Promise<T> {
      const p = wait<T>(answer);
      proc.send(m);
      return p;
    },
  };
}

async function measure(name: string, mode: 'bare' | 'onprem', urls: { url: string; room: string }[]): Promise<Result> {
  // BENCH_SERVER_PROF=<dir> writes a V8 CPU profile of each server process there.
  const prof = process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : [];
  const server = child('chat/server.ts', [mode], { DATABASE_URL: dbUrl, BENCH_TICKET_SECRET: secret }, [
    '--expose-gc',
    ...prof,
    ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
  ]);
  const clients: ReturnType<typeof child>[] = [];
  try {
    const { port } = await server.wait<{ port: number }>('ready');
    const base = `ws://127.0.0.1:${port}`;
    const clientFlags = process.env.BENCH_CLIENT_FLAGS?.split(' ').filter(Boolean) ?? [];
    for (let w = 0; w < WORKERS; w++)
      clients.push(child('chat/client.ts', [], { BENCH_WORKER: String(w) }, clientFlags));
    await Promise.all(clients.map((c) => c.wait('ready')));
    // Every room's sockets are spread over the workers, so a broadcast crosses processes.
    // A few sockets first warm the server's code paths and pools, so the memory baseline
    // is taken after them and the delta is the sockets' own.
    const share = (from: number, to: number) =>
      clients.map((_, w) =>
        urls
          .slice(from, to)
          .filter((_, i) => (from + i) % WORKERS === w)
          .map((u) => ({ ...u, url: base + u.url })),
      );
    const connect = (lists: { url: string; room: string }[][]) =>
      Promise.all(
        clients.map((c, w) =>
          c.ask<{ times: number[]; failures: number; failed: string[] }>(
            {
              cmd: 'connect',
              sockets: lists[w],
              concurrency: CONCURRENCY,
              ready: mode === 'onprem' ? 'welcome' : 'open',
            },
            'connected',
          ),
        ),
      );
    const warm = Math.min(WARM_SOCKETS, SOCKETS);
    let t0 = performance.now();
    const warmed = await connect(share(0, warm));
    let wall = performance.now() - t0;
    const mem0 = await server.ask<Mem>({ cmd: 'mem' }, 'mem');
    t0 = performance.now();
    const connected = [...warmed, ...(await connect(share(warm, SOCKETS)))];
    wall += performance.now() - t0;
    const connectWallMs = wall;
    const connectFailures = connected.reduce((s, c) => s + c.failures, 0);
    if (connectFailures)
      console.log(
        `${name}: ${connectFailures} sockets failed to connect, e.g. ${connected.flatMap((c) => c.failed)[0]}`,
      );
    const open = SOCKETS - connectFailures;
    await new Promise((r) => setTimeout(r, 1_000));
    const mem1 = await server.ask<Mem>({ cmd: 'mem' }, 'mem');

    const cpu0 = await server.ask<{ user: number; system: number }>({ cmd: 'cpu' }, 'cpu');
    const startAt = Date.now() + 300;
    const loaded = await Promise.all(
      clients.map((c) =>
        c.ask<Loaded>(
          {
            cmd: 'load',
            rate: RATE / WORKERS,
            startAt,
            warmupMs: WARMUP_MS,
            measureMs: SECONDS * 1000,
            drainMs: 3_000,
          },
          'loaded',
        ),
      ),
    );
    const cpu1 = await server.ask<{
      user: number;
      system: number;
      loopDelayP99: number;
      loopDelayMax: number;
      gcs: { count: number; totalMs: number; maxMs: number; major: number };
      errors: string[];
      statements?: Statements;
      stalls?: Stalls;
    }>({ cmd: 'cpu' }, 'cpu');
    if (cpu1.stalls) printStalls(name, cpu1.stalls, startAt + WARMUP_MS);
    if (process.env.BENCH_TIMELINE === '1') printTimeline(name, loaded, startAt + WARMUP_MS);
    const sentMeasured = loaded.reduce((s, l) => s + l.sentMeasured, 0);
    const sentAll = loaded.reduce((s, l) => s + l.sent, 0);
    const received = loaded.reduce((s, l) => s + l.received, 0);
    const errors: Record<string, number> = {};
    for (const l of loaded) for (const [k, v] of Object.entries(l.errors)) errors[k] = (errors[k] ?? 0) + v;
    return {
      name,
      connectWallMs,
      connect: sorted(connected.flatMap((c) => c.times)),
      connectFailures,
      memPerSocket: {
        rss: (mem1.rss - mem0.rss) / (open - warm),
        heap: (mem1.heapUsed - mem0.heapUsed) / (open - warm),
      },
      latency: sorted(loaded.flatMap((l) => l.receipts)),
      acks: sorted(loaded.flatMap((l) => l.acks)),
      storedPerSec: loaded.reduce((sum, l) => sum + l.ackedAll, 0) / (WARMUP_MS / 1000 + SECONDS),
      deliveredPerSec: received / SECONDS,
      sentPerSec: sentMeasured / SECONDS,
      expectedDeliveries: sentMeasured * (PER_ROOM - 1),
      received,
      errors,
      closes: loaded.reduce((s, l) => s + l.closes, 0),
      serverCpuPct:
        ((cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1e3 / (WARMUP_MS + SECONDS * 1000 + 3_000)) * 100,
      serverCpuPerMessage:
        (cpu1.user + cpu1.system - cpu0.user - cpu0.system) /
        1e3 /
        (mode === 'onprem'
          ? Math.max(
              1,
              loaded.reduce((s, l) => s + l.ackedAll, 0),
            )
          : Math.max(1, sentAll)),
      serverLoopP99: cpu1.loopDelayP99,
      serverLoopMax: cpu1.loopDelayMax,
      serverGcs: cpu1.gcs,
      serverErrors: cpu1.errors,
      ...(cpu1.statements ? { statements: cpu1.statements } : {}),
    };
  } finally {
    for (const c of clients) c.proc.kill();
    server.proc.send({ cmd: 'stop' });
    await new Promise((resolve) => {
      const t = setTimeout(() => server.proc.kill(), 5_000);
      server.proc.once('exit', () => resolve(clearTimeout(t)));
    });
  }
}

async function main(): Promise<void> {
  await admin(`create database "${dbName}"`).catch((e: Error) => {
    console.error(`bench:chat needs a real PostgreSQL (DATABASE_URL or 127.0.0.1:5432, trust auth): ${e.message}`);
    process.exit(1);
  });
  const results: Result[] = [];
  try {
    const handle = await openPg(dbUrl, { max: 2 });
    const users = Array.from({ length: SOCKETS }, () => randomUUID());
    try {
      await migrateDatabase(handle);
      const c = new pg.Client({ connectionString: dbUrl });
      await c.connect();
      await c.query(
        `insert into users (id, email, password_hash, created_at)
         select u, 'bench-' || u || '@example.test', 'x', now() from unnest($1::uuid[]) u`,
        [users],
      );
      await c.query(
        `insert into profiles (user_id, handle, display_name, preferred_pairs, updated_at)
         select u, 'bench_' || replace(u::text, '-', ''), 'Bench', '{}', now() from unnest($1::uuid[]) u`,
        [users],
      );
      await c.end();
    } finally {
      await handle.close();
    }
    const rooms = Array.from({ length: ROOMS }, () => randomUUID());
    const tickets = createHmacTicketSigner(secret, systemClock, 900);
    const urls = await Promise.all(
      users.map(async (userId, i) => {
        const room = rooms[Math.floor(i / PER_ROOM)] as string;
        const { ticket } = await tickets.issue({ userId, room, party: 'clan', role: 'member' });
        return { url: `/parties/clan/${room}?ticket=${ticket}`, room };
      }),
    );
    results.push(await measure('bare ws echo-broadcast', 'bare', urls));
    // The setup's writes (and an earlier run's dropped database) are flushed first, so the
    // load does not share the disk with a checkpoint it did not cause (as bench:leaderboard).
    await admin('checkpoint').catch((e: Error) => console.error(`checkpoint before the load skipped: ${e.message}`));
    results.push(await measure('on-prem room server (PostgreSQL)', 'onprem', urls));
  } finally {
    await admin(`drop database if exists "${dbName}" with (force)`).catch(() => undefined);
  }
  report(results);
}

function report(results: Result[]): void {
  const [bare, onprem] = results as [Result, Result];
  console.log(
    `\nbench:chat — ${SOCKETS.toLocaleString()} sockets in ${ROOMS} rooms (${PER_ROOM} per room), offered ${RATE.toLocaleString()} messages/s ` +
      `for ${SECONDS} s after ${WARMUP_MS / 1000} s warm-up, loopback, ${os.cpus().length} cores (load ${os.loadavg()[0]?.toFixed(1)}), ` +
      `${WORKERS} client processes; on-prem store: PostgreSQL, scratch database ${dbName} on ${new URL(adminUrl).host}, ` +
      (process.env.BENCH_PG_POOL || process.env.BENCH_PG_SYNC_COMMIT || process.env.BENCH_APPENDS_IN_FLIGHT
        ? `DIAGNOSTIC pool of ${process.env.BENCH_PG_POOL ?? 10}, synchronous_commit ${process.env.BENCH_PG_SYNC_COMMIT ?? 'on'}, ` +
          `${process.env.BENCH_APPENDS_IN_FLIGHT ?? APPENDS_IN_FLIGHT} append statement(s) in flight`
        : `pool of 10 as apps/onprem opens it, ${APPENDS_IN_FLIGHT} append statements in flight (the store default)`),
  );
  console.log(
    'server                            | connect all | per socket p50 / p95 / p99  | broadcast p50 / p95 / p99     | delivered/s | sent/s | mem/idle socket (RSS, heap) | server CPU',
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(33)} | ${(r.connectWallMs / 1000).toFixed(2).padStart(9)} s | ` +
        `${ms(pct(r.connect, 50))} ${ms(pct(r.connect, 95))} ${ms(pct(r.connect, 99))} | ` +
        `${ms(bcast(r, 50))} ${ms(bcast(r, 95))} ${ms(bcast(r, 99))} | ` +
        `${r.deliveredPerSec.toFixed(0).padStart(11)} | ${r.sentPerSec.toFixed(0).padStart(6)} | ` +
        `${kib(r.memPerSocket.rss)} ${kib(r.memPerSocket.heap)}       | ${r.serverCpuPct.toFixed(0).padStart(3)} %`,
    );
  }
  for (const r of results) {
    const lost = r.expectedDeliveries - r.received;
    const errs = Object.entries(r.errors).map(([k, v]) => `${k}×${v}`);
    console.log(
      `${r.name}: ${r.received.toLocaleString()} of ${r.expectedDeliveries.toLocaleString()} expected receipts` +
        (lost > 0
          ? ` (${lost.toLocaleString()} not delivered within the 3 s drain; of those delivered p50 ` +
            `${pct(r.latency, 50).toFixed(1)} ms, p99 ${pct(r.latency, 99).toFixed(1)} ms)`
          : '') +
        (mode(r) === 'onprem'
          ? `, stored ${r.storedPerSec.toFixed(0)} msgs/s (all acks incl. warm-up and drain / load seconds; = offered when it keeps up)` +
            (r.acks.length
              ? `, sender ack p50 ${pct(r.acks, 50).toFixed(1)} ms / p99 ${pct(r.acks, 99).toFixed(1)} ms`
              : '')
          : '') +
        `, server CPU ${r.serverCpuPerMessage.toFixed(2)} ms per message, event-loop delay p99 ${r.serverLoopP99.toFixed(1)} / max ${r.serverLoopMax.toFixed(1)} ms` +
        `, GC ${r.serverGcs.count} (${r.serverGcs.major} major) ${r.serverGcs.totalMs.toFixed(0)} ms, longest ${r.serverGcs.maxMs.toFixed(1)} ms` +
        (errs.length ? `, error frames ${errs.join(' ')}` : '') +
        (r.closes ? `, ${r.closes} sockets closed` : '') +
        (r.serverErrors.length ? `, server errors e.g. ${r.serverErrors[0]}` : '') +
        (r.statements && mode(r) === 'onprem'
          ? `; DIAGNOSTIC ${r.statements.count.toLocaleString()} statements during the load, ` +
            `${((r.storedPerSec * (WARMUP_MS / 1000 + SECONDS)) / Math.max(1, r.statements.count)).toFixed(1)} stored messages per statement, ` +
            `p50 ${r.statements.p50.toFixed(1)} ms / p99 ${r.statements.p99.toFixed(1)} ms / max ${r.statements.max.toFixed(1)} ms`
          : ''),
    );
  }
  const ratio = (a: number, b: number) =>
    Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a';
  console.log(
    `on-prem vs bare ws: connect p99 ${ratio(pct(onprem.connect, 99), pct(bare.connect, 99))}, broadcast p50 ` +
      `${ratio(bcast(onprem, 50), bcast(bare, 50))}, p99 ${ratio(bcast(onprem, 99), bcast(bare, 99))}, ` +
      `delivered/s ${ratio(onprem.deliveredPerSec, bare.deliveredPerSec)}, memory per idle socket (RSS) ` +
      `${ratio(onprem.memPerSocket.rss, bare.memPerSocket.rss)}`,
  );
  const p99 = bcast(onprem, 99);
  const checks: [string, boolean][] = [
    [
      `on-prem broadcast p99 ${Number.isFinite(p99) ? `${p99.toFixed(1)} ms` : 'not reached (over 1 % of receipts missing)'} ≤ ${TARGET_P99_MS} ms at ${RATE.toLocaleString()} messages/s`,
      p99 <= TARGET_P99_MS,
    ],
    [
      `on-prem delivered ${onprem.received.toLocaleString()} of ${onprem.expectedDeliveries.toLocaleString()} receipts, ${onprem.connectFailures} failed connects`,
      onprem.received >= onprem.expectedDeliveries && onprem.connectFailures === 0,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'MISS'}  ${text}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

/**
 * Each socket is a file descriptor: the server process holds SOCKETS of them plus its
 * database pool, each client process its share. Node raises its own soft limit to the hard
 * limit at start, so what a child shell reports here is what the bench processes get.
 */
function checkFileLimit(): void {
  const needed = SOCKETS + 256;
  const r = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const limit = r.stdout.trim();
  if (limit === 'unlimited' || Number(limit) >= needed) return;
  console.error(
    `bench:chat needs ${needed} open files per process (the server process holds all ${SOCKETS} sockets), ` +
      `but the limit is ${limit} (Node already raised its soft limit to the hard one). Raise the hard limit ` +
      `as root (\`ulimit -n ${needed}\` in a root shell, limits.conf nofile, systemd LimitNOFILE, ` +
      `docker --ulimit nofile=${needed}) or run fewer sockets: BENCH_SOCKETS=${Math.max(0, Number(limit) - 256)}.`,
  );
  process.exit(1);
}

/** Diagnostic (BENCH_TIMELINE=1): receipts by the 250 ms slice they were sent in, with p99 and max, to tell a stall from a spread. */
function printTimeline(name: string, loaded: Loaded[], from: number): void {
  const slices = new Map<number, number[]>();
  for (const l of loaded)
    l.sentAts.forEach((at, i) => {
      const slice = Math.floor((at - from) / 250);
      slices.set(slice, [...(slices.get(slice) ?? []), l.receipts[i] as number]);
    });
  const lines = [...slices.entries()]
    .sort(([a], [b]) => a - b)
    .map(([slice, values]) => {
      const s = sorted(values);
      return `${((slice * 250) / 1000).toFixed(2).padStart(6)} s  n ${String(s.length).padStart(5)}  p50 ${pct(s, 50).toFixed(0).padStart(4)}  p99 ${pct(s, 99).toFixed(0).padStart(4)}  max ${(s[s.length - 1] as number).toFixed(0).padStart(4)} ms`;
    });
  console.log(`DIAGNOSTIC ${name}: receipts by send time\n${lines.join('\n')}`);
}

/** Diagnostic (BENCH_TIMELINE=1): the server's late ticks and slow statements, in seconds from the measured load's start. */
type Stalls = { loop: [number, number][]; statements: [number, number][]; gc: [number, number][] };
function printStalls(name: string, stalls: Stalls, from: number) {
  const at = (t: number) => ((t - from) / 1000).toFixed(2);
  console.log(
    `DIAGNOSTIC ${name}: main thread late by >20 ms at ` +
      (stalls.loop.map(([t, late]) => `${at(t)} s (${late.toFixed(0)} ms)`).join(', ') || 'never') +
      `; statements over 20 ms started at ` +
      (stalls.statements.map(([t, took]) => `${at(t)} s (${took.toFixed(0)} ms)`).join(', ') ||
        'none (or BENCH_TRACE_DB unset)') +
      `; major GCs at ` +
      (stalls.gc.map(([t, took]) => `${at(t)} s (${took.toFixed(0)} ms)`).join(', ') || 'none'),
  );
}

function mode(r: Result): 'bare' | 'onprem' {
  return r.name.startsWith('bare') ? 'bare' : 'onprem';
}

function sorted(values: number[]): number[] {
  return Float64Array.from(values).sort() as unknown as number[];
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  return values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] as number;
}

/**
 * Broadcast latency percentile over every receipt that was due: one that did not arrive
 * within the drain counts as infinitely late, so an overloaded server cannot look fast by
 * the few messages it got through.
 */
function bcast(r: Result, p: number): number {
  const i = Math.floor((p / 100) * r.expectedDeliveries);
  return i < r.latency.length ? (r.latency[i] as number) : Infinity;
}

function ms(v: number): string {
  return (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'not recv').padStart(8);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`.padStart(9);
}

await main();

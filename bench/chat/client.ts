// A client process of `pnpm bench:chat` (forked by bench/chat.ts): holds its share of the
// sockets, so the client side is spread over processes and does not share an event loop
// with the server. Commands from the parent over IPC:
//   connect {sockets, concurrency, ready}  → connected {times, failures}
//   load {rate, startAt, warmupMs, measureMs, drainMs} → loaded {...}
//   close → closes every socket and exits.
// Message texts carry their send time (epoch ms, shared clock of the machine), so each
// receiver measures send → receipt; the phase tag keeps warm-up traffic out of the figures.
import { WebSocket } from '../../apps/onprem/node_modules/ws/wrapper.mjs';

type Target = { url: string; room: string };
type Conn = { ws: WebSocket; room: string };

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();
const id = Number(process.env.BENCH_WORKER ?? 0);
const timeline = process.env.BENCH_TIMELINE === '1';
const send = (m: object) => process.send?.(m);

const conns: Conn[] = [];
const measuring = {
  ackedAll: 0,
  receipts: [] as number[],
  /** With BENCH_TIMELINE=1: each receipt's send time (epoch ms), beside `receipts`. */
  sentAts: [] as number[],
  acks: [] as number[],
  received: 0,
  errors: {} as Record<string, number>,
};
let closes = 0;

function onFrame(raw: string, at: number): void {
  // Both servers carry the text in `text`: the bare server forwards the `send` frame, the
  // room server wraps it in `message.text` (and answers the sender with `ack`).
  let frame: { type?: string; text?: string; message?: { text?: string }; code?: string };
  try {
    frame = JSON.parse(raw);
  } catch {
    return;
  }
  if (frame.type === 'error') {
    const code = frame.code ?? 'unknown';
    measuring.errors[code] = (measuring.errors[code] ?? 0) + 1;
    return;
  }
  const text =
    frame.type === 'send'
      ? frame.text
      : frame.type === 'message' || frame.type === 'ack'
        ? frame.message?.text
        : undefined;
  if (!text) return;
  const sentAt = Number(text.slice(2, text.indexOf('|', 2)));
  if (frame.type === 'ack') measuring.ackedAll += 1;
  if (text[0] !== 'm') return;
  if (frame.type === 'ack') measuring.acks.push(at - sentAt);
  else {
    measuring.receipts.push(at - sentAt);
    if (timeline) measuring.sentAts.push(sentAt);
    measuring.received += 1;
  }
}

function open(target: Target, ready: 'open' | 'welcome'): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(target.url, { perMessageDeflate: false });
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      if (error) return reject(error);
      conns.push({ ws, room: target.room });
      resolve(performance.now() - t0);
    };
    ws.on('error', (e: Error) => finish(e));
    ws.on('close', () => {
      closes += 1;
      finish(new Error('closed before ready'));
    });
    if (ready === 'open') ws.once('open', () => finish());
    ws.on('message', (data: Buffer) => {
      const raw = data.toString();
      if (!done) {
        if (raw.startsWith('{"type":"welcome"')) finish();
        return;
      }
      onFrame(raw, now());
    });
  });
}

async function connect(m: { sockets: Target[]; concurrency: number; ready: 'open' | 'welcome' }) {
  const times: number[] = [];
  let failures = 0;
  const failed: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < m.sockets.length) {
      const target = m.sockets[next++] as Target;
      try {
        times.push(await open(target, m.ready));
      } catch (e) {
        failures += 1;
        if (failed.length < 3) failed.push(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, lane));
  send({ cmd: 'connected', times, failures, failed });
}

async function load(m: { rate: number; startAt: number; warmupMs: number; measureMs: number; drainMs: number }) {
  while (Date.now() < m.startAt) await new Promise((r) => setTimeout(r, 5));
  const start = now();
  const measureFrom = start + m.warmupMs;
  const end = measureFrom + m.measureMs;
  let sent = 0;
  let sentMeasured = 0;
  let k = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const t = now();
      if (t >= end) {
        clearInterval(timer);
        return resolve();
      }
      // Open loop: whatever is due by now goes out, also after a late timer.
      const due = Math.floor(((t - start) * m.rate) / 1000) - sent;
      const phase = t >= measureFrom ? 'm' : 'w';
      for (let i = 0; i < due; i++) {
        const conn = conns[k++ % conns.length] as Conn;
        const at = now();
        const text = `${phase}|${at.toFixed(3)}|${id}-${sent}`;
        conn.ws.send(JSON.stringify({ type: 'send', clientId: `b${id}-${sent}`, text }));
        sent += 1;
        if (phase === 'm') sentMeasured += 1;
      }
    }, 2);
  });
  await new Promise((r) => setTimeout(r, m.drainMs));
  send({
    cmd: 'loaded',
    sent,
    sentMeasured,
    received: measuring.received,
    receipts: measuring.receipts,
    sentAts: measuring.sentAts,
    acks: measuring.acks,
    ackedAll: measuring.ackedAll,
    errors: measuring.errors,
    closes,
  });
}

process.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'connect') void connect(m as unknown as Parameters<typeof connect>[0]);
  else if (m.cmd === 'load') void load(m as unknown as Parameters<typeof load>[0]);
  else if (m.cmd === 'close') {
    for (const c of conns) c.ws.terminate();
    process.exit(0);
  }
});
send({ cmd: 'ready' });

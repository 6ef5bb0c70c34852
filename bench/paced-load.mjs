// Open-loop load at a fixed rate, run in a worker thread so the client does not share the
// server's event loop: request i is due at start + i / rate and is sent then whether or
// not earlier ones have answered (over up to `connections` keep-alive sockets), and its
// latency counts from when it was due, so queueing in the client or the server is never
// hidden (no coordinated omission). autocannon's `overallRate` instead sends each
// connection's share of a second back to back at the top of the second: 200 requests in
// a burst 10 deep, then nothing, which measures a burst, not a rate.
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * @param {{ url: string; rate: number; seconds: number; connections?: number; randomHandle?: { prefix: string; count: number } }} opts
 * @returns {Promise<{ latencies: number[]; errors: number; rps: number }>}
 */
export function pacedLoad(opts) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: opts });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** The latency at percentile `p` (0..100) of sorted latencies. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function run({ url, rate, seconds, connections = 10, randomHandle }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let done = 0;
  const start = performance.now() + 50;
  const pathOf = () =>
    randomHandle
      ? target.pathname.replace(
          new RegExp(`${randomHandle.prefix}\\d+`),
          `${randomHandle.prefix}${1 + Math.floor(Math.random() * randomHandle.count)}`,
        ) + target.search
      : target.pathname + target.search;
  return new Promise((resolve) => {
    const finish = () => {
      done += 1;
      if (done === total) {
        agent.destroy();
        const elapsed = (performance.now() - start) / 1000;
        resolve({ latencies: latencies.sort((a, b) => a - b), errors, rps: total / elapsed });
      }
    };
    const send = (due) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: pathOf(), agent, method: 'GET' },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            if (res.statusCode >= 300) errors += 1;
            finish();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        finish();
      });
      req.end();
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        send(start + sent * interval);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(tick, 50);
  });
}

if (!isMainThread) parentPort?.postMessage(await run(workerData));

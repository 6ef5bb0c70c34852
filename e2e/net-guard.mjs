// Preloaded into the on-prem server during end-to-end runs (`node --import`): records every
// attempt to reach anything but loopback (TCP, TLS, DNS, UDP) into NET_GUARD_LOG. The
// harness fails when the log is not empty, which is how the blackout suite proves the
// server never reaches for the international internet. Attempts still proceed (and fail
// naturally inside the network namespace), so the server's own error handling is exercised.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.NET_GUARD_LOG;
const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

function isLoopback(host) {
  if (!host) return true; // node defaults to localhost
  const h = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (LOOPBACK_NAMES.has(h) || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h)) return true;
  return false;
}

function record(kind, target) {
  const line = `${new Date().toISOString()} ${kind} ${target}\n${new Error().stack?.split('\n').slice(2, 8).join('\n')}\n`;
  if (log) appendFileSync(log, line);
  else process.stderr.write(`[net-guard] ${line}`);
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const opts = Array.isArray(first) ? first[0] : first;
  if (opts && typeof opts === 'object') {
    if (!opts.path && !isLoopback(opts.host)) record('tcp', `${opts.host}:${opts.port}`);
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = typeof args[1] === 'string' ? args[1] : undefined;
    if (!isLoopback(host)) record('tcp', `${host}:${first}`);
  }
  return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!isLoopback(hostname) && !net.isIP(hostname)) record('dns', hostname);
  return originalLookup.call(this, hostname, ...rest);
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname, ...rest) {
  if (!isLoopback(hostname) && !net.isIP(hostname)) record('dns', hostname);
  return originalPromiseLookup.call(this, hostname, ...rest);
};

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const addr = args.find((a, i) => i > 0 && typeof a === 'string');
  if (!isLoopback(addr)) record('udp', String(addr));
  return originalSend.apply(this, args);
};

import type { ParsedStatement } from '../statements/parsed-statement';
import type { ContentHasher } from './ports';

/** What the upload flow stores to spot re-used files and accounts claimed twice. */
export type StatementFingerprint = {
  /** Hash of the uploaded bytes: the very same file uploaded again. */
  fileHash: string;
  /** Hash of the canonical trade content: the same history re-exported, re-saved or converted. */
  contentHash: string;
  /** Broker server (or broker name) + login; null for reports that name no account (testers). */
  accountKey: string | null;
};

/** "0.10" -> "0.1", "-0.000" -> "0": printed precision differs between HTML and XLSX. */
function canonicalDecimal(value: string | null): string | null {
  if (value === null) return null;
  const [int = '0', frac = ''] = value.split('.');
  const f = frac.replace(/0+$/, '');
  const out = f ? `${int}.${f}` : int;
  return /^-0(\.0*)?$/.test(out) ? '0' : out;
}

function normalizeName(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The account identity: `server:<broker server>|login:<login>`, or `broker:<company>|login:`
 * for MT4 statements, which print the company but not the server. Two users claiming the
 * same key claim the same trading account. Null unless both parts are known.
 */
export function readAccountKey(statement: ParsedStatement): string | null {
  const { login, server, broker } = statement.account;
  if (!login) return null;
  if (server) return `server:${normalizeName(server)}|login:${login.trim()}`;
  if (broker) return `broker:${normalizeName(broker)}|login:${login.trim()}`;
  return null;
}

/**
 * Canonical bytes of what a report says happened (account, closed trades, balance
 * operations), independent of container, encoding, column order, number formatting and
 * the report time. Hash them to find the same history uploaded as a different file.
 */
export function canonicalizeStatement(statement: ParsedStatement): Uint8Array {
  const trades = statement.closedTrades.map((t) => [
    t.ticket,
    t.openTime,
    t.closeTime,
    t.side,
    canonicalDecimal(t.volume),
    t.symbol.toUpperCase(),
    canonicalDecimal(t.openPrice),
    canonicalDecimal(t.closePrice),
    t.commission,
    t.fee,
    t.swap,
    t.profit,
  ]);
  const balance = statement.balanceOperations.map((b) => [b.ticket, b.time, b.kind, b.amount]);
  const text = JSON.stringify({ v: 1, account: readAccountKey(statement), trades, balance });
  const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;
  return new Encoder().encode(text);
}

/**
 * Fingerprints an upload for duplicate detection. Deciding what a match means (same
 * user re-uploading vs a second user claiming the account) needs the database and is the
 * caller's job.
 */
export async function fingerprintStatement(
  deps: { hasher: ContentHasher },
  input: { bytes: Uint8Array; statement: ParsedStatement },
): Promise<StatementFingerprint> {
  const [fileHash, contentHash] = await Promise.all([
    deps.hasher.hash(input.bytes),
    deps.hasher.hash(canonicalizeStatement(input.statement)),
  ]);
  return { fileHash, contentHash, accountKey: readAccountKey(input.statement) };
}

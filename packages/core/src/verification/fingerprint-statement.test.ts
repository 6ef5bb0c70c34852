import { describe, expect, it } from 'vitest';
import { canonicalizeStatement, fingerprintStatement, readAccountKey } from './fingerprint-statement';
import type { ContentHasher } from './ports';
import { makeMt5Statement } from './statement-builders';

/** FNV-1a, hex: deterministic and dependency-free; stands in for SHA-256 in tests. */
const fakeHasher: ContentHasher = {
  hash: (bytes) => {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return Promise.resolve(h.toString(16).padStart(8, '0'));
  },
};
const text = (b: Uint8Array) => String.fromCharCode(...b);

describe('readAccountKey', () => {
  it('keys an account by normalized server and login', () => {
    const s = makeMt5Statement([]);
    s.account.server = '  Example-Server ';
    expect(readAccountKey(s)).toBe('server:example-server|login:5001');
  });

  it('falls back to the broker name when the report prints no server (MT4 statements)', () => {
    const s = makeMt5Statement([]);
    s.account = { ...s.account, server: null, broker: 'Example Broker Ltd' };
    expect(readAccountKey(s)).toBe('broker:example broker ltd|login:5001');
  });

  it('is null without a login (tester reports)', () => {
    const s = makeMt5Statement([]);
    s.account.login = null;
    expect(readAccountKey(s)).toBeNull();
  });
});

describe('canonicalizeStatement', () => {
  it('ignores printed precision, report time and stated figures', () => {
    const a = makeMt5Statement([1000, -500]);
    const b = makeMt5Statement([1000, -500]);
    b.closedTrades[0]!.volume = '0.100000';
    b.account.reportTime = '2030.01.01 00:00';
    b.stated.totalNetProfit = '1.00';
    expect(text(canonicalizeStatement(b))).toBe(text(canonicalizeStatement(a)));
  });

  it('changes when one trade changes', () => {
    const a = makeMt5Statement([1000, -500]);
    const b = makeMt5Statement([1000, -501]);
    expect(text(canonicalizeStatement(b))).not.toBe(text(canonicalizeStatement(a)));
  });
});

describe('fingerprintStatement', () => {
  it('hashes the file bytes and the canonical content through the port', async () => {
    const statement = makeMt5Statement([1000]);
    const one = await fingerprintStatement({ hasher: fakeHasher }, { bytes: new Uint8Array([1, 2, 3]), statement });
    const two = await fingerprintStatement({ hasher: fakeHasher }, { bytes: new Uint8Array([1, 2, 4]), statement });
    expect(one.accountKey).toBe('server:example-server|login:5001');
    expect(two.fileHash).not.toBe(one.fileHash);
    expect(two.contentHash).toBe(one.contentHash);
  });
});

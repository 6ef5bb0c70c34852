import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenVault } from './token-vault.webcrypto';

describe('createTokenVault', () => {
  const vault = createTokenVault();

  it('makes 256-bit base64url tokens that do not repeat', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => vault.newToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
  });

  it('hashes with SHA-256 as lowercase hex, deterministically', async () => {
    const token = vault.newToken();
    const expected = createHash('sha256').update(token).digest('hex');
    expect(await vault.hashToken(token)).toBe(expected);
    expect(await vault.hashToken(token)).toBe(expected);
  });
});

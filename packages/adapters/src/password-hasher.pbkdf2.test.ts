import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPbkdf2Hasher, DEFAULT_PBKDF2_ITERATIONS } from './password-hasher.pbkdf2';

describe('createPbkdf2Hasher', () => {
  const cheap = createPbkdf2Hasher({ iterations: 1_000 });

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await cheap.hash('correct horse 9');
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await cheap.verify('correct horse 9', stored)).toBe(true);
    expect(await cheap.verify('correct horse 8', stored)).toBe(false);
  });

  it('salts every hash differently', async () => {
    expect(await cheap.hash('same-password-1')).not.toBe(await cheap.hash('same-password-1'));
  });

  it('reads the iteration count from the stored string', async () => {
    const stored = await createPbkdf2Hasher({ iterations: 2_000 }).hash('Secret-one-2');
    expect(await cheap.verify('Secret-one-2', stored)).toBe(true);
  });

  it('chains segments of at most 100,000 iterations: PBKDF2(PBKDF2(pw, s, 100k), s, 50k)', async () => {
    const stored = await createPbkdf2Hasher({ iterations: 150_000 }).hash('chain-me-42');
    const [, , saltB64, hashB64] = stored.split('$');
    const salt = Buffer.from(saltB64 ?? '', 'base64');
    const first = pbkdf2Sync('chain-me-42', salt, 100_000, 32, 'sha256');
    const second = pbkdf2Sync(first, salt, 50_000, 32, 'sha256');
    expect(hashB64).toBe(second.toString('base64'));
  });

  it('uses 600,000 iterations by default and still verifies', async () => {
    const real = createPbkdf2Hasher();
    const stored = await real.hash('Default-cost-7');
    expect(stored.split('$')[1]).toBe(String(DEFAULT_PBKDF2_ITERATIONS));
    expect(DEFAULT_PBKDF2_ITERATIONS).toBe(600_000);
    expect(await real.verify('Default-cost-7', stored)).toBe(true);
  });

  it('rejects malformed or tampered stored hashes without throwing', async () => {
    const stored = await cheap.hash('tamper-me-1');
    const [p, i, s, h] = stored.split('$');
    for (const bad of [
      '',
      'fake$password',
      `bcrypt$${i}$${s}$${h}`,
      `${p}$0$${s}$${h}`,
      `${p}$99999999999$${s}$${h}`,
      `${p}$${i}$${s}$${h}$extra`,
      `${p}$${i}$${s}$***`,
      `${p}$${i}$${s}$${btoa('short')}`,
    ]) {
      expect(await cheap.verify('tamper-me-1', bad)).toBe(false);
    }
  });

  it('refuses nonsensical iteration counts at construction', () => {
    expect(() => createPbkdf2Hasher({ iterations: 0 })).toThrow(RangeError);
    expect(() => createPbkdf2Hasher({ iterations: 1.5 })).toThrow(RangeError);
  });
});

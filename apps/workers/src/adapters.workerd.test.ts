import {
  createHmacTicketSigner,
  createPbkdf2Hasher,
  createTokenVault,
  createUuidV7,
  DEFAULT_PBKDF2_ITERATIONS,
  systemClock,
} from '@clantrader/adapters';
import { describe, expect, it } from 'vitest';

/**
 * The web-standard adapters, run inside workerd itself rather than Node. (Local workerd
 * does not enforce the production cap of 100,000 PBKDF2 iterations per call, so the
 * chaining is proven against Node's pbkdf2 in packages/adapters instead.)
 */
describe('adapters in workerd', () => {
  it('hashes and verifies with the default 600,000 iterations', async () => {
    const hasher = createPbkdf2Hasher();
    const stored = await hasher.hash('Workerd-pass-1');
    expect(stored.split('$')[1]).toBe(String(DEFAULT_PBKDF2_ITERATIONS));
    expect(await hasher.verify('Workerd-pass-1', stored)).toBe(true);
    expect(await hasher.verify('Workerd-pass-2', stored)).toBe(false);
  });

  it('makes tokens, UUIDv7 ids and room tickets', async () => {
    const vault = createTokenVault();
    expect(vault.newToken()).toMatch(/^[\w-]{43}$/);
    expect(await vault.hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(createUuidV7().newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const signer = createHmacTicketSigner('s'.repeat(32), systemClock);
    const { ticket } = await signer.issue({ userId: 'u1', room: 'clan:1' });
    expect(await signer.verify(ticket)).toEqual({ userId: 'u1', room: 'clan:1' });
  });
});

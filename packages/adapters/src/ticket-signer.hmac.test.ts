import { ManualClock } from '@clantrader/core/testing';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './encoding';
import { createHmacTicketSigner } from './ticket-signer.hmac';

const SECRET = 'test-secret-that-is-at-least-32-characters';

describe('createHmacTicketSigner', () => {
  it('issues a ticket that verifies to the same claims until it expires', async () => {
    const clock = new ManualClock();
    const signer = createHmacTicketSigner(SECRET, clock, 60);
    const { ticket, expiresAt } = await signer.issue({ userId: 'u1', room: 'clan:42' });
    expect(expiresAt.getTime()).toBe(clock.now().getTime() + 60_000);
    expect(await signer.verify(ticket)).toEqual({ userId: 'u1', room: 'clan:42' });
    clock.advance(59_000);
    expect(await signer.verify(ticket)).not.toBeNull();
    clock.advance(1_000);
    expect(await signer.verify(ticket)).toBeNull();
  });

  it('carries the party and role of chat tickets', async () => {
    const signer = createHmacTicketSigner(SECRET, new ManualClock());
    const claims = { userId: 'u1', room: 'c-1', party: 'clan', role: 'co_leader' } as const;
    expect(await signer.verify((await signer.issue(claims)).ticket)).toEqual(claims);
  });

  it('rejects a ticket signed with another secret', async () => {
    const clock = new ManualClock();
    const { ticket } = await createHmacTicketSigner('x'.repeat(32), clock).issue({ userId: 'u1', room: 'r' });
    expect(await createHmacTicketSigner(SECRET, clock).verify(ticket)).toBeNull();
  });

  it('rejects a payload changed after signing', async () => {
    const clock = new ManualClock();
    const signer = createHmacTicketSigner(SECRET, clock);
    const { ticket } = await signer.issue({ userId: 'u1', room: 'r' });
    const signature = ticket.split('.')[1];
    const exp = Math.floor(clock.now().getTime() / 1000) + 60;
    const forged = encodeBase64Url(new TextEncoder().encode(JSON.stringify({ u: 'admin', r: 'r', exp })));
    expect(await signer.verify(`${forged}.${signature}`)).toBeNull();
  });

  it('rejects malformed tickets without throwing', async () => {
    const signer = createHmacTicketSigner(SECRET, new ManualClock());
    const { ticket } = await signer.issue({ userId: 'u1', room: 'r' });
    for (const bad of ['', '.', 'abc', 'a.b.c', `${ticket}.x`, `${ticket}!`, `***.${ticket.split('.')[1]}`]) {
      expect(await signer.verify(bad)).toBeNull();
    }
  });

  it('rejects a correctly signed payload of the wrong shape', async () => {
    const clock = new ManualClock();
    const signer = createHmacTicketSigner(SECRET, clock);
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const payload = encodeBase64Url(new TextEncoder().encode(JSON.stringify({ u: 'u1', r: 'r' })));
    const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload)));
    expect(await signer.verify(`${payload}.${encodeBase64Url(sig)}`)).toBeNull();
  });

  it('refuses a short secret', () => {
    expect(() => createHmacTicketSigner('short', new ManualClock())).toThrow(RangeError);
  });
});

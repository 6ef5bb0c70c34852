import { ManualClock, SequentialIds } from '@clantrader/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../database';
import { testDatabases } from '../testing/index';
import { checkDatabase } from './health';
import { createOutboxMailer, listOutbox } from './outbox';
import { createRateLimiter } from './rate-limiter';

describe.each(testDatabases())('ops repositories on $name', ({ open }) => {
  let handle: DbHandle;
  let clock: ManualClock;
  beforeEach(async () => {
    handle = await open();
    clock = new ManualClock();
  });
  afterEach(() => handle.close());

  describe('createRateLimiter', () => {
    it('allows `limit` hits per window, then refuses until the window ends', async () => {
      const limiter = createRateLimiter(handle.db, { clock });
      expect(await limiter.hit('ip:1', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 60 });
      expect((await limiter.hit('ip:1', 2, 60)).allowed).toBe(true);
      expect(await limiter.hit('ip:1', 2, 60)).toEqual({ allowed: false, retryAfterSeconds: 60 });
      clock.advance(45_500);
      expect(await limiter.hit('ip:1', 2, 60)).toEqual({ allowed: false, retryAfterSeconds: 15 });
      expect((await limiter.hit('ip:2', 2, 60)).allowed).toBe(true);
      clock.advance(14_500);
      expect(await limiter.hit('ip:1', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 60 });
    });

    it('never loses a count under concurrent hits', async () => {
      const limiter = createRateLimiter(handle.db, { clock });
      const results = await Promise.all(Array.from({ length: 12 }, () => limiter.hit('burst', 5, 60)));
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
    });

    it('uses the database clock when given none', async () => {
      const limiter = createRateLimiter(handle.db);
      expect(await limiter.hit('k', 1, 30)).toEqual({ allowed: true, retryAfterSeconds: 30 });
      const second = await limiter.hit('k', 1, 30);
      expect(second.allowed).toBe(false);
      expect(second.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    });
  });

  describe('createOutboxMailer', () => {
    it('stores sent mail and lists it newest first, up to a limit', async () => {
      const mailer = createOutboxMailer(handle.db, { ids: new SequentialIds(), clock });
      await mailer.send({ to: 'a@example.test', subject: 'one', text: 'first' });
      clock.advance(1_000);
      await mailer.send({ to: 'b@example.test', subject: 'two', text: 'second', html: '<p>second</p>' });
      clock.advance(1_000);
      await mailer.send({ to: 'c@example.test', subject: 'three', text: 'third' });
      const all = await listOutbox(handle.db);
      expect(all.map((m) => m.subject)).toEqual(['three', 'two', 'one']);
      expect(all[1]).toMatchObject({
        to: 'b@example.test',
        html: '<p>second</p>',
        createdAt: new Date(clock.now().getTime() - 1_000),
      });
      expect(all[0]?.html).toBeNull();
      expect((await listOutbox(handle.db, 2)).map((m) => m.subject)).toEqual(['three', 'two']);
    });
  });

  describe('checkDatabase', () => {
    it('is true while the database answers and false once it is closed', async () => {
      expect(await checkDatabase(handle.db)).toBe(true);
      const other = await open();
      await other.close();
      expect(await checkDatabase(other.db)).toBe(false);
    });
  });
});

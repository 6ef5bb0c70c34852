import { afterAll, beforeAll, describe } from 'vitest';
import type { ApiTestClient } from './api-client';
import { defineAccountTests } from './suite-accounts';
import { defineGuardTests } from './suite-guards';

export type { ApiTestClient } from './api-client';

/**
 * THE API test suite, written once and run against every home: in-process on Node over
 * PGlite and PostgreSQL, and in workerd through the real Worker and the Neon driver.
 * `makeClient` must give a fresh, migrated database with the dev outbox switched on.
 */
export function defineApiSuite(name: string, makeClient: () => Promise<ApiTestClient>): void {
  describe(name, () => {
    let current: ApiTestClient | undefined;
    const client = (): ApiTestClient => {
      if (!current) throw new Error('API test client is not ready');
      return current;
    };
    beforeAll(async () => {
      current = await makeClient();
    });
    afterAll(async () => {
      await current?.close();
    });
    describe('accounts', () => defineAccountTests(client));
    describe('input guards and limits', () => defineGuardTests(client));
  });
}

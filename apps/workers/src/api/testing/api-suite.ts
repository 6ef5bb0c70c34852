import { afterAll, beforeAll, describe } from 'vitest';
import type { ApiTestClient } from './api-client';
import { defineAccountTests } from './suite-accounts';
import { defineAiTests } from './suite-ai';
import { defineChannelTests } from './suite-channels';
import { defineChatTests } from './suite-chat';
import { defineClanTests } from './suite-clans';
import { defineClanAiTests } from './suite-clan-ai';
import { defineGuardTests } from './suite-guards';
import { defineInternalAiTests } from './suite-internal-ai';
import { defineLeaderboardTests } from './suite-leaderboard';
import { defineNotificationTests } from './suite-notifications';
import { defineStatementTests, type CorpusStatement } from './suite-statements';

export type { ApiTestClient } from './api-client';
export type { CorpusStatement } from './suite-statements';
export { LOCAL_TEST_ANSWER } from './suite-ai';
export { INTERNAL_TEST_SECRET } from './suite-internal-ai';

/**
 * THE API test suite, written once and run against every home: in-process on Node over
 * PGlite and PostgreSQL, and in workerd through the real Worker and the Neon driver.
 * `makeClient` must give a fresh, migrated database with the dev outbox switched on;
 * `options.corpus` adds a real MetaTrader export where the runtime can read files.
 */
export function defineApiSuite(
  name: string,
  makeClient: () => Promise<ApiTestClient>,
  options: { corpus?: CorpusStatement } = {},
): void {
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
    describe('statements', () => defineStatementTests(client, options.corpus));
    describe('seasons and leaderboards', () => defineLeaderboardTests(client));
    describe('AI assistant', () => defineAiTests(client));
    describe('chat', () => defineChatTests(client));
    describe('clans', () => defineClanTests(client));
    describe('clan AI', () => defineClanAiTests(client));
    describe('clan AI in chat (@ai, internal)', () => defineInternalAiTests(client));
    describe('channels', () => defineChannelTests(client));
    describe('notifications', () => defineNotificationTests(client));
  });
}

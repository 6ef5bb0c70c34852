import { startOpenAiServer } from '@clantrader/ai-providers/testing';
import { migrateDatabase } from '@clantrader/db';
import { openPg } from '@clantrader/db/drivers/pg';
import { createTestPostgresDatabase, startNeonWsProxy } from '@clantrader/db/testing';
import type { TestProject } from 'vitest/node';
import { LOCAL_TEST_ANSWER } from '../src/api/testing/suite-ai';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    neonWsProxy: string;
    aiLocalBaseUrl: string;
  }
}

/**
 * Runs in Node before the workerd pool starts: a fresh migrated PostgreSQL database and a
 * WebSocket-to-TCP proxy in front of it, so the Worker reaches it through the Neon driver
 * exactly as it reaches Neon in production.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestPostgresDatabase();
  const handle = await openPg(database.url, { max: 1 });
  try {
    await migrateDatabase(handle.db);
  } finally {
    await handle.close();
  }
  const proxy = await startNeonWsProxy(database.url);
  project.provide('databaseUrl', database.url);
  project.provide('neonWsProxy', proxy.url);
  // The Worker's local AI tier (AI_LOCAL_BASE_URL): an OpenAI-compatible server on loopback.
  const localAi = await startOpenAiServer(() => ({ kind: 'text', text: LOCAL_TEST_ANSWER }));
  project.provide('aiLocalBaseUrl', localAi.baseURL);
  return async () => {
    await localAi.close();
    await proxy.close();
    await database.drop();
  };
}

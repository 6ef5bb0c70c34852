export { schema, type Database, type DbHandle, type DriverKind, type Executor, type Schema } from './database';
export * from './schema/index';
export * from './repositories/index';
export {
  applyMigrations,
  defaultMigrationsFolder,
  migrateDatabase,
  readMigrations,
  type MigrateOptions,
  type Migration,
} from './migrate';
export { openDatabase, parseDatabaseUrl, type DatabaseTarget } from './open-database';

import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { configurePgTypes } from './pg-types';
import { MIGRATIONS } from './migrations';
import { ResilientPgClient } from './resilient-client';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  runMigrations?: boolean;
}

/** One place that says how we talk to PostgreSQL; `synchronize` is off everywhere. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  configurePgTypes();
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: settings.runMigrations ?? false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Migrations own the schema; nothing is installed at connect. `pgcrypto` only names the UUID default:
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: { max: settings.poolSize, connectionTimeoutMillis: 10_000, Client: ResilientPgClient },
  };
}

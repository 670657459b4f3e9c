import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Every process that migrates takes this session-level advisory lock first (any 64-bit key of ours). */
const MIGRATION_LOCK_SQL = "SELECT pg_advisory_lock(hashtext('webwork-api:migrations'))";
const MIGRATION_UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext('webwork-api:migrations'))";

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so servers booting together on an
 * empty database migrate one after another: the first applies everything, the others find nothing to do.
 * The lock is tied to its connection, so a process that dies mid-migration releases it.
 */
export async function runMigrationsExclusively(url: string): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query(MIGRATION_LOCK_SQL);
    const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 1, entities: [] }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.query(MIGRATION_UNLOCK_SQL).catch(() => undefined);
    await lock.end();
  }
}

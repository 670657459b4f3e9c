import { randomBytes } from 'node:crypto';
import pg from 'pg';
// Jest loads global setup outside its module mapper, so this file imports by relative path only.
import { runMigrationsExclusively } from '../../libs/database/src/migrate';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** Applies every migration to the (empty) database at `url`, as the server does at boot. */
export async function migrate(url: string): Promise<void> {
  await runMigrationsExclusively(url);
}

/** A fresh database on the server named by DATABASE_URL, dropped afterwards. */
async function freshServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `webwork_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function embeddedDatabase(): Promise<TestDatabase> {
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ maxConnections: 20 });
  return { url: embedded.url, dispose: () => embedded.stop() };
}

/** Real PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite default. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await freshServerDatabase(serverUrl) : await embeddedDatabase();
  await migrate(database.url);
  return database;
}

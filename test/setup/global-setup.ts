import { createTestDatabase, TestDatabase } from './test-database';

declare global {
  var __TEST_DATABASE__: TestDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  globalThis.__TEST_DATABASE__ = database;
  process.env.TEST_DATABASE_URL = database.url;
  process.stdout.write(`\ntest database: ${process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite'}\n`);
}

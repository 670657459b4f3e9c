import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { ENTITIES } from '../apps/api/src/entities';

describe('Migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // Global setup applied every committed migration to this empty database.
    dataSource = new DataSource(dataSourceOptions({ url: process.env.TEST_DATABASE_URL!, poolSize: 1, entities: ENTITIES }));
    await dataSource.initialize();
  });
  afterAll(async () => dataSource.destroy());

  it('has no pending migrations', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('matches the entities exactly (migration:generate would produce nothing)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('enforces invariants in the schema, not only in code', async () => {
    await expect(
      dataSource.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (1, 1, 'Superuser')`),
    ).rejects.toThrow(/violates (check|foreign key) constraint/);
  });
});

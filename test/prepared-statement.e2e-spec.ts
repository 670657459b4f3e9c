import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres, PreparedStatement, startEmbeddedPostgres } from '@app/database';

/**
 * The embedded PGlite serves every connection from one session, so a named statement one connection prepared is
 * "already there" for the next: outside a transaction the statement falls back to unnamed; inside one, the refused
 * Parse must not abort the caller's transaction (the write read-backs of the services run there).
 */
describe('PreparedStatement on a server that shares one session (PGlite)', () => {
  let server: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    server = await startEmbeddedPostgres();
    dataSource = new DataSource({ type: 'postgres', url: server.url, poolSize: 2, entities: [] });
    await dataSource.initialize();
  }, 120_000);
  afterAll(async () => {
    await dataSource.destroy();
    await server.stop();
  });

  it('runs inside a transaction on a connection that never prepared the statement', async () => {
    const statement = PreparedStatement.compile<{ value: number }>('test.shared_session', (param) =>
      dataSource.manager.createQueryBuilder().select('CAST(:value AS int) + 1', 'value').fromDummy().setParameter('value', param('value')),
    );
    // Connection A prepares the name; held, so the transaction below runs on connection B.
    const a = dataSource.createQueryRunner();
    await a.connect();
    try {
      expect(await statement.run(a.manager, { value: 1 })).toEqual([{ value: 2 }]);
      const inTransaction = await dataSource.transaction(async (manager) => {
        const [row] = await statement.run(manager, { value: 10 });
        // The transaction is still usable afterwards.
        const [again] = await statement.run(manager, { value: 20 });
        await manager.query('SELECT 1');
        return [row.value, again.value];
      });
      expect(inTransaction).toEqual([11, 21]);
    } finally {
      await a.release();
    }
  }, 60_000);
});

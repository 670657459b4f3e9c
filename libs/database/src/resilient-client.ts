import pg from 'pg';

/**
 * The pool's client class. When PostgreSQL terminates a connection (restart, failover,
 * `pg_terminate_backend`), node-postgres can emit `error` on a client that neither the pool nor TypeORM is
 * listening to any more (one already released with its error); an EventEmitter `error` without a listener
 * would crash the process. This client always has one: the failure itself still reaches the query that
 * was running (answered 503) and the pool, which discards the client.
 */
export class ResilientPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

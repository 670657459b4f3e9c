import { isDatabaseConnectionLost } from '@app/common';
import type { Pool, PoolClient } from 'pg';
import { EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** duplicate_prepared_statement, invalid_sql_statement_name */
const SESSION_STATEMENT_ERRORS = new Set(['42P05', '26000']);

const isSessionStatementError = (error: unknown): boolean => SESSION_STATEMENT_ERRORS.has((error as { code?: unknown }).code as string);

const sentinel = (key: string): string => `\u0000prepared:${key}`;

/**
 * A hot read as constant SQL, executed as a named prepared statement: PostgreSQL parses and plans it once per
 * connection, and no query builder runs per request. The text is compiled ONCE from a query builder built with
 * placeholder values, so the query keeps one definition (scope predicates included) while every request only
 * binds its values: `statement.run(manager, { workspaceId, projectId, ... })`. `PreparedStatement.sql` takes a
 * fixed text with `$n` placeholders instead, for statements no query builder writes (the token lookups).
 *
 * One statement per distinct text: variants (per role scope, per optional filter) get their own name. Outside a
 * transaction it runs on a pooled pg client directly: no TypeORM QueryRunner is created per request.
 */
export class PreparedStatement<TRow extends ObjectLiteral> {
  /** The connections that hold this statement (a pooled pg client is the same object for its lifetime). */
  private readonly preparedOn = new WeakSet<PgClient>();

  private constructor(
    readonly name: string,
    readonly text: string,
    private readonly keys: readonly string[],
  ) {}

  /** `build(param)` must use `param('key')` as the value of every named parameter. */
  static compile<TRow extends ObjectLiteral>(
    name: string,
    build: (param: (key: string) => string) => SelectQueryBuilder<ObjectLiteral>,
  ): PreparedStatement<TRow> {
    const [text, values] = build(sentinel).getQueryAndParameters();
    const keys = values.map((value: unknown) => {
      if (typeof value !== 'string' || !value.startsWith(sentinel(''))) {
        throw new Error(`prepared statement ${name}: every parameter must be a param('key') placeholder`);
      }
      return value.slice(sentinel('').length);
    });
    return new PreparedStatement<TRow>(name, text, keys);
  }

  /** A fixed text whose `$1..$n` are bound from `keys[0..n-1]`. */
  static sql<TRow extends ObjectLiteral>(name: string, text: string, keys: readonly string[]): PreparedStatement<TRow> {
    return new PreparedStatement<TRow>(name, text, keys);
  }

  /** Runs on the transaction's connection when `manager` has one, otherwise on a pooled connection. */
  async run(manager: EntityManager, params: Record<string, unknown>): Promise<TRow[]> {
    const values = this.keys.map((key) => {
      if (!(key in params)) throw new Error(`prepared statement ${this.name}: no value for ${key}`);
      return params[key];
    });
    if (manager.queryRunner !== undefined) {
      const client = (await manager.queryRunner.connect()) as PgClient;
      return this.execute(client, values, manager.queryRunner.isTransactionActive);
    }
    const pool = (manager.connection.driver as PostgresDriver).master as Pool;
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw new QueryFailedError(this.text, values, error as Error);
    }
    let lost: Error | undefined;
    try {
      return await this.execute(client, values, false);
    } catch (error) {
      // A dead connection goes back with its error, so the pool discards it instead of lending it again.
      if (isDatabaseConnectionLost(error)) lost = error as Error;
      throw error;
    } finally {
      client.release(lost);
    }
  }

  private async execute(client: PgClient, values: unknown[], inTransaction: boolean): Promise<TRow[]> {
    try {
      if (inTransaction && !this.preparedOn.has(client)) return await this.firstInTransaction(client, values);
      return await this.named(client, values);
    } catch (error) {
      // The same error type TypeORM raises, so the exception filter maps client-data errors (22xxx) and outages alike.
      throw new QueryFailedError(this.text, values, error as Error);
    }
  }

  private async named(client: PgClient, values: unknown[]): Promise<TRow[]> {
    try {
      const { rows } = await client.query({ name: this.name, text: this.text, values });
      this.preparedOn.add(client);
      return rows as TRow[];
    } catch (error) {
      // A server that shares one session between connections (the embedded PGlite) already holds, or has lost,
      // a statement of this name that this connection never prepared: run the same text unnamed.
      if (!isSessionStatementError(error)) throw error;
      return (await client.query({ text: this.text, values })).rows as TRow[];
    }
  }

  /**
   * Inside a transaction a refused Parse (the PGlite case above) would abort the caller's transaction, so the
   * first run of this statement on a connection goes under a savepoint; once prepared there, it runs plainly.
   */
  private async firstInTransaction(client: PgClient, values: unknown[]): Promise<TRow[]> {
    await client.query({ text: 'SAVEPOINT prepared_statement', values: [] });
    try {
      const { rows } = await client.query({ name: this.name, text: this.text, values });
      await client.query({ text: 'RELEASE SAVEPOINT prepared_statement', values: [] });
      this.preparedOn.add(client);
      return rows as TRow[];
    } catch (error) {
      if (!isSessionStatementError(error)) throw error;
      await client.query({ text: 'ROLLBACK TO SAVEPOINT prepared_statement', values: [] });
      return (await client.query({ text: this.text, values })).rows as TRow[];
    }
  }
}

import { ApiException } from '@app/common';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { AuthContext } from '../auth-context';
import { SqlPredicate, sqlReference } from './sql-fragment';

export interface RequireVisibleOptions {
  /** The table and the alias the scope predicate was built for (`projects`, `p`). */
  table: string;
  alias: string;
  id: number | string;
  /** The role scope for this resource (`projectScope(auth, alias)`), or null when the caller sees everything. */
  scope: SqlPredicate | null;
  /** Thrown when the row is missing, archived, in another workspace or outside the caller's scope. */
  notFound: () => ApiException;
  /** Lock the row (`FOR UPDATE OF alias`) until the caller's transaction ends: use for every write. */
  lock?: boolean;
  /** Columns to return (default: the id). */
  columns?: string[];
}

/**
 * The one way a service loads "a record this caller may touch": always scoped to the caller's workspace,
 * always live (`deleted_at IS NULL`, written out, never an ORM's implicit filter), always inside the role
 * scope; anything else is the resource's 404. With `lock`, the row stays locked for the transaction of
 * `manager`, so the write that follows cannot race a concurrent archive.
 */
export async function requireVisible<T extends ObjectLiteral = { id: number }>(
  manager: EntityManager,
  auth: Pick<AuthContext, 'workspaceId'>,
  options: RequireVisibleOptions,
): Promise<T> {
  const alias = sqlReference(options.alias);
  const query = manager
    .createQueryBuilder()
    .select((options.columns ?? [`${alias}.id AS id`]).map((column) => column))
    .from(sqlReference(options.table), alias)
    .where(`${alias}.id = :require_id`, { require_id: options.id })
    .andWhere(`${alias}.workspace_id = :require_workspace_id`, { require_workspace_id: auth.workspaceId })
    .andWhere(`${alias}.deleted_at IS NULL`);
  if (options.scope) query.andWhere(options.scope.sql, options.scope.params);
  if (options.lock) query.setLock('pessimistic_write', undefined, [alias]);
  const row = await query.getRawOne<T>();
  if (!row) throw options.notFound();
  return row;
}

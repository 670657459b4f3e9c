import type { EntityManager } from 'typeorm';
import type { ApiException } from '../errors/api-exception';
import { requireTransition, StateMachine } from './state-machine';
import { sqlIdentifier } from './sql-identifier';

export interface ApplyTransitionOptions<S extends string, A extends string> {
  /** A table with `workspace_id`, `updated_at` and `deleted_at` columns. */
  table: string;
  id: string | number;
  workspaceId: number;
  machine: StateMachine<S, A>;
  action: A;
  /** Thrown when no live row has this id in this workspace, e.g. `timesheetError('NotFound')`. */
  notFound: () => ApiException;
  /** Default `id`. */
  idColumn?: string;
  /** Default `status`, the name the reference uses for every lifecycle field. */
  stateColumn?: string;
  /** Other columns written by the same UPDATE, e.g. `{ approved_by: auth.userId }` (values are bound parameters). */
  set?: Readonly<Record<string, unknown>>;
}

/**
 * Moves one row along its state machine: locks the live row (`FOR UPDATE`), checks the action is allowed
 * from its current state (the machine's 409 otherwise, nothing written), then updates the state and
 * `updated_at`. Returns the new state. Run it inside the service's transaction so the rest of the action
 * (a time entry added on approval, an event recorded) commits or rolls back with the state change; called
 * outside one, it opens its own so the lock still holds until the update is written.
 *
 * Concurrent actions on the same row queue on the lock: the second sees the first's result and, when the
 * new state no longer allows its action, gets the 409.
 */
export async function applyTransition<S extends string, A extends string>(
  manager: EntityManager,
  options: ApplyTransitionOptions<S, A>,
): Promise<S> {
  if (!manager.queryRunner?.isTransactionActive) return manager.transaction((inner) => lockAndUpdate(inner, options));
  return lockAndUpdate(manager, options);
}

async function lockAndUpdate<S extends string, A extends string>(
  manager: EntityManager,
  { table, id, workspaceId, machine, action, notFound, idColumn = 'id', stateColumn = 'status', set = {} }: ApplyTransitionOptions<S, A>,
): Promise<S> {
  const tableName = sqlIdentifier(table);
  const idName = sqlIdentifier(idColumn);
  const stateName = sqlIdentifier(stateColumn);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${stateName} AS state FROM ${tableName} WHERE ${idName} = $1 AND workspace_id = $2 AND deleted_at IS NULL FOR UPDATE`,
    [id, workspaceId],
  );
  if (rows.length === 0) throw notFound();
  const to = requireTransition(machine, rows[0].state as S, action);

  const extra = Object.entries(set);
  if (extra.some(([column]) => column === stateColumn || column === 'updated_at')) {
    throw new Error(`applyTransition sets ${stateColumn} and updated_at itself; leave them out of \`set\`.`);
  }
  const assignments = [
    `${stateName} = $3`,
    'updated_at = now()',
    ...extra.map(([column], index) => `${sqlIdentifier(column)} = $${index + 4}`),
  ];
  await manager.query(`UPDATE ${tableName} SET ${assignments.join(', ')} WHERE ${idName} = $1 AND workspace_id = $2`, [
    id,
    workspaceId,
    to,
    ...extra.map(([, value]) => value),
  ]);
  return to;
}

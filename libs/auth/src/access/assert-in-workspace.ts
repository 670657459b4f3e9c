import type { EntityManager } from 'typeorm';
import { invalidReferenceMessage, invalidReferences } from './access.exception';
import { sqlReference } from './sql-fragment';

export interface InWorkspaceOptions {
  /** `projects`, `contracts`, ...; or `workspace_members` with `idColumn: 'user_id'` for people. */
  table: string;
  idColumn?: string;
  /** The request field the ids came from, for the 422 (`project_id`, `users`). */
  field: string;
  /** Rows with `deleted_at` set count as missing (default true). */
  liveOnly?: boolean;
}

/**
 * Ids in a request body must name live rows of the caller's workspace: an unknown or foreign id is a 422 on
 * that field (`field`, or `field.N` for the N-th element of an array), never a silent cross-workspace link.
 * One statement for any number of ids.
 */
export async function assertInWorkspace(
  manager: EntityManager,
  workspaceId: number,
  ids: readonly number[] | number,
  options: InWorkspaceOptions,
): Promise<void> {
  const list = Array.isArray(ids) ? ids : [ids as number];
  if (list.length === 0) return;
  const table = sqlReference(options.table);
  const idColumn = sqlReference(options.idColumn ?? 'id');
  const live = options.liveOnly === false ? '' : ' AND deleted_at IS NULL';
  const rows: { id: number }[] = await manager.query(
    `SELECT ${idColumn} AS id FROM ${table} WHERE ${idColumn} = ANY($1) AND workspace_id = $2${live}`,
    [list, workspaceId],
  );
  const found = new Set(rows.map((row) => row.id));
  const errors: Record<string, string[]> = {};
  list.forEach((id, index) => {
    if (found.has(id)) return;
    const key = Array.isArray(ids) ? `${options.field}.${index}` : options.field;
    errors[key] = [invalidReferenceMessage(options.field)];
  });
  if (Object.keys(errors).length > 0) throw invalidReferences(errors);
}

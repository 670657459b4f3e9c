import { isDatabaseId } from '@app/common';
import type { EntityManager } from 'typeorm';
import { assigneeErrors, invalidAssignees } from './tasks.exception';

/**
 * Who may be assigned to a task (tasks.md: "each user must hold a contract on the project"; roles.md calls such a
 * project "assigned"): a live member of the workspace (active, not blocked, not archived) holding an active,
 * undeleted contract on the task's project. A paused contract or an invited (inactive) member does not count.
 */
const LIVE_MEMBER = `wm.workspace_id = $1 AND wm.status = 'active' AND wm.deleted_at IS NULL AND NOT wm.is_blocked`;
const CONTRACT_ON_PROJECT = `EXISTS (SELECT 1 FROM contracts c WHERE c.user_id = wm.user_id AND c.project_id = $2 AND c.workspace_id = $1
  AND c.status = 'active' AND c.deleted_at IS NULL)`;

/** The `assignees` array as ids: each element a user id, none twice; otherwise a 422 on `assignees.N`. */
export function assigneeIds(raw: unknown[] | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const errors: Record<number, string> = {};
  const seen = new Set<number>();
  raw.forEach((value, index) => {
    if (!isDatabaseId(value)) errors[index] = assigneeErrors.notAnId;
    else if (seen.has(value)) errors[index] = assigneeErrors.duplicate;
    else seen.add(value);
  });
  if (Object.keys(errors).length > 0) throw invalidAssignees(errors);
  return raw as number[];
}

/** Every id must be assignable on the project: one statement, a 422 naming each element that is not. */
export async function assertAssignable(manager: EntityManager, workspaceId: number, projectId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows: { user_id: number }[] = await manager.query(
    `SELECT wm.user_id FROM workspace_members wm WHERE ${LIVE_MEMBER} AND ${CONTRACT_ON_PROJECT} AND wm.user_id = ANY($3)`,
    [workspaceId, projectId, ids],
  );
  const assignable = new Set(rows.map((row) => row.user_id));
  const errors: Record<number, string> = {};
  ids.forEach((id, index) => {
    if (!assignable.has(id)) errors[index] = assigneeErrors.notOnProject;
  });
  if (Object.keys(errors).length > 0) throw invalidAssignees(errors);
}

/** assignTask: `unknown` (no live member of the workspace: 404), `not_on_project` (409) or `assignable`. */
export async function assignability(
  manager: EntityManager,
  workspaceId: number,
  projectId: number,
  userId: number,
): Promise<'unknown' | 'not_on_project' | 'assignable'> {
  const [row] = (await manager.query(
    `SELECT ${CONTRACT_ON_PROJECT} AS on_project FROM workspace_members wm WHERE ${LIVE_MEMBER} AND wm.user_id = $3`,
    [workspaceId, projectId, userId],
  )) as { on_project: boolean }[];
  if (!row) return 'unknown';
  return row.on_project ? 'assignable' : 'not_on_project';
}

/** Replaces the task's assignee set; assignments that stay keep their id. */
export async function replaceAssignees(manager: EntityManager, taskId: number, ids: number[]): Promise<void> {
  await manager.query('DELETE FROM task_assignees WHERE task_id = $1 AND NOT (user_id = ANY($2))', [taskId, ids]);
  if (ids.length === 0) return;
  await manager.query(
    `INSERT INTO task_assignees (task_id, user_id) SELECT $1, id FROM unnest($2::int[]) WITH ORDINALITY AS a(id, n) ORDER BY n
     ON CONFLICT (task_id, user_id) DO NOTHING`,
    [taskId, ids],
  );
}

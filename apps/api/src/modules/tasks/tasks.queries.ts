import { projectScope, Role, ScopeSubject, SqlPredicate } from '@app/auth';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BASE_STATUS_CODES } from './task-codes';

/**
 * One task with its children: the assignees via json_agg and the custom status (only for non-base codes, a
 * project's own code before a workspace one) as per-row subqueries, so a read is one statement.
 */
export const TASK_COLUMNS = [
  't.id AS id',
  't.title AS title',
  't.description AS description',
  't.project_id AS project_id',
  'w.owner_id AS owner_id',
  't.creator_id AS creator_id',
  't.status AS status',
  `CASE WHEN t.status IN (${BASE_STATUS_CODES.join(', ')}) THEN NULL ELSE
     (SELECT json_build_object('name', ts.name, 'color', ts.color) FROM task_statuses ts
       WHERE ts.workspace_id = t.workspace_id AND ts.code = t.status AND (ts.project_id = t.project_id OR ts.project_id IS NULL)
       ORDER BY ts.project_id NULLS LAST LIMIT 1) END AS custom_status`,
  't.priority AS priority',
  't.start_date AS start_date',
  't.end_date AS end_date',
  't.completed_at AS completed_at',
  't.parent_id AS parent_id',
  `(SELECT coalesce(json_agg(json_build_object('id', u.id, 'firstname', u.firstname, 'lastname', u.lastname, 'email', u.email) ORDER BY ta.id), '[]'::json)
      FROM task_assignees ta JOIN users u ON u.id = ta.user_id WHERE ta.task_id = t.id) AS assignees`,
  't.created_at AS created_at',
  't.updated_at AS updated_at',
  't.deleted_at AS deleted_at',
];

export const ASSIGNEE_COLUMNS = ['u.id AS id', 'u.firstname AS firstname', 'u.lastname AS lastname', 'u.email AS email'];

/**
 * The caller's project scope applied to a task alias: the task's project must be live, in the task's workspace
 * and inside roles.md's project scope. Tasks of archived projects are therefore hidden wherever this is used.
 */
export function taskProjectScope(auth: Pick<ScopeSubject, 'role' | 'userId'>, task = 't'): SqlPredicate {
  const scope = projectScope(auth, 'tp');
  return {
    sql: `EXISTS (SELECT 1 FROM projects tp WHERE tp.id = ${task}.project_id AND tp.workspace_id = ${task}.workspace_id
            AND tp.deleted_at IS NULL${scope ? ` AND ${scope.sql}` : ''})`,
    params: scope?.params ?? {},
  };
}

/** Live tasks of the caller's workspace whose project is live and visible to the caller. */
export function visibleTasks(manager: EntityManager, auth: ScopeSubject): SelectQueryBuilder<ObjectLiteral> {
  const scope = taskProjectScope(auth);
  return manager
    .createQueryBuilder()
    .from('tasks', 't')
    .innerJoin('workspaces', 'w', 'w.id = t.workspace_id')
    .where('t.workspace_id = :workspaceId', { workspaceId: auth.workspaceId })
    .andWhere('t.deleted_at IS NULL')
    .andWhere(scope.sql, scope.params);
}

/** Statement names carry the role: one compiled text per role scope. */
export const roleKey = (role: Role): string => role.replace(/\W+/g, '_');

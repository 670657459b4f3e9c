import { Role } from '../role';
import { ScopeSubject } from './scope-subject';
import { namespaced, SqlPredicate, sqlReference } from './sql-fragment';

/**
 * The caller's person scope (roles.md) as a predicate on a user-id column (e.g. `te.user_id`):
 * OW/EM: everyone (null); TM: self and the members of teams the caller manages; PM: self and the members who
 * hold an active contract on a project the caller manages; RU/PV: self. Teams, contracts and projects are
 * those of the caller's workspace only.
 *
 * Usage: `const scope = personScope(auth, 'ts.user_id'); if (scope) query.andWhere(scope.sql, scope.params);`
 */
export function personScope(auth: ScopeSubject, userColumn: string, ns = 'person_scope'): SqlPredicate | null {
  const column = sqlReference(userColumn);
  const param = namespaced(ns);
  const user = `:${param('user_id')}`;
  const workspace = `:${param('workspace_id')}`;
  const params = { [param('user_id')]: auth.userId, [param('workspace_id')]: auth.workspaceId };
  switch (auth.role) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return null;
    case Role.TeamManager:
      return {
        sql: `(${column} = ${user} OR EXISTS (SELECT 1 FROM team_members pe_tm
                JOIN teams pe_t ON pe_t.id = pe_tm.team_id AND pe_t.workspace_id = ${workspace}
                JOIN team_members pe_mgr ON pe_mgr.team_id = pe_t.id AND pe_mgr.user_id = ${user} AND pe_mgr.is_manager
               WHERE pe_tm.user_id = ${column}))`,
        params,
      };
    case Role.ProjectManager:
      return {
        sql: `(${column} = ${user} OR EXISTS (SELECT 1 FROM contracts pe_c
                JOIN project_managers pe_pm ON pe_pm.project_id = pe_c.project_id AND pe_pm.user_id = ${user}
                JOIN projects pe_mp ON pe_mp.id = pe_c.project_id AND pe_mp.workspace_id = ${workspace} AND pe_mp.deleted_at IS NULL
               WHERE pe_c.user_id = ${column} AND pe_c.workspace_id = ${workspace} AND pe_c.status = 'active' AND pe_c.deleted_at IS NULL))`,
        params,
      };
    case Role.RegularUser:
    case Role.ProjectViewer:
      return { sql: `${column} = ${user}`, params };
  }
}

import { Role } from '../role';
import { ScopeSubject } from './scope-subject';
import { namespaced, SqlPredicate, sqlReference } from './sql-fragment';

/**
 * The caller's project scope (roles.md) as a predicate on the projects alias `p`:
 * OW/EM: every project (null: no predicate); PM: managed projects; PV: projects assigned to the viewer;
 * TM: projects on which a member of a team the caller manages holds an active contract; RU: projects with the
 * caller's own active contract. Every join stays inside the project's own workspace, so a team, contract or
 * assignment of another workspace never widens the scope. Inner aliases are prefixed (`ps_`) so they cannot
 * shadow the caller's.
 *
 * Usage: `const scope = projectScope(auth, 'p'); if (scope) query.andWhere(scope.sql, scope.params);`
 */
export function projectScope(auth: Pick<ScopeSubject, 'role' | 'userId'>, alias: string, ns = 'project_scope'): SqlPredicate | null {
  const p = sqlReference(alias);
  const param = namespaced(ns);
  const user = `:${param('user_id')}`;
  const params = { [param('user_id')]: auth.userId };
  const activeContract = `ps_c.project_id = ${p}.id AND ps_c.workspace_id = ${p}.workspace_id AND ps_c.status = 'active' AND ps_c.deleted_at IS NULL`;
  switch (auth.role) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return null;
    case Role.ProjectManager:
      return { sql: `EXISTS (SELECT 1 FROM project_managers ps_pm WHERE ps_pm.project_id = ${p}.id AND ps_pm.user_id = ${user})`, params };
    case Role.ProjectViewer:
      return {
        sql: `EXISTS (SELECT 1 FROM project_viewer_projects ps_pv WHERE ps_pv.project_id = ${p}.id AND ps_pv.user_id = ${user})`,
        params,
      };
    case Role.TeamManager:
      return {
        sql: `EXISTS (SELECT 1 FROM contracts ps_c
                JOIN team_members ps_tm ON ps_tm.user_id = ps_c.user_id
                JOIN teams ps_t ON ps_t.id = ps_tm.team_id AND ps_t.workspace_id = ${p}.workspace_id
                JOIN team_members ps_mgr ON ps_mgr.team_id = ps_t.id AND ps_mgr.user_id = ${user} AND ps_mgr.is_manager
               WHERE ${activeContract})`,
        params,
      };
    case Role.RegularUser:
      return { sql: `EXISTS (SELECT 1 FROM contracts ps_c WHERE ${activeContract} AND ps_c.user_id = ${user})`, params };
  }
}

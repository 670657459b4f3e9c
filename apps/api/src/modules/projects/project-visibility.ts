import { AuthContext, Role } from '@app/auth';

// Every join below stays inside the project's workspace: a contract, team or membership of another
// workspace must never widen what the caller sees here.
const ACTIVE_CONTRACT = `c.project_id = p.id AND c.workspace_id = p.workspace_id AND c.status = 'active' AND c.deleted_at IS NULL`;

/**
 * The caller's project scope (roles.md) as a SQL predicate on alias `p`, bound to `:userId`.
 * OW/EM: every project; PM: managed; PV: assigned to the viewer; TM: projects a member of a
 * managed team holds an active contract on; RU: projects with the caller's own active contract.
 */
export function projectScopePredicate(auth: AuthContext): string | null {
  switch (auth.role) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return null;
    case Role.ProjectManager:
      return 'EXISTS (SELECT 1 FROM project_managers pm WHERE pm.project_id = p.id AND pm.user_id = :userId)';
    case Role.ProjectViewer:
      return 'EXISTS (SELECT 1 FROM project_viewer_projects pv WHERE pv.project_id = p.id AND pv.user_id = :userId)';
    case Role.TeamManager:
      return `EXISTS (SELECT 1 FROM contracts c
                 JOIN team_members tm ON tm.user_id = c.user_id
                 JOIN teams t ON t.id = tm.team_id AND t.workspace_id = p.workspace_id
                 JOIN team_members mgr ON mgr.team_id = t.id AND mgr.user_id = :userId AND mgr.is_manager
                WHERE ${ACTIVE_CONTRACT})`;
    case Role.RegularUser:
      return `EXISTS (SELECT 1 FROM contracts c WHERE ${ACTIVE_CONTRACT} AND c.user_id = :userId)`;
  }
}

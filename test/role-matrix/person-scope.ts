import { Role } from '@app/auth';
import type { CellContext, RecordId, ScopedRecords } from './matrix.types';

/**
 * Members of workspace A inside and outside the caller's person scope (user ids), built from roles.md
 * ("Relations the rules rely on" and the scope table), never from the server's own predicate:
 * - OW, EM: everyone;
 * - TM: self + the members of teams the caller manages;
 * - PM: self + the members holding an active contract on a project the caller manages;
 * - RU, PV: self.
 * The out-of-scope members are near misses: the same relation, but someone else's, paused, in another
 * workspace, or a relation that counts for another role only.
 */
export async function personScope({ f, workspace, caller }: CellContext): Promise<ScopedRecords> {
  const workspaceId = workspace.id;
  const someone = async (role: Role = Role.RegularUser): Promise<number> => (await f.members.create({ workspaceId, role })).userId;
  const common: RecordId[] = [await someone(), await someone(Role.ExecutiveManager), await someone(Role.ProjectViewer)];
  const me = caller.userId;

  switch (caller.liveRole) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return { inScope: [], outOfScope: common };
    case Role.TeamManager: {
      const mate = await someone();
      await f.teams.create({ workspaceId, manager: me, members: [mate] });
      // A team the caller only belongs to, and a team the caller manages in another workspace.
      const otherTeamMate = await someone();
      await f.teams.create({ workspaceId, manager: await someone(Role.TeamManager), members: [me, otherTeamMate] });
      const elsewhere = await f.workspaces.create();
      const crossWorkspaceMate = await someone();
      await f.members.create({ workspaceId: elsewhere.id, role: Role.TeamManager, userId: me });
      await f.members.create({ workspaceId: elsewhere.id, role: Role.RegularUser, userId: crossWorkspaceMate });
      await f.teams.create({ workspaceId: elsewhere.id, manager: me, members: [crossWorkspaceMate] });
      return { inScope: [me, mate], outOfScope: [...common, otherTeamMate, crossWorkspaceMate] };
    }
    case Role.ProjectManager: {
      const managed = await f.projects.create({ workspaceId, manager: me });
      const other = await f.projects.create({ workspaceId });
      const onManaged = await someone();
      await f.contracts.create({ workspaceId, projectId: managed.id, userId: onManaged });
      const paused = await someone();
      await f.contracts.create({ workspaceId, projectId: managed.id, userId: paused, status: 'paused' });
      const onOther = await someone();
      await f.contracts.create({ workspaceId, projectId: other.id, userId: onOther });
      return { inScope: [me, onManaged], outOfScope: [...common, paused, onOther] };
    }
    case Role.RegularUser:
    case Role.ProjectViewer:
      return { inScope: [me], outOfScope: common };
    default:
      // Not live in A (non-member, foreign member, inactive or blocked membership): nobody is in scope.
      return { inScope: [], outOfScope: common };
  }
}

/** Members any administrator may change: every role but Owner and Executive manager (roles.md Owner-only limits). */
export async function administrableMembers({ f, workspace }: CellContext): Promise<ScopedRecords> {
  const ids: RecordId[] = [];
  for (const role of [Role.RegularUser, Role.TeamManager, Role.ProjectManager, Role.ProjectViewer]) {
    ids.push((await f.members.create({ workspaceId: workspace.id, role })).userId);
  }
  return { inScope: [], outOfScope: ids };
}

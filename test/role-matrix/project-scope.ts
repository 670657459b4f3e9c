import { Role } from '@app/auth';
import type { CreateProjectInput } from '../support/factories/projects.factory';
import type { CellContext, RecordId, ScopedRecords } from './matrix.types';

/**
 * Projects of workspace A inside and outside the caller's project scope, built from roles.md
 * ("Relations the rules rely on" and the scope table), never from the server's own predicate:
 * - TM: projects of managed teams: a member of a team (of this workspace) the caller manages holds an active contract;
 * - PM: managed projects (the caller is the project's project manager);
 * - RU: assigned projects (the caller's own active contract);
 * - PV: projects assigned to the viewer (assignProjectToViewer);
 * - OW, EM: every project.
 * The out-of-scope projects are near misses: the same relation, but someone else's, paused, deleted, in
 * another workspace, or a relation that counts for another role only.
 */
export async function projectScope({ f, workspace, caller }: CellContext): Promise<ScopedRecords> {
  const workspaceId = workspace.id;
  const project = async (extra: Omit<CreateProjectInput, 'workspaceId'> = {}): Promise<number> =>
    (await f.projects.create({ workspaceId, ...extra })).id;
  const contractOn = async (userId: number, extra: { status?: 'paused'; deleted?: boolean } = {}): Promise<number> => {
    const id = await project();
    await f.contracts.create({ workspaceId, projectId: id, userId, ...extra });
    return id;
  };
  const someone = async (role: Role): Promise<number> => (await f.members.create({ workspaceId, role })).userId;

  // Relations every caller must be unable to use: nobody's project, and other people's relations.
  const common: RecordId[] = [
    await project(),
    await project({ manager: await someone(Role.ProjectManager) }),
    await project({ viewers: [await someone(Role.ProjectViewer)] }),
    await contractOn(await someone(Role.RegularUser)),
  ];
  const me = caller.userId;

  switch (caller.liveRole) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return { inScope: [], outOfScope: common };
    case Role.ProjectManager:
      return {
        inScope: [await project({ manager: me })],
        // A contract makes a project "assigned", but a PM's project scope is managed projects only.
        outOfScope: [...common, await contractOn(me)],
      };
    case Role.RegularUser:
      return {
        inScope: [await contractOn(me)],
        outOfScope: [...common, await contractOn(me, { status: 'paused' }), await contractOn(me, { deleted: true })],
      };
    case Role.ProjectViewer:
      return { inScope: [await project({ viewers: [me] })], outOfScope: [...common, await contractOn(me)] };
    case Role.TeamManager: {
      const mate = await someone(Role.RegularUser);
      await f.teams.create({ workspaceId, manager: me, members: [mate] });
      // A team the caller is only a member of, and a team the caller manages in another workspace.
      const otherManagersMate = await someone(Role.RegularUser);
      await f.teams.create({ workspaceId, manager: await someone(Role.TeamManager), members: [me, otherManagersMate] });
      const elsewhere = await f.workspaces.create();
      const crossWorkspaceMate = await someone(Role.RegularUser);
      await f.members.create({ workspaceId: elsewhere.id, role: Role.TeamManager, userId: me });
      await f.members.create({ workspaceId: elsewhere.id, role: Role.RegularUser, userId: crossWorkspaceMate });
      await f.teams.create({ workspaceId: elsewhere.id, manager: me, members: [crossWorkspaceMate] });
      return {
        inScope: [await contractOn(mate)],
        outOfScope: [...common, await contractOn(otherManagersMate), await contractOn(crossWorkspaceMate)],
      };
    }
    default:
      // Not live in A (non-member, foreign member, inactive or blocked membership): nothing is in scope.
      return { inScope: [], outOfScope: common };
  }
}

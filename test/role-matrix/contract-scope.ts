import { Role } from '@app/auth';
import type { CellContext, RecordId, ScopedRecords } from './matrix.types';

/**
 * Contracts of workspace A inside and outside the caller's visibility, built from roles.md ("listContracts,
 * getContract" and "Relations the rules rely on"), never from the server's own predicate:
 * - OW, EM: every contract;
 * - TM: the contracts of members of managed teams (of this workspace), plus their own;
 * - PM: the contracts on managed projects, plus their own;
 * - RU: only their own (paused ones included);
 * - PV: the contracts on projects assigned to them.
 * Out-of-scope contracts are near misses: other people's relations, a team the caller only belongs to, a team
 * managed in another workspace, a managed project's member's contract on another project.
 */
export async function contractScope({ f, workspace, caller }: CellContext): Promise<ScopedRecords> {
  const workspaceId = workspace.id;
  const someone = async (role: Role = Role.RegularUser): Promise<number> => (await f.members.create({ workspaceId, role })).userId;
  const project = async (extra: { manager?: number; viewers?: number[] } = {}): Promise<number> =>
    (await f.projects.create({ workspaceId, ...extra })).id;
  const contract = async (userId: number, projectId?: number, extra: { status?: 'paused'; deleted?: boolean } = {}): Promise<number> =>
    (await f.contracts.create({ workspaceId, projectId: projectId ?? (await project()), userId, ...extra })).id;

  const teamMate = await someone();
  await f.teams.create({ workspaceId, manager: await someone(Role.TeamManager), members: [teamMate] });
  const common: RecordId[] = [
    await contract(await someone()),
    await contract(await someone(), await project({ manager: await someone(Role.ProjectManager) })),
    await contract(await someone(), await project({ viewers: [await someone(Role.ProjectViewer)] })),
    await contract(teamMate),
  ];
  const me = caller.userId;

  switch (caller.liveRole) {
    case Role.Owner:
    case Role.ExecutiveManager:
      return { inScope: [], outOfScope: common };
    case Role.ProjectManager: {
      const managed = await project({ manager: me });
      const worker = await someone();
      return {
        inScope: [await contract(me), await contract(worker, managed)],
        // The person scope of a PM would include this worker's other contracts; the contract rule does not.
        outOfScope: [...common, await contract(worker)],
      };
    }
    case Role.RegularUser:
      return {
        inScope: [await contract(me), await contract(me, undefined, { status: 'paused' })],
        outOfScope: common,
      };
    case Role.ProjectViewer: {
      const assigned = await project({ viewers: [me] });
      return { inScope: [await contract(await someone(), assigned)], outOfScope: common };
    }
    case Role.TeamManager: {
      const mate = await someone();
      await f.teams.create({ workspaceId, manager: me, members: [mate] });
      // A team the caller only belongs to, and a team the caller manages in another workspace.
      const otherManagersMate = await someone();
      await f.teams.create({ workspaceId, manager: await someone(Role.TeamManager), members: [me, otherManagersMate] });
      const elsewhere = await f.workspaces.create();
      const crossWorkspaceMate = await someone();
      await f.members.create({ workspaceId: elsewhere.id, role: Role.TeamManager, userId: me });
      await f.members.create({ workspaceId: elsewhere.id, role: Role.RegularUser, userId: crossWorkspaceMate });
      await f.teams.create({ workspaceId: elsewhere.id, manager: me, members: [crossWorkspaceMate] });
      return {
        inScope: [await contract(me), await contract(mate), await contract(mate, undefined, { status: 'paused' })],
        outOfScope: [...common, await contract(otherManagersMate), await contract(crossWorkspaceMate)],
      };
    }
    default:
      // Not live in A (non-member, foreign member, inactive or blocked membership): nothing is in scope.
      return { inScope: [], outOfScope: common };
  }
}

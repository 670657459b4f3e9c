import { Role } from '@app/auth';
import type { MatrixRow } from '../matrix.types';

export const WORKSPACES_ROWS: MatrixRow[] = [
  {
    operationId: 'listWorkspaces',
    method: 'GET',
    path: '/workspaces',
    workspaceScoped: false,
    kind: 'list',
    basis:
      'roles.md: own memberships for every role; workspaces.md: active memberships only, blocked or deleted workspaces hidden; auth.md: read',
    // Every caller also gets a live membership elsewhere, so "own" is never an empty list, and near misses:
    // a workspace without the caller, a `left` membership, an active membership in a blocked and in a deleted workspace.
    records: async ({ f, workspace, caller }) => {
      const membership = async (input: { blocked?: boolean; deleted?: boolean; status?: 'left' } = {}): Promise<number> => {
        const { status, ...state } = input;
        const other = await f.workspaces.create(state);
        await f.members.create({ workspaceId: other.id, role: Role.RegularUser, userId: caller.userId, status });
        return other.id;
      };
      const mine = await membership();
      const notLiveInA = caller.liveWorkspaceIds.includes(workspace.id) ? [] : [workspace.id];
      return {
        inScope: [...caller.liveWorkspaceIds, mine],
        outOfScope: [
          (await f.workspaces.create()).id,
          await membership({ status: 'left' }),
          await membership({ blocked: true }),
          await membership({ deleted: true }),
          ...notLiveInA,
        ],
      };
    },
    listedIds: ({ data }) => (data as { id: number }[]).map((row) => row.id),
    expect: {
      Owner: '200 own',
      'Executive manager': '200 own',
      'Team manager': '200 own',
      'Project manager': '200 own',
      'Regular User': '200 own',
      'Project viewer': '200 own',
      'non-member': '200 own',
      'foreign member': '200 own',
      'inactive member': '200 own',
      'blocked member': '200 own',
      'read-only token': '200 own',
      'OAuth token': '200 own',
    },
  },
];

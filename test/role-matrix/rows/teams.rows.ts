import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, RecordId, ScopedRecords } from '../matrix.types';

/**
 * The teams extension (README "Teams (extension)"): roles.md says teams are workspace data the published API does not
 * expose, and its rule for writes the docs are silent on is OW and EM; reads of this administration data are OW and EM
 * too (decision, README). Reads need `read`, writes `write`. Another workspace's team is 404 (conventions.md).
 */
const BASIS = 'README Teams (extension): OW, EM only (roles.md rule 3); read for reads, write for writes; conventions.md: foreign id 404';

const outcomes = (scopeRefusal: Outcome, success: Outcome = '200 all'): Record<CallerKey, Outcome> => ({
  Owner: success,
  'Executive manager': success,
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': scopeRefusal,
  'OAuth token': success,
});

/** The member each cell adds or removes, by workspace A's id. */
const cellPerson = new Map<number, number>();

/** Two teams of workspace A; with `person`, that member (or manager) is in both and the record is `teamId,userId`. */
async function teams(ctx: CellContext, person?: 'member' | 'manager'): Promise<ScopedRecords> {
  const { f, workspace } = ctx;
  const userId = (await f.members.create({ workspaceId: workspace.id, role: Role.TeamManager })).userId;
  cellPerson.set(workspace.id, userId);
  const ids: RecordId[] = [];
  for (let i = 0; i < 2; i++) {
    const team = await f.teams.create({
      workspaceId: workspace.id,
      ...(person === 'manager' ? { manager: userId } : person === 'member' ? { members: [userId] } : {}),
    });
    ids.push(person ? `${team.id},${userId}` : team.id);
  }
  return { inScope: [], outOfScope: ids };
}

const teamIdOf = (id: RecordId): number => Number(String(id).split(',')[0]);

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const code = responses.byRecord.get(id)?.status ?? 0;
  return code >= 200 && code < 300;
};

const inTeam = async ({ dataSource, workspace }: CellContext, id: RecordId, asManager: boolean): Promise<boolean> =>
  (
    (await dataSource.query('SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2 AND is_manager = $3', [
      teamIdOf(id),
      cellPerson.get(workspace.id),
      asManager,
    ])) as unknown[]
  ).length === 1;

const teamName = async ({ dataSource }: CellContext, id: RecordId): Promise<string | undefined> =>
  ((await dataSource.query('SELECT name FROM teams WHERE id = $1', [teamIdOf(id)])) as { name: string }[])[0]?.name;

const createdName = ({ caller }: CellContext): string => `Team by ${caller.key} ${caller.userId}`;
const RENAMED = 'Renamed by the role matrix';

const membership =
  (asManager: boolean, added: boolean) =>
  async (ctx: CellContext, responses: CellResponses): Promise<void> => {
    for (const id of responses.byRecord.keys()) expect(await inTeam(ctx, id, asManager)).toBe(added === succeeded(responses, id));
  };

export const TEAMS_ROWS: MatrixRow[] = [
  {
    operationId: 'listTeams',
    method: 'GET',
    path: '/teams',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: BASIS,
    records: (ctx) => teams(ctx),
    listedIds: ({ data }) => (data as { id: number }[]).map((team) => team.id),
    expect: { ...outcomes('200 all'), 'foreign member': '200 none' },
  },
  {
    operationId: 'getTeam',
    method: 'GET',
    path: '/teams/{teamId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx),
    expect: outcomes('200 all'),
  },
  {
    operationId: 'createTeam',
    method: 'POST',
    path: '/teams',
    workspaceScoped: true,
    kind: 'create',
    basis: BASIS,
    body: (ctx) => ({ name: createdName(ctx) }),
    // The foreign member is the Owner of the workspace they name, so they create there.
    expect: { ...outcomes('403 scope', '201'), 'foreign member': '201' },
    verify: async (ctx, { response }) => {
      const rows = (await ctx.dataSource.query('SELECT workspace_id FROM teams WHERE name = $1', [createdName(ctx)])) as unknown[];
      expect(rows).toEqual(response?.status === 201 ? [{ workspace_id: ctx.caller.workspaceId }] : []);
    },
  },
  {
    operationId: 'updateTeam',
    method: 'PUT',
    path: '/teams/{teamId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    // Two teams of one workspace cannot share a name: each record gets its own.
    records: (ctx) => teams(ctx),
    body: () => ({ name: `${RENAMED} ${Math.random()}` }),
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect((await teamName(ctx, id))?.startsWith(RENAMED)).toBe(succeeded(responses, id));
    },
  },
  {
    operationId: 'deleteTeam',
    method: 'DELETE',
    path: '/teams/{teamId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx),
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect((await teamName(ctx, id)) === undefined).toBe(succeeded(responses, id));
    },
  },
  {
    operationId: 'addTeamMember',
    method: 'POST',
    path: '/teams/{teamId}/members',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx),
    body: ({ workspace }) => ({ user_id: cellPerson.get(workspace.id) }),
    expect: outcomes('403 scope'),
    verify: membership(false, true),
  },
  {
    operationId: 'removeTeamMember',
    method: 'DELETE',
    path: '/teams/{teamId}/members/{userId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx, 'member'),
    expect: outcomes('403 scope'),
    verify: membership(false, false),
  },
  {
    operationId: 'addTeamManager',
    method: 'POST',
    path: '/teams/{teamId}/managers',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx),
    body: ({ workspace }) => ({ user_id: cellPerson.get(workspace.id) }),
    expect: outcomes('403 scope'),
    verify: membership(true, true),
  },
  {
    operationId: 'removeTeamManager',
    method: 'DELETE',
    path: '/teams/{teamId}/managers/{userId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: (ctx) => teams(ctx, 'manager'),
    expect: outcomes('403 scope'),
    verify: membership(true, false),
  },
];

import { expect } from '@jest/globals';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, ScopedRecords } from '../matrix.types';

/**
 * roles.md "project viewers: all other operations": OW, EM ✓; TM, PM, RU, PV ✗ (403, also for a viewer's own
 * record). Scopes (project-viewers.md): list and get `read`, archive and restore `admin`, assign and unassign `write`.
 * There is no narrower scope: OW and EM see every viewer of the workspace, so all records are "out of scope" near
 * misses that they must see anyway. Another workspace's viewer is 404 (conventions.md).
 */
const BASIS = 'roles.md project viewers: all other operations OW, EM; project-viewers.md scopes; conventions.md: foreign id 404';

const outcomes = (scopeRefusal: Outcome): Record<CallerKey, Outcome> => ({
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': scopeRefusal,
  'OAuth token': '200 all',
});

/** The project each cell's assign/unassign body names, by workspace A's id. */
const cellProject = new Map<number, number>();

async function viewers(ctx: CellContext, options: { status?: 'left'; assigned?: boolean } = {}): Promise<ScopedRecords> {
  const { f, workspace } = ctx;
  const project = await f.projects.create({ workspaceId: workspace.id });
  cellProject.set(workspace.id, project.id);
  const projects = options.assigned ? [project.id] : [];
  const ids = [];
  for (let i = 0; i < 2; i++) ids.push((await f.viewers.create({ workspaceId: workspace.id, status: options.status, projects })).userId);
  return { inScope: [], outOfScope: ids };
}

const status = async ({ dataSource, workspace }: CellContext, userId: unknown): Promise<string> =>
  (
    (await dataSource.query('SELECT status FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [workspace.id, userId])) as {
      status: string;
    }[]
  )[0].status;

const assigned = async ({ dataSource, workspace }: CellContext, userId: unknown): Promise<boolean> =>
  (
    (await dataSource.query('SELECT 1 FROM project_viewer_projects WHERE project_id = $1 AND user_id = $2', [
      cellProject.get(workspace.id),
      userId,
    ])) as unknown[]
  ).length === 1;

const succeeded = (responses: CellResponses, id: unknown): boolean => {
  const code = responses.byRecord.get(id as number)?.status ?? 0;
  return code >= 200 && code < 300;
};

const projectBody = ({ workspace }: CellContext): object => ({ project_id: cellProject.get(workspace.id) });

export const PROJECT_VIEWERS_ROWS: MatrixRow[] = [
  {
    operationId: 'listProjectViewers',
    method: 'GET',
    path: '/project-viewers',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: `${BASIS}; read`,
    records: (ctx) => viewers(ctx),
    listedIds: ({ data }) => (data as { id: number }[]).map((viewer) => viewer.id),
    // The foreign member lists their own workspace: none of A's viewers.
    expect: { ...outcomes('200 all'), 'foreign member': '200 none' },
  },
  {
    operationId: 'getProjectViewer',
    method: 'GET',
    path: '/project-viewers/{viewerId}',
    workspaceScoped: true,
    kind: 'record',
    basis: `${BASIS}; read`,
    records: (ctx) => viewers(ctx),
    expect: outcomes('200 all'),
  },
  {
    operationId: 'archiveProjectViewer',
    method: 'DELETE',
    path: '/project-viewers/{viewerId}',
    workspaceScoped: true,
    kind: 'record',
    basis: `${BASIS}; admin`,
    records: (ctx) => viewers(ctx),
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect(await status(ctx, id)).toBe(succeeded(responses, id) ? 'left' : 'active');
    },
  },
  {
    operationId: 'restoreProjectViewer',
    method: 'POST',
    path: '/project-viewers/{viewerId}/restore',
    workspaceScoped: true,
    kind: 'record',
    basis: `${BASIS}; admin`,
    records: (ctx) => viewers(ctx, { status: 'left' }),
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect(await status(ctx, id)).toBe(succeeded(responses, id) ? 'active' : 'left');
    },
  },
  {
    operationId: 'assignProjectToViewer',
    method: 'POST',
    path: '/project-viewers/{viewerId}/assign-project',
    workspaceScoped: true,
    kind: 'record',
    basis: `${BASIS}; write`,
    records: (ctx) => viewers(ctx),
    body: projectBody,
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect(await assigned(ctx, id)).toBe(succeeded(responses, id));
    },
  },
  {
    operationId: 'unassignProjectFromViewer',
    method: 'DELETE',
    path: '/project-viewers/{viewerId}/unassign-project',
    workspaceScoped: true,
    kind: 'record',
    basis: `${BASIS}; write`,
    records: (ctx) => viewers(ctx, { assigned: true }),
    body: projectBody,
    expect: outcomes('403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect(await assigned(ctx, id)).toBe(!succeeded(responses, id));
    },
  },
];

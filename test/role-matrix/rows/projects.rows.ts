import { expect } from '@jest/globals';
import type { CellContext, CellResponses, MatrixRow, RecordId } from '../matrix.types';
import { projectScope } from '../project-scope';

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const projectColumn = async ({ dataSource }: CellContext, id: RecordId, column: 'name' | 'deleted_at'): Promise<unknown> => {
  const rows: Record<string, unknown>[] = await dataSource.query(`SELECT ${column} FROM projects WHERE id = $1`, [id]);
  return rows[0]?.[column];
};

const createdName = ({ caller }: CellContext): string => `Created by ${caller.key} ${caller.userId}`;
const RENAMED = 'Renamed by the role matrix';

/** roles.md "listProjects, getProject": OW, EM ✓; TM, PM, RU, PV project scope. Outside the scope is 404 (conventions.md). */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 scope',
  'Project viewer': '200 scope',
  'non-member': '403 member',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "createProject, updateProject", "archiveProject": OW, EM ✓, everyone else ✗ (403, even on records in scope). */
const WRITE = {
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
  'read-only token': '403 scope',
  'OAuth token': '200 all',
} as const;

export const PROJECTS_ROWS: MatrixRow[] = [
  {
    operationId: 'listProjects',
    method: 'GET',
    path: '/projects',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listProjects (project scope); projects.md; auth.md: read',
    records: projectScope,
    listedIds: ({ data }) => (data as { id: number }[]).map((project) => project.id),
    // The foreign member lists their own workspace: none of A's projects.
    expect: { ...READ, 'foreign member': '200 none' },
  },
  {
    operationId: 'getProject',
    method: 'GET',
    path: '/projects/{projectId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getProject (project scope; outside it 404); conventions.md: another workspace’s id is 404; auth.md: read',
    records: projectScope,
    expect: { ...READ, 'foreign member': '404' },
  },
  {
    operationId: 'createProject',
    method: 'POST',
    path: '/projects',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createProject: OW, EM; auth.md: write',
    body: (ctx) => ({ name: createdName(ctx) }),
    // The foreign member is the Owner of the workspace they name, so they create there.
    expect: { ...WRITE, Owner: '201', 'Executive manager': '201', 'foreign member': '201', 'OAuth token': '201' },
    verify: async (ctx, { response }) => {
      const rows: { workspace_id: number }[] = await ctx.dataSource.query('SELECT workspace_id FROM projects WHERE name = $1', [
        createdName(ctx),
      ]);
      expect(rows).toEqual(response?.status === 201 ? [{ workspace_id: ctx.caller.workspaceId }] : []);
    },
  },
  {
    operationId: 'updateProject',
    method: 'PUT',
    path: '/projects/{projectId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md updateProject: OW, EM; conventions.md: role 403 before 404; auth.md: write',
    records: projectScope,
    body: () => ({ name: RENAMED }),
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const name = await projectColumn(ctx, id, 'name');
        if (succeeded(responses, id)) expect(name).toBe(RENAMED);
        else expect(name).not.toBe(RENAMED);
      }
    },
  },
  {
    operationId: 'archiveProject',
    method: 'DELETE',
    path: '/projects/{projectId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md archiveProject: OW, EM; auth.md: write',
    records: projectScope,
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const deletedAt = await projectColumn(ctx, id, 'deleted_at');
        if (succeeded(responses, id)) expect(deletedAt).toBeInstanceOf(Date);
        else expect(deletedAt).toBeNull();
      }
    },
  },
];

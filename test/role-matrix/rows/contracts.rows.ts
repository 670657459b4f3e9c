import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import { contractScope } from '../contract-scope';
import type { CellContext, CellResponses, MatrixRow, RecordId } from '../matrix.types';

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const deletedAtOf = async ({ dataSource }: CellContext, id: RecordId): Promise<unknown> => {
  const rows: { deleted_at: Date | null }[] = await dataSource.query('SELECT deleted_at FROM contracts WHERE id = $1', [id]);
  return rows[0]?.deleted_at;
};

/** createContract's project and member in workspace A, made by `records` before `body` runs. */
const createTargets = new WeakMap<CellContext, { projectId: number; userId: number }>();

/** roles.md "listContracts, getContract": OW, EM ✓; TM managed teams + own; PM managed projects + own; RU own; PV assigned projects. */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 own',
  'Project viewer': '200 scope',
  'non-member': '403 member',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "createContract, updateContract, deleteContract": OW, EM ✓, everyone else ✗ (403, even on records in scope). */
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

export const CONTRACTS_ROWS: MatrixRow[] = [
  {
    operationId: 'listContracts',
    method: 'GET',
    path: '/contracts',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listContracts; contracts.md; auth.md: read',
    records: contractScope,
    listedIds: ({ data }) => (data as { id: number }[]).map((contract) => contract.id),
    // The foreign member lists their own workspace: none of A's contracts.
    expect: { ...READ, 'foreign member': '200 none' },
  },
  {
    operationId: 'createContract',
    method: 'POST',
    path: '/contracts',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createContract: OW, EM; conventions.md: another workspace’s project is 404; auth.md: write',
    records: async (ctx) => {
      const projectId = (await ctx.f.projects.create({ workspaceId: ctx.workspace.id })).id;
      const { userId } = await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser });
      createTargets.set(ctx, { projectId, userId });
      return { inScope: [], outOfScope: [] };
    },
    body: (ctx) => ({ project_id: createTargets.get(ctx)?.projectId, user_id: createTargets.get(ctx)?.userId }),
    // The foreign member names their own workspace, where A's project does not exist.
    expect: { ...WRITE, Owner: '201', 'Executive manager': '201', 'OAuth token': '201' },
    verify: async (ctx, { response }) => {
      const target = createTargets.get(ctx);
      const rows: unknown[] = await ctx.dataSource.query('SELECT id FROM contracts WHERE project_id = $1 AND user_id = $2', [
        target?.projectId,
        target?.userId,
      ]);
      expect(rows).toHaveLength(response?.status === 201 ? 1 : 0);
    },
  },
  {
    operationId: 'getContract',
    method: 'GET',
    path: '/contracts/{contractId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getContract (as the list; outside it 404); conventions.md: another workspace’s id is 404; auth.md: read',
    records: contractScope,
    expect: { ...READ, 'foreign member': '404' },
  },
  {
    operationId: 'updateContract',
    method: 'PUT',
    path: '/contracts/{contractId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md updateContract: OW, EM; conventions.md: role 403 before 404; auth.md: write',
    records: contractScope,
    body: () => ({ weekly_hours_limit: 7 }),
    expect: WRITE,
    verify: async ({ dataSource }, responses) => {
      for (const id of responses.byRecord.keys()) {
        const [row] = (await dataSource.query('SELECT weekly_hours_limit FROM contracts WHERE id = $1', [id])) as {
          weekly_hours_limit: number;
        }[];
        if (succeeded(responses, id)) expect(row.weekly_hours_limit).toBe(7);
        else expect(row.weekly_hours_limit).not.toBe(7);
      }
    },
  },
  {
    operationId: 'deleteContract',
    method: 'DELETE',
    path: '/contracts/{contractId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md deleteContract: OW, EM; auth.md: write',
    records: contractScope,
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const deletedAt = await deletedAtOf(ctx, id);
        if (succeeded(responses, id)) expect(deletedAt).toBeInstanceOf(Date);
        else expect(deletedAt).toBeNull();
      }
    },
  },
];

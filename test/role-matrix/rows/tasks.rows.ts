import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import type { CellContext, CellResponses, MatrixRow, RecordId, RequestParts, ScopedRecords } from '../matrix.types';
import { projectScope } from '../project-scope';

/**
 * Tasks live in projects, so every row's records come from the project scope of roles.md (project-scope.ts):
 * listTasks and createTask act on those projects, the other rows on one task in each of them. The task's project
 * travels as `project_id` (query for reads, body for writes), as tasks.md documents.
 */

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const query = async <T>({ dataSource }: CellContext, sql: string, params: unknown[]): Promise<T[]> =>
  (await dataSource.query(sql, params)) as T[];

/** A live member of workspace A with an active contract on the project: assignable there (tasks.md). */
async function assignableOn(ctx: CellContext, projectId: number): Promise<number> {
  const member = await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser });
  await ctx.f.contracts.create({ workspaceId: ctx.workspace.id, projectId, userId: member.userId });
  return member.userId;
}

/** One task in each project of the caller's project scope and of the near misses; `assigned` gives each an assignee. */
const taskScope =
  ({ assigned = false } = {}) =>
  async (ctx: CellContext): Promise<ScopedRecords> => {
    const projects = await projectScope(ctx);
    const taskIn = async (projectId: RecordId): Promise<number> => {
      const task = await ctx.f.tasks.create({ workspaceId: ctx.workspace.id, projectId: Number(projectId) });
      if (assigned) await ctx.f.tasks.assign(task.id, await assignableOn(ctx, task.projectId));
      return task.id;
    };
    const inScope: RecordId[] = [];
    for (const id of projects.inScope) inScope.push(await taskIn(id));
    const outOfScope: RecordId[] = [];
    for (const id of projects.outOfScope) outOfScope.push(await taskIn(id));
    return { inScope, outOfScope };
  };

const projectOf = async (ctx: CellContext, taskId: RecordId): Promise<number> =>
  (await query<{ project_id: number }>(ctx, 'SELECT project_id FROM tasks WHERE id = $1', [taskId]))[0].project_id;

/** Reads: the record id in the path, its project in the query. */
const readTask =
  (suffix = '') =>
  async (ctx: CellContext, taskId: RecordId): Promise<RequestParts> => ({
    path: `/tasks/${taskId}${suffix}`,
    query: `project_id=${await projectOf(ctx, taskId)}`,
  });

/** Writes: the record id in the path, its project (and extra fields) in the body. */
const writeTask =
  (body: object = {}) =>
  async (ctx: CellContext, taskId: RecordId): Promise<RequestParts> => ({
    path: `/tasks/${taskId}`,
    body: { project_id: await projectOf(ctx, taskId), ...body },
  });

const createdTitle = ({ caller }: CellContext): string => `Task by ${caller.key} ${caller.userId}`;
const RENAMED = 'Renamed by the role matrix';

/** roles.md "listTasks, getTask, listTaskAssignees": OW, EM ✓; TM, PM, RU, PV project scope (outside it 404). */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 scope',
  'Project viewer': '200 scope',
  'non-member': '403 member',
  // Owner of workspace B naming A's project or task: not in B, so 404 (conventions.md).
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "createTask", "updateTask, deleteTask, assignTask, unassignTask": OW, EM ✓; TM, PM project scope; RU, PV ✗. */
const WRITE = {
  ...READ,
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'read-only token': '403 scope',
} as const;

const CREATE = {
  ...WRITE,
  Owner: '201 all',
  'Executive manager': '201 all',
  'Team manager': '201 scope',
  'Project manager': '201 scope',
  'OAuth token': '201 all',
} as const;

export const TASKS_ROWS: MatrixRow[] = [
  {
    operationId: 'listTasks',
    method: 'GET',
    path: '/tasks',
    workspaceScoped: true,
    // One list per project (project_id is required): a project outside the scope answers 404 (tasks.md).
    kind: 'record',
    basis: 'roles.md listTasks (project scope); tasks.md: a project outside the scope is 404; auth.md: read',
    records: projectScope,
    request: async (ctx, projectId) => {
      await ctx.f.tasks.create({ workspaceId: ctx.workspace.id, projectId: Number(projectId) });
      return { path: '/tasks', query: `project_id=${projectId}` };
    },
    expect: READ,
    verify: async (_ctx, responses) => {
      for (const [projectId, response] of responses.byRecord) {
        if (response.status !== 200) continue;
        const listed = (response.body as { data: { project_id: number }[] }).data;
        expect(listed.length).toBeGreaterThan(0);
        expect(listed.every((task) => task.project_id === Number(projectId))).toBe(true);
      }
    },
  },
  {
    operationId: 'createTask',
    method: 'POST',
    path: '/tasks',
    workspaceScoped: true,
    // One create per project: PM and TM may create only inside their project scope (roles.md).
    kind: 'record',
    basis: 'roles.md createTask: OW, EM; TM, PM within project scope; auth.md: write',
    records: projectScope,
    request: async (ctx, projectId) => ({ path: '/tasks', body: { project_id: projectId, title: createdTitle(ctx) } }),
    expect: CREATE,
    verify: async (ctx, responses) => {
      for (const projectId of responses.byRecord.keys()) {
        const rows = await query(ctx, 'SELECT id FROM tasks WHERE project_id = $1 AND title = $2', [projectId, createdTitle(ctx)]);
        expect(rows).toHaveLength(succeeded(responses, projectId) ? 1 : 0);
      }
    },
  },
  {
    operationId: 'getTask',
    method: 'GET',
    path: '/tasks/{taskId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getTask (project scope; outside it 404); auth.md: read',
    records: taskScope(),
    request: readTask(),
    expect: READ,
  },
  {
    operationId: 'updateTask',
    method: 'PUT',
    path: '/tasks/{taskId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md updateTask: OW, EM; TM, PM within project scope; RU, PV ✗; auth.md: write',
    records: taskScope(),
    request: writeTask({ title: RENAMED }),
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const [row] = await query<{ title: string }>(ctx, 'SELECT title FROM tasks WHERE id = $1', [id]);
        if (succeeded(responses, id)) expect(row.title).toBe(RENAMED);
        else expect(row.title).not.toBe(RENAMED);
      }
    },
  },
  {
    operationId: 'deleteTask',
    method: 'DELETE',
    path: '/tasks/{taskId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md deleteTask: OW, EM; TM, PM within project scope; RU, PV ✗; auth.md: write',
    records: taskScope(),
    request: writeTask(),
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const [row] = await query<{ deleted_at: Date | null }>(ctx, 'SELECT deleted_at FROM tasks WHERE id = $1', [id]);
        if (succeeded(responses, id)) expect(row.deleted_at).toBeInstanceOf(Date);
        else expect(row.deleted_at).toBeNull();
      }
    },
  },
  {
    operationId: 'assignTask',
    method: 'POST',
    path: '/tasks/{taskId}/assign/{userId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md assignTask: OW, EM; TM, PM within project scope; RU, PV ✗; auth.md: write',
    records: taskScope(),
    request: async (ctx, taskId) => {
      const projectId = await projectOf(ctx, taskId);
      const userId = await assignableOn(ctx, projectId);
      return { path: `/tasks/${taskId}/assign/${userId}`, body: { project_id: projectId } };
    },
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const rows = await query(ctx, 'SELECT id FROM task_assignees WHERE task_id = $1', [id]);
        expect(rows).toHaveLength(succeeded(responses, id) ? 1 : 0);
      }
    },
  },
  {
    operationId: 'unassignTask',
    method: 'DELETE',
    path: '/tasks/{taskId}/unassign/{userId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md unassignTask: OW, EM; TM, PM within project scope; RU, PV ✗; auth.md: write',
    records: taskScope({ assigned: true }),
    request: async (ctx, taskId) => {
      const [assignee] = await query<{ user_id: number }>(ctx, 'SELECT user_id FROM task_assignees WHERE task_id = $1', [taskId]);
      return { path: `/tasks/${taskId}/unassign/${assignee.user_id}`, body: { project_id: await projectOf(ctx, taskId) } };
    },
    expect: WRITE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const rows = await query(ctx, 'SELECT id FROM task_assignees WHERE task_id = $1', [id]);
        expect(rows).toHaveLength(succeeded(responses, id) ? 0 : 1);
      }
    },
  },
  {
    operationId: 'listTaskAssignees',
    method: 'GET',
    path: '/tasks/{taskId}/assignees',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md listTaskAssignees (project scope; outside it 404); auth.md: read',
    records: taskScope({ assigned: true }),
    request: readTask('/assignees'),
    expect: READ,
    verify: async (_ctx, responses) => {
      for (const response of responses.byRecord.values()) {
        if (response.status === 200) expect((response.body as { data: unknown[] }).data).toHaveLength(1);
      }
    },
  },
];

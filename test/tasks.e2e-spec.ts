import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import type { Project } from '../apps/api/src/modules/projects/project.entity';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';
import type { CreateTaskInput } from './support/factories/tasks.factory';
import { createTestApp, TestApp } from './support/test-app';

const TASK_FIELDS = [
  'id',
  'title',
  'description',
  'project_id',
  'owner_id',
  'creator_id',
  'status',
  'status_name',
  'status_color',
  'priority',
  'priority_name',
  'start_date',
  'end_date',
  'completed_at',
  'parent_id',
  'assignees',
  'created_at',
  'updated_at',
  'deleted_at',
];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('Tasks (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;
  let project: Project;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
    project = await t.factories.projects.create({ workspaceId: ws.id });
  });
  afterAll(async () => t.close());

  const tasksPath = (suffix = '', query = ''): string => `/api/v2/tasks${suffix}?workspace_id=${ws.id}${query}`;
  const taskPath = (taskId: number, projectId: number = project.id, suffix = ''): string =>
    tasksPath(`/${taskId}${suffix}`, `&project_id=${projectId}`);
  const listOf = (projectId: number, query = ''): string => tasksPath('', `&project_id=${projectId}${query}`);

  /** A live member with an active contract on `projectId` (assignable there). */
  const worker = async (projectId: number = project.id, role: Role = Role.RegularUser): Promise<TestMember> => {
    const member = await t.factories.members.create({ workspaceId: ws.id, role });
    await t.factories.contracts.create({ workspaceId: ws.id, projectId, userId: member.userId });
    return member;
  };
  const newProject = (extra: { archived?: boolean; manager?: number } = {}): Promise<Project> =>
    t.factories.projects.create({ workspaceId: ws.id, ...extra });
  const newTask = (projectId: number = project.id, extra: Omit<CreateTaskInput, 'workspaceId' | 'projectId'> = {}) =>
    t.factories.tasks.create({ workspaceId: ws.id, projectId, ...extra });
  const taskCount = async (projectId: number): Promise<number> => {
    const [row] = (await t.dataSource.query('SELECT count(*)::int AS n FROM tasks WHERE project_id = $1', [projectId])) as { n: number }[];
    return row.n;
  };
  const eventsOf = async (taskId: number): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    (await t.dataSource.query(
      `SELECT type, payload FROM outbox_events WHERE type LIKE 'task.%' AND (payload->>'id')::int = $1 ORDER BY id`,
      [taskId],
    )) as { type: string; payload: Record<string, unknown> }[];

  describe('POST /tasks (createTask)', () => {
    it('creates a task with assignees and returns the documented Task with 201', async () => {
      const [john, jane] = [await worker(), await worker()];
      const em = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
      const res = await http
        .post(tasksPath(), em.token)
        .send({
          project_id: project.id,
          title: '  Implement user authentication ',
          description: 'Add OAuth2 authentication support',
          priority: 30,
          start_date: '2024-01-15',
          end_date: '2024-01-30',
          assignees: [jane.userId, john.userId],
        })
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Task created successfully',
        data: {
          title: 'Implement user authentication',
          description: 'Add OAuth2 authentication support',
          project_id: project.id,
          owner_id: ws.owner.userId,
          creator_id: em.userId,
          status: 0,
          status_name: 'Open',
          status_color: '#9E9E9E',
          priority: 30,
          priority_name: 'Normal',
          start_date: '2024-01-15',
          end_date: '2024-01-30',
          completed_at: null,
          parent_id: null,
          assignees: [
            { id: jane.userId, firstname: 'Test', lastname: 'User', email: expect.stringContaining('@example.com') },
            { id: john.userId, firstname: 'Test', lastname: 'User', email: expect.stringContaining('@example.com') },
          ],
          deleted_at: null,
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(TASK_FIELDS);
      expect(Object.keys(res.body.data.assignees[0])).toEqual(['id', 'firstname', 'lastname', 'email']);
      expect(res.body.data.created_at).toMatch(TIMESTAMP);
      expect(res.body.data.updated_at).toMatch(TIMESTAMP);
    });

    it('defaults to status 0 and a null priority, and sets completed_at for a finished status', async () => {
      const plain = await http.post(tasksPath(), ws.owner.token).send({ project_id: project.id, title: 'Plain' }).expect(201);
      expect(plain.body.data).toMatchObject({ status: 0, priority: null, priority_name: null, description: null, assignees: [] });
      const done = await http.post(tasksPath(), ws.owner.token).send({ project_id: project.id, title: 'Done', status: 20 }).expect(201);
      expect(done.body.data).toMatchObject({ status: 20, status_name: 'Done' });
      expect(done.body.data.completed_at).toMatch(TIMESTAMP);
      const closed = await http.post(tasksPath(), ws.owner.token).send({ project_id: project.id, title: 'Closed', status: 30 }).expect(201);
      expect(closed.body.data).toMatchObject({ status_name: 'Closed' });
      expect(closed.body.data.completed_at).toMatch(TIMESTAMP);
    });

    it('creates a subtask of a task in the same project', async () => {
      const parent = await newTask();
      const res = await http
        .post(tasksPath(), ws.owner.token)
        .send({ project_id: project.id, title: 'Sub', parent_id: parent.id })
        .expect(201);
      expect(res.body.data.parent_id).toBe(parent.id);
    });

    it('accepts workspace_id in the body and form-encoded bodies', async () => {
      await http.post('/api/v2/tasks', ws.owner.token).send({ workspace_id: ws.id, project_id: project.id, title: 'Body' }).expect(201);
      const form = await http
        .post(tasksPath(), ws.owner.token)
        .type('form')
        .send(`project_id=${project.id}&title=Form+task&status=10&priority=10`)
        .expect(201);
      expect(form.body.data).toMatchObject({
        title: 'Form task',
        status: 10,
        status_name: 'In Progress',
        priority: 10,
        priority_name: 'Urgent',
      });
    });

    it('lets a Project manager create in a managed project and answers 404 elsewhere', async () => {
      const pm = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectManager });
      const managed = await newProject({ manager: pm.userId });
      await http.post(tasksPath(), pm.token).send({ project_id: managed.id, title: 'Mine' }).expect(201);
      const res = await http.post(tasksPath(), pm.token).send({ project_id: project.id, title: 'Not mine' }).expect(404);
      expect(res.body).toMatchObject({ success: false, message: 'Project not found.', error: 'Not Found' });
    });

    it.each([
      [{}, 'title'],
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(256) }, 'title'],
      [{ title: 42 }, 'title'],
      [{ title: 'A', description: null }, 'description'],
      [{ title: 'A', status: 1 }, 'status'],
      [{ title: 'A', status: 40 }, 'status'],
      [{ title: 'A', status: 'open' }, 'status'],
      [{ title: 'A', status: null }, 'status'],
      [{ title: 'A', priority: 15 }, 'priority'],
      [{ title: 'A', priority: 'high' }, 'priority'],
      [{ title: 'A', start_date: '2024-02-30' }, 'start_date'],
      [{ title: 'A', start_date: '2024-02-01', end_date: '2024-01-31' }, 'end_date'],
      [{ title: 'A', parent_id: 0 }, 'parent_id'],
      [{ title: 'A', assignees: 'all' }, 'assignees'],
      [{ title: 'A', assignees: [1, 'x'] }, 'assignees.1'],
      [{ title: 'A', assignees: [1, 1] }, 'assignees.1'],
    ])('rejects %j with 422 on %s and creates nothing', async (body, field) => {
      const before = await taskCount(project.id);
      const res = await http
        .post(tasksPath(), ws.owner.token)
        .send({ project_id: project.id, ...body })
        .expect(422);
      expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
      expect(res.body.errors).toHaveProperty([field]);
      expect(await taskCount(project.id)).toBe(before);
    });

    it('requires project_id', async () => {
      const res = await http.post(tasksPath(), ws.owner.token).send({ title: 'A' }).expect(422);
      expect(res.body.errors.project_id).toEqual(['The project id field is required.']);
    });

    it('refuses a parent of another project and assignees without an active contract on the project (422)', async () => {
      const other = await newProject();
      const foreignParent = await newTask(other.id);
      const parent = await http
        .post(tasksPath(), ws.owner.token)
        .send({ project_id: project.id, title: 'A', parent_id: foreignParent.id })
        .expect(422);
      expect(parent.body.errors).toEqual({ parent_id: ['The selected parent id is invalid.'] });

      const ok = await worker();
      const elsewhere = await worker(other.id);
      const paused = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: paused.userId, status: 'paused' });
      const invited = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'inactive' });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: invited.userId });
      const stranger = await t.factories.workspaces.create();
      const before = await taskCount(project.id);
      const res = await http
        .post(tasksPath(), ws.owner.token)
        .send({
          project_id: project.id,
          title: 'A',
          assignees: [ok.userId, elsewhere.userId, paused.userId, invited.userId, stranger.owner.userId, 2147483647],
        })
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['assignees.1', 'assignees.2', 'assignees.3', 'assignees.4', 'assignees.5']);
      expect(await taskCount(project.id)).toBe(before);
    });

    it('answers 404 for an unknown, archived or foreign project', async () => {
      const archived = await newProject({ archived: true });
      const foreign = await t.factories.workspaces.create();
      const foreignProject = await t.factories.projects.create({ workspaceId: foreign.id });
      for (const projectId of [2147483647, archived.id, foreignProject.id]) {
        const res = await http.post(tasksPath(), ws.owner.token).send({ project_id: projectId, title: 'A' }).expect(404);
        expect(res.body.message).toBe('Project not found.');
      }
    });

    it.each([[Role.RegularUser], [Role.ProjectViewer]])('refuses a %s with 403 even on an assigned project', async (role) => {
      const member = await worker(project.id, role);
      const res = await http.post(tasksPath(), member.token).send({ project_id: project.id, title: 'A' }).expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
    });

    it('needs the write scope (403) and a token (401)', async () => {
      const readOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http.post(tasksPath(), readOnly.token).send({ project_id: project.id, title: 'A' }).expect(403);
      const res = await http.post(tasksPath()).send({ project_id: project.id, title: 'A' }).expect(401);
      expect(res.body.message).toBe('Unauthenticated.');
    });
  });

  describe('GET /tasks (listTasks)', () => {
    let listed: Project;
    let ids: number[];

    beforeAll(async () => {
      listed = await newProject();
      const parent = await newTask(listed.id, { title: 'Parent', status: 10, priority: 20 });
      const child = await newTask(listed.id, { title: 'Child', parentId: parent.id, priority: 20 });
      const third = await newTask(listed.id, { title: 'Third', status: 20 });
      await newTask(listed.id, { title: 'Deleted', deleted: true });
      ids = [parent.id, child.id, third.id];
    });

    it('lists the live tasks of the project by id, ascending by default, with pagination', async () => {
      const res = await http.get(listOf(listed.id), ws.owner.token).expect(200);
      expect(res.body.message).toBe('Tasks retrieved successfully');
      expect(res.body.data.map((task: { id: number }) => task.id)).toEqual(ids);
      expect(Object.keys(res.body.data[0])).toEqual(TASK_FIELDS);
      expect(res.body.meta.pagination).toEqual({ total: 3, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 3 });
    });

    it('sorts by id descending with order_by=desc and pages', async () => {
      const res = await http.get(listOf(listed.id, '&order_by=desc&per_page=2&page=1'), ws.owner.token).expect(200);
      expect(res.body.data.map((task: { id: number }) => task.id)).toEqual([ids[2], ids[1]]);
      expect(res.body.meta.pagination).toMatchObject({ total: 3, per_page: 2, last_page: 2, from: 1, to: 2 });
      const second = await http.get(listOf(listed.id, '&order_by=desc&per_page=2&page=2'), ws.owner.token).expect(200);
      expect(second.body.data.map((task: { id: number }) => task.id)).toEqual([ids[0]]);
    });

    it.each([
      ['&status=10', [0]],
      ['&status=20', [2]],
      ['&status=11', []],
      ['&priority=20', [0, 1]],
      ['&priority=20&status=0', [1]],
      ['&status=', [0, 1, 2]],
    ])('filters with %s', async (query, expected) => {
      const res = await http.get(listOf(listed.id, query), ws.owner.token).expect(200);
      expect(res.body.data.map((task: { id: number }) => task.id)).toEqual(expected.map((index) => ids[index]));
    });

    it('filters subtasks with parent_id', async () => {
      const res = await http.get(listOf(listed.id, `&parent_id=${ids[0]}`), ws.owner.token).expect(200);
      expect(res.body.data.map((task: { id: number }) => task.id)).toEqual([ids[1]]);
    });

    it('takes the project from contract_id, which must agree with project_id', async () => {
      const member = await worker(listed.id);
      const [contract] = (await t.dataSource.query('SELECT id FROM contracts WHERE user_id = $1', [member.userId])) as { id: number }[];
      const res = await http.get(tasksPath('', `&contract_id=${contract.id}`), ws.owner.token).expect(200);
      expect(res.body.data.map((task: { id: number }) => task.id)).toEqual(ids);
      await http.get(tasksPath('', `&contract_id=${contract.id}&project_id=${listed.id}`), ws.owner.token).expect(200);
      const mismatch = await http.get(tasksPath('', `&contract_id=${contract.id}&project_id=${project.id}`), ws.owner.token).expect(422);
      expect(mismatch.body.errors).toEqual({ contract_id: ['The contract must belong to the project given as project_id.'] });
      const unknown = await http.get(tasksPath('', '&contract_id=2147483647'), ws.owner.token).expect(404);
      expect(unknown.body.message).toBe('Contract not found.');
    });

    it('requires project_id or contract_id', async () => {
      const res = await http.get(tasksPath(), ws.owner.token).expect(422);
      expect(res.body.errors).toEqual({ project_id: ['The project id field is required when contract id is not present.'] });
    });

    it.each([['&order_by=up'], ['&order_by=ASC'], ['&priority=15'], ['&status=-1'], ['&status=abc'], ['&per_page=101'], ['&parent_id=0']])(
      'rejects %s with 422',
      async (query) => {
        await http.get(listOf(listed.id, query), ws.owner.token).expect(422);
      },
    );

    it('shows a Regular User the tasks of an assigned project and answers 404 for any other', async () => {
      const member = await worker(listed.id);
      const res = await http.get(listOf(listed.id), member.token).expect(200);
      expect(res.body.meta.pagination.total).toBe(3);
      const other = await http.get(listOf(project.id), member.token).expect(404);
      expect(other.body.message).toBe('Project not found.');
    });

    it('answers 403 for a non-member and 401 without a token', async () => {
      const stranger = await t.factories.workspaces.create();
      await http.get(listOf(listed.id), stranger.owner.token).expect(403);
      await http.get(listOf(listed.id)).expect(401);
    });
  });

  describe('GET /tasks/{taskId} (getTask)', () => {
    it('returns the documented Task', async () => {
      const member = await worker();
      const task = await newTask(project.id, { title: 'Read me', priority: 40, assignees: [member] });
      const res = await http.get(taskPath(task.id), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Task retrieved successfully',
        data: {
          id: task.id,
          title: 'Read me',
          priority: 40,
          priority_name: 'Low',
          creator_id: ws.owner.userId,
          assignees: [{ id: member.userId }],
        },
      });
      expect(Object.keys(res.body.data)).toEqual(TASK_FIELDS);
    });

    it('names custom status codes, a project’s own before the workspace’s', async () => {
      const own = await newProject();
      await t.factories.tasks.status({ workspaceId: ws.id, code: 11, name: 'Review', color: '#FFAA00' });
      await t.factories.tasks.status({ workspaceId: ws.id, projectId: own.id, code: 11, name: 'QA', color: null });
      const mine = await newTask(own.id, { status: 11 });
      const theirs = await newTask(project.id, { status: 11 });
      expect((await http.get(taskPath(mine.id, own.id), ws.owner.token).expect(200)).body.data).toMatchObject({
        status: 11,
        status_name: 'QA',
        status_color: null,
      });
      expect((await http.get(taskPath(theirs.id), ws.owner.token).expect(200)).body.data).toMatchObject({
        status_name: 'Review',
        status_color: '#FFAA00',
      });
    });

    it('answers 404 for a task of another project, a deleted task, a malformed or unknown id', async () => {
      const other = await newProject();
      const task = await newTask();
      const deleted = await newTask(project.id, { deleted: true });
      const wrong = await http.get(taskPath(task.id, other.id), ws.owner.token).expect(404);
      expect(wrong.body.message).toBe('Task not found.');
      await http.get(taskPath(deleted.id), ws.owner.token).expect(404);
      await http.get(tasksPath('/abc', `&project_id=${project.id}`), ws.owner.token).expect(404);
      await http.get(taskPath(2147483647), ws.owner.token).expect(404);
    });

    it('requires project_id (422)', async () => {
      const task = await newTask();
      const res = await http.get(tasksPath(`/${task.id}`), ws.owner.token).expect(422);
      expect(res.body.errors).toEqual({ project_id: ['The project id field is required.'] });
      await http.get(tasksPath(`/${task.id}`, '&project_id=x'), ws.owner.token).expect(422);
    });

    it('shows a Project viewer the tasks of an assigned project only', async () => {
      const viewer = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectViewer });
      const assigned = await t.factories.projects.create({ workspaceId: ws.id, viewers: [viewer.userId] });
      const visible = await newTask(assigned.id);
      const hidden = await newTask();
      await http.get(taskPath(visible.id, assigned.id), viewer.token).expect(200);
      await http.get(taskPath(hidden.id), viewer.token).expect(404);
    });

    it('answers 401 without a token', async () => {
      const task = await newTask();
      await http.get(taskPath(task.id)).expect(401);
    });
  });

  describe('PUT /tasks/{taskId} (updateTask)', () => {
    const put = (taskId: number, body: object, token: string = ws.owner.token, projectId: number = project.id) =>
      http.put(tasksPath(`/${taskId}`), token).send({ project_id: projectId, ...body });

    it('updates the fields sent and keeps the others', async () => {
      const task = await newTask(project.id, { title: 'Old', description: 'Keep', priority: 30 });
      const res = await put(task.id, { title: 'Implement SSO', priority: 20 }).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Task updated successfully',
        data: { id: task.id, title: 'Implement SSO', description: 'Keep', priority: 20, priority_name: 'High' },
      });
      expect(Object.keys(res.body.data)).toEqual(TASK_FIELDS);
    });

    it('clears nullable fields with null', async () => {
      const parent = await newTask();
      const task = await newTask(project.id, {
        description: 'x',
        priority: 10,
        startDate: '2024-01-01',
        endDate: '2024-01-02',
        parentId: parent.id,
      });
      const res = await put(task.id, { description: null, priority: null, start_date: null, end_date: null, parent_id: null }).expect(200);
      expect(res.body.data).toMatchObject({
        description: null,
        priority: null,
        priority_name: null,
        start_date: null,
        end_date: null,
        parent_id: null,
      });
    });

    it('sets completed_at when the status moves to 20 or 30, keeps it between them, and clears it when it moves back', async () => {
      const task = await newTask();
      const done = await put(task.id, { status: 20 }).expect(200);
      expect(done.body.data.completed_at).toMatch(TIMESTAMP);
      const closed = await put(task.id, { status: 30 }).expect(200);
      expect(closed.body.data.completed_at).toBe(done.body.data.completed_at);
      const reopened = await put(task.id, { status: 10 }).expect(200);
      expect(reopened.body.data.completed_at).toBeNull();
    });

    it('accepts custom codes configured for the project or its workspace, and refuses others (422)', async () => {
      const own = await newProject();
      await t.factories.tasks.status({ workspaceId: ws.id, projectId: own.id, code: 21, name: 'Verified' });
      await t.factories.tasks.status({ workspaceId: ws.id, code: 2, name: 'Blocked', color: '#FF0000' });
      const task = await newTask(own.id);
      expect((await put(task.id, { status: 21 }, ws.owner.token, own.id).expect(200)).body.data).toMatchObject({
        status: 21,
        status_name: 'Verified',
      });
      expect((await put(task.id, { status: 2 }, ws.owner.token, own.id).expect(200)).body.data).toMatchObject({ status_name: 'Blocked' });
      const elsewhere = await newTask();
      const res = await put(elsewhere.id, { status: 21 }).expect(422);
      expect(res.body.errors).toEqual({ status: ["The selected status is not a base status or a custom status of the task's project."] });
    });

    it('replaces the assignee set, keeping the assignments that stay', async () => {
      const [a, b, c] = [await worker(), await worker(), await worker()];
      const task = await newTask(project.id, { assignees: [a, b] });
      const [kept] = (await t.dataSource.query('SELECT id FROM task_assignees WHERE task_id = $1 AND user_id = $2', [
        task.id,
        b.userId,
      ])) as {
        id: number;
      }[];
      const res = await put(task.id, { assignees: [b.userId, c.userId] }).expect(200);
      expect(res.body.data.assignees.map((assignee: { id: number }) => assignee.id)).toEqual([b.userId, c.userId]);
      const [still] = (await t.dataSource.query('SELECT id FROM task_assignees WHERE task_id = $1 AND user_id = $2', [
        task.id,
        b.userId,
      ])) as {
        id: number;
      }[];
      expect(still.id).toBe(kept.id);
      expect((await put(task.id, { assignees: [] }).expect(200)).body.data.assignees).toEqual([]);
    });

    it('refuses a parent that is the task itself or one of its subtasks, or of another project (422)', async () => {
      const root = await newTask();
      const child = await newTask(project.id, { parentId: root.id });
      const grandchild = await newTask(project.id, { parentId: child.id });
      for (const parentId of [root.id, grandchild.id]) {
        const res = await put(root.id, { parent_id: parentId }).expect(422);
        expect(res.body.errors).toEqual({ parent_id: ['The parent must not be the task itself or one of its subtasks.'] });
      }
      const foreign = await newTask((await newProject()).id);
      await put(root.id, { parent_id: foreign.id }).expect(422);
      await put(grandchild.id, { parent_id: root.id }).expect(200);
    });

    it.each([
      [{ title: '' }, 'title'],
      [{ title: null }, 'title'],
      [{ status: -1 }, 'status'],
      [{ status: 'done' }, 'status'],
      [{ status: null }, 'status'],
      [{ priority: 5 }, 'priority'],
      [{ end_date: '2024-13-01' }, 'end_date'],
      [{ assignees: null }, 'assignees'],
      [{ assignees: [0] }, 'assignees.0'],
    ])('rejects %j with 422 on %s and changes nothing', async (body, field) => {
      const task = await newTask(project.id, { title: 'Unchanged' });
      const res = await put(task.id, body).expect(422);
      expect(res.body.errors).toHaveProperty([field]);
      const [row] = (await t.dataSource.query('SELECT title, updated_at FROM tasks WHERE id = $1', [task.id])) as {
        title: string;
        updated_at: Date;
      }[];
      expect(row.title).toBe('Unchanged');
      expect(row.updated_at.getTime()).toBe(task.updatedAt.getTime());
    });

    it('checks end_date against the stored start_date (422)', async () => {
      const task = await newTask(project.id, { startDate: '2024-02-01' });
      const res = await put(task.id, { end_date: '2024-01-31' }).expect(422);
      expect(res.body.errors).toEqual({ end_date: ['end_date must be a date on or after start_date.'] });
    });

    it('answers 404 when project_id is not the task’s project (a task cannot be moved) and 422 without it', async () => {
      const task = await newTask();
      const other = await newProject();
      await put(task.id, { title: 'Moved' }, ws.owner.token, other.id).expect(404);
      await http
        .put(tasksPath(`/${task.id}`), ws.owner.token)
        .send({ title: 'A' })
        .expect(422);
    });

    it('lets a Team manager update in scope, answers 404 out of scope and 403 for a Regular User', async () => {
      const tm = await t.factories.members.create({ workspaceId: ws.id, role: Role.TeamManager });
      const mate = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await t.factories.teams.create({ workspaceId: ws.id, manager: tm.userId, members: [mate.userId] });
      const teamProject = await newProject();
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: teamProject.id, userId: mate.userId });
      const inScope = await newTask(teamProject.id);
      await put(inScope.id, { title: 'By TM' }, tm.token, teamProject.id).expect(200);
      const outOfScope = await newTask();
      await put(outOfScope.id, { title: 'By TM' }, tm.token).expect(404);
      const res = await put(inScope.id, { title: 'By RU' }, mate.token, teamProject.id).expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
    });

    it('answers 401 without a token', async () => {
      const task = await newTask();
      await http
        .put(tasksPath(`/${task.id}`))
        .send({ project_id: project.id })
        .expect(401);
    });
  });

  describe('DELETE /tasks/{taskId} (deleteTask)', () => {
    const del = (taskId: number, token: string = ws.owner.token, projectId: number = project.id) =>
      http.delete(tasksPath(`/${taskId}`), token).send({ project_id: projectId });

    it('soft-deletes the task with its subtasks; they then answer 404', async () => {
      const root = await newTask();
      const child = await newTask(project.id, { parentId: root.id });
      const grandchild = await newTask(project.id, { parentId: child.id });
      const sibling = await newTask();
      const res = await del(root.id).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Task deleted successfully', data: null });
      for (const id of [root.id, child.id, grandchild.id]) await http.get(taskPath(id), ws.owner.token).expect(404);
      await http.get(taskPath(sibling.id), ws.owner.token).expect(200);
      const rows = (await t.dataSource.query('SELECT deleted_at FROM tasks WHERE id = ANY($1)', [[root.id, child.id, grandchild.id]])) as {
        deleted_at: Date | null;
      }[];
      expect(rows.every((row) => row.deleted_at instanceof Date)).toBe(true);
      await del(root.id).expect(404);
    });

    it('requires project_id (422) and answers 404 for another project’s id', async () => {
      const task = await newTask();
      await http
        .delete(tasksPath(`/${task.id}`), ws.owner.token)
        .send({})
        .expect(422);
      await del(task.id, ws.owner.token, (await newProject()).id).expect(404);
      await http.get(taskPath(task.id), ws.owner.token).expect(200);
    });

    it('refuses a Regular User (403) and a missing token (401)', async () => {
      const member = await worker();
      const task = await newTask();
      await del(task.id, member.token).expect(403);
      await http
        .delete(tasksPath(`/${task.id}`))
        .send({ project_id: project.id })
        .expect(401);
    });
  });

  describe('POST /tasks/{taskId}/assign/{userId} (assignTask)', () => {
    const assign = (taskId: number, userId: number, token: string = ws.owner.token, projectId: number = project.id) =>
      http.post(tasksPath(`/${taskId}/assign/${userId}`), token).send({ project_id: projectId });

    it('assigns a member with a contract on the project and returns the assignment', async () => {
      const member = await worker();
      const task = await newTask();
      const res = await assign(task.id, member.userId).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Task assigned successfully',
        data: { task_id: task.id, user_id: member.userId },
      });
      expect(Object.keys(res.body.data)).toEqual(['id', 'task_id', 'user_id']);
      const [row] = (await t.dataSource.query('SELECT id FROM task_assignees WHERE task_id = $1', [task.id])) as { id: number }[];
      expect(res.body.data.id).toBe(row.id);
      expect((await http.get(taskPath(task.id), ws.owner.token).expect(200)).body.data.assignees).toEqual([
        expect.objectContaining({ id: member.userId }),
      ]);
    });

    it('answers 409 for a user already assigned, and for one without an active contract on the project', async () => {
      const member = await worker();
      const task = await newTask(project.id, { assignees: [member] });
      const again = await assign(task.id, member.userId).expect(409);
      expect(again.body).toMatchObject({ success: false, message: 'User is already assigned to this task.', error: 'Conflict' });
      const noContract = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      const paused = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: paused.userId, status: 'paused' });
      for (const userId of [noContract.userId, paused.userId]) {
        const res = await assign(task.id, userId).expect(409);
        expect(res.body.message).toBe('User is not assigned to this project.');
      }
    });

    it('assigns a user once when two requests race', async () => {
      const member = await worker();
      const task = await newTask();
      const statuses = (await Promise.all([assign(task.id, member.userId), assign(task.id, member.userId)]))
        .map((res) => res.status)
        .sort();
      expect(statuses).toEqual([200, 409]);
      const rows = (await t.dataSource.query('SELECT id FROM task_assignees WHERE task_id = $1', [task.id])) as unknown[];
      expect(rows).toHaveLength(1);
    });

    it('answers 404 for an unknown user, a user of another workspace, a member who is not live, and an unknown task', async () => {
      const task = await newTask();
      const stranger = await t.factories.workspaces.create();
      const invited = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'inactive' });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: invited.userId });
      for (const userId of [2147483647, stranger.owner.userId, invited.userId]) {
        const res = await assign(task.id, userId).expect(404);
        expect(res.body.message).toBe('User not found.');
      }
      await http
        .post(tasksPath(`/${task.id}/assign/abc`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(404);
      const member = await worker();
      expect((await assign(2147483647, member.userId).expect(404)).body.message).toBe('Task not found.');
    });

    it('requires project_id (422), refuses a Project viewer (403) and a missing token (401)', async () => {
      const member = await worker();
      const task = await newTask();
      await http
        .post(tasksPath(`/${task.id}/assign/${member.userId}`), ws.owner.token)
        .send({})
        .expect(422);
      const viewer = await worker(project.id, Role.ProjectViewer);
      await assign(task.id, member.userId, viewer.token).expect(403);
      await http
        .post(tasksPath(`/${task.id}/assign/${member.userId}`))
        .send({ project_id: project.id })
        .expect(401);
    });
  });

  describe('DELETE /tasks/{taskId}/unassign/{userId} (unassignTask)', () => {
    const unassign = (taskId: number, userId: number, token: string = ws.owner.token) =>
      http.delete(tasksPath(`/${taskId}/unassign/${userId}`), token).send({ project_id: project.id });

    it('removes the assignment; a second call answers 404', async () => {
      const [a, b] = [await worker(), await worker()];
      const task = await newTask(project.id, { assignees: [a, b] });
      const res = await unassign(task.id, a.userId).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Task unassigned successfully', data: null });
      expect((await http.get(taskPath(task.id), ws.owner.token).expect(200)).body.data.assignees.map((x: { id: number }) => x.id)).toEqual([
        b.userId,
      ]);
      const again = await unassign(task.id, a.userId).expect(404);
      expect(again.body.message).toBe('Assignee not found.');
    });

    it('requires project_id (422), refuses a Regular User (403) and a missing token (401)', async () => {
      const member = await worker();
      const task = await newTask(project.id, { assignees: [member] });
      await http
        .delete(tasksPath(`/${task.id}/unassign/${member.userId}`), ws.owner.token)
        .send({})
        .expect(422);
      await unassign(task.id, member.userId, member.token).expect(403);
      await http
        .delete(tasksPath(`/${task.id}/unassign/${member.userId}`))
        .send({ project_id: project.id })
        .expect(401);
      await unassign(task.id, member.userId).expect(200);
    });
  });

  describe('GET /tasks/{taskId}/assignees (listTaskAssignees)', () => {
    it('lists the assignees in assignment order with pagination', async () => {
      const [a, b, c] = [await worker(), await worker(), await worker()];
      const task = await newTask(project.id, { assignees: [c, a, b] });
      const res = await http.get(taskPath(task.id, project.id, '/assignees') + '&per_page=2', ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Task assignees retrieved successfully',
        data: [
          { id: c.userId, firstname: 'Test', lastname: 'User' },
          { id: a.userId, firstname: 'Test', lastname: 'User' },
        ],
        meta: { pagination: { total: 3, per_page: 2, current_page: 1, last_page: 2, from: 1, to: 2 } },
      });
      expect(Object.keys(res.body.data[0])).toEqual(['id', 'firstname', 'lastname', 'email']);
    });

    it('answers 404 for a task of another project or out of scope, 422 without project_id, 401 without a token', async () => {
      const task = await newTask();
      await http.get(taskPath(task.id, (await newProject()).id, '/assignees'), ws.owner.token).expect(404);
      const outsider = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await http.get(taskPath(task.id, project.id, '/assignees'), outsider.token).expect(404);
      await http.get(tasksPath(`/${task.id}/assignees`), ws.owner.token).expect(422);
      await http.get(taskPath(task.id, project.id, '/assignees')).expect(401);
    });
  });

  describe('tasks of an archived project', () => {
    it('are hidden from every operation once the project is archived', async () => {
      const doomed = await newProject();
      const member = await worker(doomed.id);
      const other = await worker(doomed.id);
      const task = await newTask(doomed.id, { assignees: [other] });
      await http.get(taskPath(task.id, doomed.id), ws.owner.token).expect(200);
      await http.delete(`/api/v2/projects/${doomed.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200);

      const body = { project_id: doomed.id };
      await http.get(listOf(doomed.id), ws.owner.token).expect(404);
      await http.get(taskPath(task.id, doomed.id), ws.owner.token).expect(404);
      await http.get(taskPath(task.id, doomed.id, '/assignees'), ws.owner.token).expect(404);
      await http
        .post(tasksPath(), ws.owner.token)
        .send({ ...body, title: 'Late' })
        .expect(404);
      await http
        .put(tasksPath(`/${task.id}`), ws.owner.token)
        .send({ ...body, title: 'Late' })
        .expect(404);
      await http
        .post(tasksPath(`/${task.id}/assign/${member.userId}`), ws.owner.token)
        .send(body)
        .expect(404);
      await http
        .delete(tasksPath(`/${task.id}/unassign/${other.userId}`), ws.owner.token)
        .send(body)
        .expect(404);
      await http
        .delete(tasksPath(`/${task.id}`), ws.owner.token)
        .send(body)
        .expect(404);
      const [row] = (await t.dataSource.query('SELECT title, deleted_at FROM tasks WHERE id = $1', [task.id])) as {
        title: string;
        deleted_at: Date | null;
      }[];
      expect(row).toEqual({ title: task.title, deleted_at: null });
    });
  });

  describe('events', () => {
    it('records task.created, task.updated (update, assign, unassign) and task.deleted with the Task', async () => {
      const member = await worker();
      const created = await http.post(tasksPath(), ws.owner.token).send({ project_id: project.id, title: 'Evented' }).expect(201);
      const taskId = created.body.data.id as number;
      await http
        .put(tasksPath(`/${taskId}`), ws.owner.token)
        .send({ project_id: project.id, title: 'Evented 2' })
        .expect(200);
      await http
        .post(tasksPath(`/${taskId}/assign/${member.userId}`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(200);
      await http
        .delete(tasksPath(`/${taskId}/unassign/${member.userId}`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(200);
      await http
        .delete(tasksPath(`/${taskId}`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(200);

      const events = await eventsOf(taskId);
      expect(events.map((event) => event.type)).toEqual(['task.created', 'task.updated', 'task.updated', 'task.updated', 'task.deleted']);
      expect(events[0].payload).toEqual(created.body.data);
      expect(events[1].payload).toMatchObject({ title: 'Evented 2', assignees: [] });
      expect(events[2].payload).toMatchObject({ assignees: [{ id: member.userId }] });
      expect(events[3].payload).toMatchObject({ assignees: [] });
      expect(events[4].payload).toMatchObject({ id: taskId, deleted_at: expect.stringMatching(TIMESTAMP) });
      const [{ workspaces }] = (await t.dataSource.query(
        `SELECT array_agg(DISTINCT workspace_id) AS workspaces FROM outbox_events WHERE (payload->>'id')::int = $1 AND type LIKE 'task.%'`,
        [taskId],
      )) as { workspaces: number[] }[];
      expect(workspaces).toEqual([ws.id]);
    });

    it('records one task.deleted per deleted subtask, and nothing for refused writes', async () => {
      const root = await newTask();
      const child = await newTask(project.id, { parentId: root.id });
      await http
        .put(tasksPath(`/${root.id}`), ws.owner.token)
        .send({ project_id: project.id, title: '' })
        .expect(422);
      const member = await worker();
      await http
        .post(tasksPath(`/${root.id}/assign/${member.userId}`), member.token)
        .send({ project_id: project.id })
        .expect(403);
      expect(await eventsOf(root.id)).toEqual([]);
      await http
        .delete(tasksPath(`/${root.id}`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(200);
      expect((await eventsOf(root.id)).map((event) => event.type)).toEqual(['task.deleted']);
      expect((await eventsOf(child.id)).map((event) => event.payload.parent_id)).toEqual([root.id]);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const VIEWER_FIELDS = ['id', 'email', 'firstname', 'lastname', 'status', 'member_since', 'projects'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

interface OutboxRow {
  type: string;
  workspace_id: number;
  payload: Record<string, unknown>;
}

describe('Project viewers (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/project-viewers${suffix}?workspace_id=${workspaceId}`;
  const viewer = (input: Parameters<TestApp['factories']['viewers']['create']>[0]): Promise<TestMember> =>
    t.factories.viewers.create(input);
  const membership = async (workspaceId: number, userId: number): Promise<{ status: string; deleted_at: Date | null }> =>
    (
      (await t.dataSource.query('SELECT status, deleted_at FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
      ])) as { status: string; deleted_at: Date | null }[]
    )[0];
  const assignedIds = async (userId: number): Promise<number[]> =>
    (
      (await t.dataSource.query('SELECT project_id FROM project_viewer_projects WHERE user_id = $1 ORDER BY project_id', [userId])) as {
        project_id: number;
      }[]
    ).map((row) => row.project_id);
  const eventsOf = async (workspaceId: number, userId: number): Promise<OutboxRow[]> =>
    (await t.dataSource.query(
      `SELECT type, workspace_id, payload FROM outbox_events WHERE workspace_id = $1 AND (payload->>'id')::int = $2 ORDER BY id`,
      [workspaceId, userId],
    )) as OutboxRow[];
  const projectNames = async (workspaceId: number, token: string): Promise<string[]> =>
    (await http.get(`/api/v2/projects?workspace_id=${workspaceId}`, token).expect(200)).body.data.map((p: { name: string }) => p.name);

  describe('GET /project-viewers (listProjectViewers)', () => {
    it('lists the workspace’s viewers, archived and invited ones included, with their live projects, by id', async () => {
      const own = await t.factories.workspace();
      const campaign = await t.factories.projects.create({ workspaceId: own.id, name: 'Marketing Campaign Q1' });
      const later = await t.factories.projects.create({ workspaceId: own.id, name: 'Later' });
      const archivedProject = await t.factories.projects.create({ workspaceId: own.id, name: 'Gone', archived: true });
      const active = await viewer({ workspaceId: own.id, projects: [later.id, campaign.id, archivedProject.id] });
      const invited = await viewer({ workspaceId: own.id, status: 'inactive' });
      const left = await viewer({ workspaceId: own.id, status: 'left', projects: [campaign.id] });
      await t.factories.members.create({ workspaceId: own.id, role: Role.RegularUser });
      const elsewhere = await t.factories.workspace();
      await viewer({ workspaceId: elsewhere.id });

      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Project viewers retrieved successfully',
        meta: { api_version: '2.0.0', pagination: { total: 3, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 3 } },
      });
      expect(res.body.data.map((row: { id: number }) => row.id)).toEqual([active.userId, invited.userId, left.userId]);
      const [first, second, third] = res.body.data;
      expect(Object.keys(first)).toEqual(VIEWER_FIELDS);
      const user = (await t.dataSource.query('SELECT email FROM users WHERE id = $1', [active.userId])) as { email: string }[];
      expect(first).toEqual({
        id: active.userId,
        email: user[0].email,
        firstname: 'Test',
        lastname: 'User',
        status: 'active',
        member_since: expect.stringMatching(TIMESTAMP),
        projects: [
          { project_id: campaign.id, project_name: 'Marketing Campaign Q1' },
          { project_id: later.id, project_name: 'Later' },
        ],
      });
      expect(second).toMatchObject({ status: 'inactive', member_since: expect.stringMatching(TIMESTAMP), projects: [] });
      expect(third).toMatchObject({ status: 'left', projects: [{ project_id: campaign.id, project_name: 'Marketing Campaign Q1' }] });
    });

    it('filters by exact e-mail (case-insensitive), never by a part of it', async () => {
      const own = await t.factories.workspace();
      const user = await t.factories.users.create({ email: 'viewer.exact@example.com' });
      const match = await viewer({ workspaceId: own.id, userId: user.id });
      await viewer({ workspaceId: own.id });
      const exact = await http.get(`${path('', own.id)}&email=Viewer.Exact@Example.com`, own.owner.token).expect(200);
      expect(exact.body.data.map((row: { id: number }) => row.id)).toEqual([match.userId]);
      const partial = await http.get(`${path('', own.id)}&email=exact@example.com`, own.owner.token).expect(200);
      expect(partial.body).toMatchObject({ data: [], meta: { pagination: { total: 0, last_page: 1, from: null, to: null } } });
      await http.get(`${path('', own.id)}&email=`, own.owner.token).expect(200);
    });

    it('pages with per_page and page', async () => {
      const own = await t.factories.workspace();
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await viewer({ workspaceId: own.id })).userId);
      const res = await http.get(`${path('', own.id)}&per_page=2&page=2`, own.owner.token).expect(200);
      expect(res.body.data.map((row: { id: number }) => row.id)).toEqual([ids[2]]);
      expect(res.body.meta.pagination).toEqual({ total: 3, per_page: 2, current_page: 2, last_page: 2, from: 3, to: 3 });
    });

    it.each([
      ['email=not-an-email', 'email'],
      ['per_page=0', 'per_page'],
      ['per_page=101', 'per_page'],
      ['page=abc', 'page'],
    ])('rejects %s with 422 on %s', async (query, field) => {
      const res = await http.get(`${path()}&${query}`, ws.owner.token).expect(422);
      expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('needs workspace_id (422), a token (401) and the role of an Owner or Executive manager (403)', async () => {
      await http.get('/api/v2/project-viewers', ws.owner.token).expect(422);
      await http.get(path()).expect(401);
      const em = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
      await http.get(path(), em.token).expect(200);
      for (const role of [Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer]) {
        const member = await t.factories.members.create({ workspaceId: ws.id, role });
        const res = await http.get(path(), member.token).expect(403);
        expect(res.body.message).toBe('This action is unauthorized.');
      }
      const stranger = await t.factories.workspace();
      await http.get(path(), stranger.owner.token).expect(403);
    });
  });

  describe('GET /project-viewers/:viewerId (getProjectViewer)', () => {
    it('returns the viewer with the documented message', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id, name: 'Shown' });
      const one = await viewer({ workspaceId: ws.id, projects: [project.id] });
      const res = await http.get(path(`/${one.userId}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Project viewer retrieved successfully',
        data: { id: one.userId, status: 'active', projects: [{ project_id: project.id, project_name: 'Shown' }] },
      });
      expect(Object.keys(res.body.data)).toEqual(VIEWER_FIELDS);
    });

    it('answers 404 for unknown and malformed ids, members who are not viewers and other workspaces’ viewers', async () => {
      const regular = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      const foreign = await viewer({ workspaceId: (await t.factories.workspace()).id });
      for (const id of ['999999999', 'abc', '0', '01', String(regular.userId), String(ws.owner.userId), String(foreign.userId)]) {
        const res = await http.get(path(`/${id}`), ws.owner.token).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Project viewer not found.', error: 'Not Found' });
      }
    });

    it('answers 401 without a token and 403 to a Team manager', async () => {
      const one = await viewer({ workspaceId: ws.id });
      await http.get(path(`/${one.userId}`)).expect(401);
      const tm = await t.factories.members.create({ workspaceId: ws.id, role: Role.TeamManager });
      await http.get(path(`/${one.userId}`), tm.token).expect(403);
    });
  });

  describe('DELETE /project-viewers/:viewerId (archiveProjectViewer)', () => {
    it('archives: status left, assignments kept, member.archived recorded with the Member object', async () => {
      const own = await t.factories.workspace();
      const project = await t.factories.projects.create({ workspaceId: own.id });
      const one = await viewer({ workspaceId: own.id, projects: [project.id] });
      const res = await http.delete(path(`/${one.userId}`, own.id), own.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Project viewer deleted successfully', data: null });
      expect(await membership(own.id, one.userId)).toMatchObject({ status: 'left', deleted_at: expect.any(Date) });
      expect(await assignedIds(one.userId)).toEqual([project.id]);
      const shown = await http.get(path(`/${one.userId}`, own.id), own.owner.token).expect(200);
      expect(shown.body.data).toMatchObject({ status: 'left', projects: [{ project_id: project.id }] });
      const events = await eventsOf(own.id, one.userId);
      expect(events.map((event) => event.type)).toEqual(['member.archived']);
      expect(events[0].payload).toMatchObject({
        id: one.userId,
        current_role: 'Project viewer',
        status: 'left',
        rate_status: 0,
        is_blocked: false,
        deleted_at: expect.stringMatching(TIMESTAMP),
      });
    });

    it('refuses the archived viewer’s token in that workspace on the next request, and only there', async () => {
      const own = await t.factories.workspace();
      const other = await t.factories.workspace();
      const project = await t.factories.projects.create({ workspaceId: own.id, name: 'Visible' });
      const one = await viewer({ workspaceId: own.id, projects: [project.id] });
      await viewer({ workspaceId: other.id, userId: one.userId });
      // Warm the authentication cache for this token and membership first.
      expect(await projectNames(own.id, one.token)).toEqual(['Visible']);
      expect(await projectNames(own.id, one.token)).toEqual(['Visible']);
      await http.delete(path(`/${one.userId}`, own.id), own.owner.token).expect(200);
      const refused = await http.get(`/api/v2/projects?workspace_id=${own.id}`, one.token).expect(403);
      expect(refused.body.message).toBe('You are not a member of this workspace.');
      await http.get(`/api/v2/projects/${project.id}?workspace_id=${own.id}`, one.token).expect(403);
      await http.get(`/api/v2/projects?workspace_id=${other.id}`, one.token).expect(200);
    });

    it('takes workspace_id from the body too', async () => {
      const one = await viewer({ workspaceId: ws.id });
      await http.delete(`/api/v2/project-viewers/${one.userId}`, ws.owner.token).send({ workspace_id: ws.id }).expect(200);
      expect((await membership(ws.id, one.userId)).status).toBe('left');
    });

    it('answers 409 for an already archived viewer and records nothing', async () => {
      const one = await viewer({ workspaceId: ws.id, status: 'left' });
      const res = await http.delete(path(`/${one.userId}`), ws.owner.token).expect(409);
      expect(res.body).toMatchObject({ success: false, message: 'Project viewer is already archived.', error: 'Conflict' });
      expect(await eventsOf(ws.id, one.userId)).toEqual([]);
    });

    it('answers 404 for a member who is not a viewer and leaves the membership alone', async () => {
      const regular = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await http.delete(path(`/${regular.userId}`), ws.owner.token).expect(404);
      await http.delete(path('/abc'), ws.owner.token).expect(404);
      expect((await membership(ws.id, regular.userId)).status).toBe('active');
    });

    it('needs the admin scope (403) and the role (403); 401 without a token', async () => {
      const one = await viewer({ workspaceId: ws.id });
      const writeOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      const scoped = await http.delete(path(`/${one.userId}`), writeOnly.token).expect(403);
      expect(scoped.headers['www-authenticate']).toContain('insufficient_scope');
      const pm = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectManager });
      await http.delete(path(`/${one.userId}`), pm.token).expect(403);
      await http.delete(path(`/${one.userId}`)).expect(401);
      expect((await membership(ws.id, one.userId)).status).toBe('active');
    });
  });

  describe('POST /project-viewers/:viewerId/restore (restoreProjectViewer)', () => {
    it('restores to active with the kept assignments and records member.activated', async () => {
      const own = await t.factories.workspace();
      const project = await t.factories.projects.create({ workspaceId: own.id, name: 'Back again' });
      const one = await viewer({ workspaceId: own.id, projects: [project.id] });
      await http.delete(path(`/${one.userId}`, own.id), own.owner.token).expect(200);
      const res = await http
        .post(`/api/v2/project-viewers/${one.userId}/restore`, own.owner.token)
        .send({ workspace_id: own.id })
        .expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Project viewer restored successfully', data: null });
      expect(await membership(own.id, one.userId)).toEqual({ status: 'active', deleted_at: null });
      expect(await projectNames(own.id, one.token)).toEqual(['Back again']);
      const events = await eventsOf(own.id, one.userId);
      expect(events.map((event) => event.type)).toEqual(['member.archived', 'member.activated']);
      expect(events[1].payload).toMatchObject({ id: one.userId, status: 'active', deleted_at: null });
    });

    it('restores a viewer who never accepted the invitation to inactive', async () => {
      const one = await viewer({ workspaceId: ws.id, status: 'left', accepted: false });
      await http.post(path(`/${one.userId}/restore`), ws.owner.token).expect(200);
      expect(await membership(ws.id, one.userId)).toEqual({ status: 'inactive', deleted_at: null });
    });

    it('answers 409 "Project viewer is not archived." for an active or invited viewer', async () => {
      for (const status of ['active', 'inactive'] as const) {
        const one = await viewer({ workspaceId: ws.id, status });
        const res = await http.post(path(`/${one.userId}/restore`), ws.owner.token).expect(409);
        expect(res.body.message).toBe('Project viewer is not archived.');
        expect((await membership(ws.id, one.userId)).status).toBe(status);
      }
    });

    it('answers 404 for a non-viewer, 403 to a Regular User and to a write-only token, 401 without a token', async () => {
      const regular = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'left' });
      await http.post(path(`/${regular.userId}/restore`), ws.owner.token).expect(404);
      const one = await viewer({ workspaceId: ws.id, status: 'left' });
      await http.post(path(`/${one.userId}/restore`), regular.token).expect(403);
      const writeOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      await http.post(path(`/${one.userId}/restore`), writeOnly.token).expect(403);
      await http.post(path(`/${one.userId}/restore`)).expect(401);
      expect((await membership(ws.id, one.userId)).status).toBe('left');
    });
  });

  describe('POST /project-viewers/:viewerId/assign-project (assignProjectToViewer)', () => {
    it('assigns a project: the viewer then lists and gets it, and only it', async () => {
      const own = await t.factories.workspace();
      const assigned = await t.factories.projects.create({ workspaceId: own.id, name: 'Assigned' });
      const other = await t.factories.projects.create({ workspaceId: own.id, name: 'Not assigned' });
      const one = await viewer({ workspaceId: own.id });
      expect(await projectNames(own.id, one.token)).toEqual([]);
      const res = await http
        .post(`/api/v2/project-viewers/${one.userId}/assign-project`, own.owner.token)
        .send({ workspace_id: own.id, project_id: assigned.id })
        .expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Project assigned to viewer successfully', data: null });
      expect(await projectNames(own.id, one.token)).toEqual(['Assigned']);
      await http.get(`/api/v2/projects/${assigned.id}?workspace_id=${own.id}`, one.token).expect(200);
      await http.get(`/api/v2/projects/${other.id}?workspace_id=${own.id}`, one.token).expect(404);
    });

    it('lets an Executive manager assign to an invited viewer, from a form body', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const one = await viewer({ workspaceId: ws.id, status: 'inactive' });
      const em = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
      await http
        .post(`/api/v2/project-viewers/${one.userId}/assign-project`, em.token)
        .type('form')
        .send(`workspace_id=${ws.id}&project_id=${project.id}`)
        .expect(200);
      expect(await assignedIds(one.userId)).toEqual([project.id]);
    });

    it('answers 404 "Project not found." for an unknown, archived or foreign project', async () => {
      const one = await viewer({ workspaceId: ws.id });
      const archived = await t.factories.projects.create({ workspaceId: ws.id, archived: true });
      const foreign = await t.factories.projects.create({ workspaceId: (await t.factories.workspace()).id });
      for (const projectId of [999999999, archived.id, foreign.id]) {
        const res = await http
          .post(path(`/${one.userId}/assign-project`), ws.owner.token)
          .send({ project_id: projectId })
          .expect(404);
        expect(res.body.message).toBe('Project not found.');
      }
      expect(await assignedIds(one.userId)).toEqual([]);
    });

    it('answers 404 "Project viewer not found." for a non-viewer', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const pm = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectManager });
      const res = await http
        .post(path(`/${pm.userId}/assign-project`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(404);
      expect(res.body.message).toBe('Project viewer not found.');
      expect(await assignedIds(pm.userId)).toEqual([]);
    });

    it('answers 409 for a project already assigned and for an archived viewer', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const one = await viewer({ workspaceId: ws.id, projects: [project.id] });
      const again = await http
        .post(path(`/${one.userId}/assign-project`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(409);
      expect(again.body.message).toBe('Project is already assigned to this viewer.');
      const archived = await viewer({ workspaceId: ws.id, status: 'left' });
      const res = await http
        .post(path(`/${archived.userId}/assign-project`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(409);
      expect(res.body.message).toBe('Project viewer is archived.');
      expect(await assignedIds(archived.userId)).toEqual([]);
    });

    it.each([
      [{}],
      [{ project_id: 'abc' }],
      [{ project_id: 1.5 }],
      [{ project_id: 0 }],
      [{ project_id: null }],
      [{ project_id: 99999999999 }],
    ])('rejects %j with 422 on project_id', async (body) => {
      const one = await viewer({ workspaceId: ws.id });
      const res = await http
        .post(path(`/${one.userId}/assign-project`), ws.owner.token)
        .send(body)
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['project_id']);
    });

    it('answers 403 to a Project viewer (even for themselves) and 401 without a token', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const one = await viewer({ workspaceId: ws.id });
      await http
        .post(path(`/${one.userId}/assign-project`), one.token)
        .send({ project_id: project.id })
        .expect(403);
      await http
        .post(path(`/${one.userId}/assign-project`))
        .send({ project_id: project.id })
        .expect(401);
      expect(await assignedIds(one.userId)).toEqual([]);
    });
  });

  describe('DELETE /project-viewers/:viewerId/unassign-project (unassignProjectFromViewer)', () => {
    it('unassigns: the viewer no longer lists or gets the project', async () => {
      const own = await t.factories.workspace();
      const keep = await t.factories.projects.create({ workspaceId: own.id, name: 'Keep' });
      const drop = await t.factories.projects.create({ workspaceId: own.id, name: 'Drop' });
      const one = await viewer({ workspaceId: own.id, projects: [keep.id, drop.id] });
      expect(await projectNames(own.id, one.token)).toEqual(['Keep', 'Drop']);
      const res = await http
        .delete(`/api/v2/project-viewers/${one.userId}/unassign-project`, own.owner.token)
        .send({ workspace_id: own.id, project_id: drop.id })
        .expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Project unassigned from viewer successfully', data: null });
      expect(await projectNames(own.id, one.token)).toEqual(['Keep']);
      await http.get(`/api/v2/projects/${drop.id}?workspace_id=${own.id}`, one.token).expect(404);
    });

    it('answers 404 "Project is not assigned to this viewer." and 404 for unknown projects and viewers', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const one = await viewer({ workspaceId: ws.id });
      const res = await http
        .delete(path(`/${one.userId}/unassign-project`), ws.owner.token)
        .send({ project_id: project.id })
        .expect(404);
      expect(res.body.message).toBe('Project is not assigned to this viewer.');
      const unknown = await http
        .delete(path(`/${one.userId}/unassign-project`), ws.owner.token)
        .send({ project_id: 999999999 })
        .expect(404);
      expect(unknown.body.message).toBe('Project not found.');
      const noViewer = await http.delete(path('/999999999/unassign-project'), ws.owner.token).send({ project_id: project.id }).expect(404);
      expect(noViewer.body.message).toBe('Project viewer not found.');
    });

    it('rejects a missing project_id with 422, answers 403 to a Regular User and 401 without a token', async () => {
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const one = await viewer({ workspaceId: ws.id, projects: [project.id] });
      const res = await http
        .delete(path(`/${one.userId}/unassign-project`), ws.owner.token)
        .send({})
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['project_id']);
      const regular = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await http
        .delete(path(`/${one.userId}/unassign-project`), regular.token)
        .send({ project_id: project.id })
        .expect(403);
      await http
        .delete(path(`/${one.userId}/unassign-project`))
        .send({ project_id: project.id })
        .expect(401);
      expect(await assignedIds(one.userId)).toEqual([project.id]);
    });
  });

  describe('a viewer sees only assigned projects', () => {
    it('in GET /projects and GET /projects/{id}: not others, not archived, not by a contract, not another workspace’s', async () => {
      const own = await t.factories.workspace();
      const other = await t.factories.workspace();
      const mine = await t.factories.projects.create({ workspaceId: own.id, name: 'Mine' });
      const unassigned = await t.factories.projects.create({ workspaceId: own.id, name: 'Unassigned' });
      const archived = await t.factories.projects.create({ workspaceId: own.id, name: 'Archived', archived: true });
      const contracted = await t.factories.projects.create({ workspaceId: own.id, name: 'Contracted' });
      const foreign = await t.factories.projects.create({ workspaceId: other.id, name: 'Foreign' });
      const one = await viewer({ workspaceId: own.id, projects: [mine.id, archived.id, foreign.id] });
      const colleague = await viewer({ workspaceId: own.id, projects: [unassigned.id] });
      await t.factories.contracts.create({ workspaceId: own.id, projectId: contracted.id, userId: one.userId });

      expect(await projectNames(own.id, one.token)).toEqual(['Mine']);
      expect(await projectNames(own.id, colleague.token)).toEqual(['Unassigned']);
      const got = await http.get(`/api/v2/projects/${mine.id}?workspace_id=${own.id}`, one.token).expect(200);
      expect(got.body.data).toMatchObject({ id: mine.id, name: 'Mine' });
      for (const hidden of [unassigned, archived, contracted]) {
        await http.get(`/api/v2/projects/${hidden.id}?workspace_id=${own.id}`, one.token).expect(404);
      }
      await http.get(`/api/v2/projects/${foreign.id}?workspace_id=${own.id}`, one.token).expect(404);
      // No membership in the other workspace: the assignment row alone opens nothing there.
      await http.get(`/api/v2/projects/${foreign.id}?workspace_id=${other.id}`, one.token).expect(403);
    });
  });
});

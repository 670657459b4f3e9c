import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestWorkspace } from './support/factories';

const PROJECT_FIELDS = [
  'id',
  'name',
  'owner_id',
  'start_date',
  'deadline',
  'estimation',
  'budget_estimation',
  'notes',
  'icon',
  'is_billable',
  'rate',
  'weekly_hours_limit',
  'screenshots',
  'tags',
  'contracts_count',
  'status',
  'created_at',
  'updated_at',
  'deleted_at',
];

describe('Projects (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/projects${suffix}?workspace_id=${workspaceId}`;

  describe('POST /projects (createProject)', () => {
    it('creates a project and returns the documented body with 201', async () => {
      const res = await http
        .post(path(), ws.owner.token)
        .send({
          name: 'Marketing Campaign Q1',
          start_date: '2024-01-15',
          deadline: '2024-03-31',
          estimation: 120,
          budget: 5000,
          notes: 'Focus on social media channels',
          icon: 'project-icon-1',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Project created successfully',
        data: {
          name: 'Marketing Campaign Q1',
          owner_id: ws.owner.userId,
          start_date: '2024-01-15',
          deadline: '2024-03-31',
          estimation: 120,
          budget_estimation: 5000,
          notes: 'Focus on social media channels',
          icon: 'project-icon-1',
          is_billable: true,
          rate: 0,
          weekly_hours_limit: 168,
          screenshots: 'blur',
          tags: [],
          contracts_count: 0,
          status: 1,
          deleted_at: null,
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(PROJECT_FIELDS);
      expect(res.body.data.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(res.body.meta.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    });

    it('accepts workspace_id in the JSON body and form-encoded bodies', async () => {
      const json = await http.post('/api/v2/projects', ws.owner.token).send({ workspace_id: ws.id, name: 'From body' }).expect(201);
      expect(json.body.data.name).toBe('From body');
      const form = await http.post(path(), ws.owner.token).type('form').send('name=Form+project&estimation=12.5&budget=100').expect(201);
      expect(form.body.data).toMatchObject({ name: 'Form project', estimation: 12.5, budget_estimation: 100 });
    });

    it('lets an Executive manager create', async () => {
      const em = await t.factories.member(ws.id, Role.ExecutiveManager);
      await http.post(path(), em.token).send({ name: 'By EM' }).expect(201);
    });

    it('ignores unknown fields and fields the API cannot set', async () => {
      const res = await http.post(path(), ws.owner.token).send({ name: 'Extras', rate: 99, is_billable: false, bogus: 1 }).expect(201);
      expect(res.body.data).toMatchObject({ rate: 0, is_billable: true });
      expect(res.body.data).not.toHaveProperty('bogus');
    });

    it.each([
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'A', start_date: '2024-02-30' }, 'start_date'],
      [{ name: 'A', start_date: '15/01/2024' }, 'start_date'],
      [{ name: 'A', estimation: -1 }, 'estimation'],
      [{ name: 'A', budget: 'lots' }, 'budget'],
      [{ name: 'A', start_date: '2024-03-01', deadline: '2024-02-01' }, 'deadline'],
    ])('rejects %j with 422 on %s and creates nothing', async (body, field) => {
      const before = await http.get(`${path()}&per_page=100`, ws.owner.token).expect(200);
      const res = await http.post(path(), ws.owner.token).send(body).expect(422);
      expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
      expect(res.body.errors[field]).toEqual(expect.arrayContaining([expect.any(String)]));
      const after = await http.get(`${path()}&per_page=100`, ws.owner.token).expect(200);
      expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total);
    });

    it.each([[{ name: 'Nul \u0000 byte' }], [{ name: 'A', estimation: 1e12 }], [{ name: 'A', budget: 1e15 }]])(
      'answers 422, never 500, for data the database cannot hold: %j',
      async (body) => {
        await http.post(path(), ws.owner.token).send(body).expect(422);
      },
    );

    it('answers 422 for a workspace_id beyond the id range and 404 for such a path id', async () => {
      await http.get('/api/v2/projects?workspace_id=99999999999', ws.owner.token).expect(422);
      await http.get(path('/99999999999'), ws.owner.token).expect(404);
      await http.get(`${path()}&page=99999999999999999999`, ws.owner.token).expect(422);
    });

    it('answers 400 for unparsable JSON', async () => {
      const res = await http.post(path(), ws.owner.token).set('Content-Type', 'application/json').send('{"name":').expect(400);
      expect(res.body).toMatchObject({ success: false, message: 'Malformed request body.', error: 'Bad Request' });
    });

    it.each([Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer])('forbids a %s with 403', async (role) => {
      const member = await t.factories.member(ws.id, role);
      const res = await http.post(path(), member.token).send({ name: 'Nope' }).expect(403);
      expect(res.body).toMatchObject({ success: false, message: 'This action is unauthorized.', error: 'Forbidden' });
    });

    it('forbids a caller who is not a member of the workspace', async () => {
      const other = await t.factories.workspace();
      const res = await http.post(path('', other.id), ws.owner.token).send({ name: 'Nope' }).expect(403);
      expect(res.body.message).toBe('You are not a member of this workspace.');
    });

    it('checks membership before validating the body', async () => {
      const other = await t.factories.workspace();
      await http.post(path('', other.id), ws.owner.token).send({}).expect(403);
    });

    it('requires workspace_id, as an integer, consistent between query and body', async () => {
      const missing = await http.post('/api/v2/projects', ws.owner.token).send({ name: 'A' }).expect(422);
      expect(missing.body.errors.workspace_id).toHaveLength(1);
      await http.post('/api/v2/projects?workspace_id=abc', ws.owner.token).send({ name: 'A' }).expect(422);
      const conflicting = await http
        .post(path(), ws.owner.token)
        .send({ name: 'A', workspace_id: ws.id + 1000 })
        .expect(422);
      expect(conflicting.body.errors).toHaveProperty('workspace_id');
    });
  });

  describe('GET /projects (listProjects)', () => {
    it('lists live projects oldest first with pagination meta', async () => {
      const own = await t.factories.workspace();
      for (const name of ['Alpha', 'Beta', 'Gamma']) await t.factories.project(own.id, { name });
      const res = await http.get(`${path('', own.id)}&per_page=2`, own.owner.token).expect(200);
      expect(res.body.success).toBe(true);
      expect(res.body).not.toHaveProperty('message');
      expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Alpha', 'Beta']);
      expect(res.body.meta.pagination).toEqual({ total: 3, per_page: 2, current_page: 1, last_page: 2, from: 1, to: 2 });
      const page2 = await http.get(`${path('', own.id)}&per_page=2&page=2`, own.owner.token).expect(200);
      expect(page2.body.meta.pagination).toEqual({ total: 3, per_page: 2, current_page: 2, last_page: 2, from: 3, to: 3 });
      const beyond = await http.get(`${path('', own.id)}&page=9`, own.owner.token).expect(200);
      expect(beyond.body.data).toEqual([]);
      // A page past the end has no row to carry the total: the count runs alone and still reports it.
      expect(beyond.body.meta.pagination).toMatchObject({ total: 3, from: null, to: null, last_page: 1 });
      const empty = await t.factories.workspace();
      const none = await http.get(path('', empty.id), empty.owner.token).expect(200);
      expect(none.body.meta.pagination).toMatchObject({ total: 0, from: null, to: null });
    });

    it('filters by name, case-insensitively and partially, treating LIKE wildcards literally', async () => {
      const own = await t.factories.workspace();
      await t.factories.project(own.id, { name: 'Marketing Campaign' });
      await t.factories.project(own.id, { name: 'Email MARKETING' });
      await t.factories.project(own.id, { name: 'Sales 100%' });
      const res = await http.get(`${path('', own.id)}&name=marketing`, own.owner.token).expect(200);
      expect(res.body.data).toHaveLength(2);
      const percent = await http.get(`${path('', own.id)}&name=${encodeURIComponent('%')}`, own.owner.token).expect(200);
      expect(percent.body.data.map((p: { name: string }) => p.name)).toEqual(['Sales 100%']);
      const empty = await http.get(`${path('', own.id)}&name=`, own.owner.token).expect(200);
      expect(empty.body.meta.pagination.total).toBe(3);
    });

    it('returns tags and counts active contracts', async () => {
      const own = await t.factories.workspace();
      const project = await t.factories.project(own.id, { name: 'Tagged' });
      await t.factories.tag(own.id, project.id, 'Marketing', '#FF5733');
      const a = await t.factories.member(own.id, Role.RegularUser);
      const b = await t.factories.member(own.id, Role.RegularUser);
      await t.factories.contract(own.id, project.id, a.userId);
      await t.factories.contract(own.id, project.id, b.userId, 'paused');
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body.data[0]).toMatchObject({
        tags: [{ id: expect.any(Number), name: 'Marketing', color: '#FF5733' }],
        contracts_count: 1,
      });
    });

    it('does not list archived projects or other workspaces’ projects', async () => {
      const own = await t.factories.workspace();
      const other = await t.factories.workspace();
      await t.factories.project(own.id, { name: 'Live' });
      await t.factories.project(own.id, { name: 'Archived', deletedAt: new Date() });
      await t.factories.project(other.id, { name: 'Foreign' });
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Live']);
    });

    it('filters by role: RU assigned, PM managed, PV assigned, TM managed teams', async () => {
      const own = await t.factories.workspace();
      const p1 = await t.factories.project(own.id, { name: 'P1' });
      const p2 = await t.factories.project(own.id, { name: 'P2' });
      const p3 = await t.factories.project(own.id, { name: 'P3' });
      const p4 = await t.factories.project(own.id, { name: 'P4' });
      const ru = await t.factories.member(own.id, Role.RegularUser);
      const pm = await t.factories.member(own.id, Role.ProjectManager);
      const pv = await t.factories.member(own.id, Role.ProjectViewer);
      const tm = await t.factories.member(own.id, Role.TeamManager);
      const teamMate = await t.factories.member(own.id, Role.RegularUser);
      const em = await t.factories.member(own.id, Role.ExecutiveManager);
      await t.factories.contract(own.id, p1.id, ru.userId);
      await t.factories.contract(own.id, p4.id, ru.userId, 'paused');
      await t.factories.projectManager(p2.id, pm.userId);
      await t.factories.viewerAssignment(p3.id, pv.userId);
      await t.factories.team(own.id, tm.userId, [teamMate.userId]);
      await t.factories.contract(own.id, p4.id, teamMate.userId);

      const names = async (token: string): Promise<string[]> =>
        (await http.get(path('', own.id), token).expect(200)).body.data.map((p: { name: string }) => p.name);
      expect(await names(ru.token)).toEqual(['P1']);
      expect(await names(pm.token)).toEqual(['P2']);
      expect(await names(pv.token)).toEqual(['P3']);
      expect(await names(tm.token)).toEqual(['P4']);
      expect(await names(em.token)).toEqual(['P1', 'P2', 'P3', 'P4']);
      // Outside the caller's scope is "not found", never 403.
      await http.get(path(`/${p2.id}`, own.id), ru.token).expect(404);
    });

    it('shows rate only to callers who may view rates', async () => {
      const own = await t.factories.workspace();
      const project = await t.factories.project(own.id);
      const withRates = await t.factories.member(own.id, Role.ExecutiveManager, { rateStatus: 1 });
      const withoutRates = await t.factories.member(own.id, Role.ExecutiveManager);
      expect((await http.get(path(`/${project.id}`, own.id), withRates.token).expect(200)).body.data).toHaveProperty('rate', 0);
      expect((await http.get(path(`/${project.id}`, own.id), withoutRates.token).expect(200)).body.data).not.toHaveProperty('rate');
    });

    it.each([['per_page=0'], ['per_page=101'], ['page=abc'], ['page=0'], ['per_page=1.5']])('rejects %s with 422', async (query) => {
      const res = await http.get(`${path()}&${query}`, ws.owner.token).expect(422);
      expect(Object.keys(res.body.errors)).toHaveLength(1);
    });

    it('accepts per_page=100', async () => {
      const res = await http.get(`${path()}&per_page=100`, ws.owner.token).expect(200);
      expect(res.body.meta.pagination.per_page).toBe(100);
    });
  });

  describe('GET /projects/:projectId (getProject)', () => {
    it('returns the project with the documented message', async () => {
      const project = await t.factories.project(ws.id, { name: 'Single' });
      const res = await http.get(path(`/${project.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Project retrieved successfully',
        data: { id: project.id, name: 'Single' },
      });
    });

    it.each([['999999999'], ['abc'], ['0'], ['-1']])('answers 404 for id %s', async (id) => {
      const res = await http.get(path(`/${id}`), ws.owner.token).expect(404);
      expect(res.body).toMatchObject({ success: false, message: 'Project not found.', error: 'Not Found' });
    });

    it('answers 404 for another workspace’s project, without its data', async () => {
      const other = await t.factories.workspace();
      const foreign = await t.factories.project(other.id, { name: 'Secret' });
      const res = await http.get(path(`/${foreign.id}`), ws.owner.token).expect(404);
      expect(JSON.stringify(res.body)).not.toContain('Secret');
    });
  });

  describe('PUT /projects/:projectId (updateProject)', () => {
    it('updates only the fields sent', async () => {
      const project = await t.factories.project(ws.id, { name: 'Before', notes: 'keep me', startDate: '2024-01-15' });
      const res = await http
        .put(path(`/${project.id}`), ws.owner.token)
        .send({ name: 'After', deadline: '2024-04-30', budget: 6000 })
        .expect(200);
      expect(res.body).toMatchObject({
        message: 'Project updated successfully',
        data: { name: 'After', notes: 'keep me', start_date: '2024-01-15', deadline: '2024-04-30', budget_estimation: 6000 },
      });
    });

    it('clears an optional field with null', async () => {
      const project = await t.factories.project(ws.id, { notes: 'old' });
      const res = await http
        .put(path(`/${project.id}`), ws.owner.token)
        .send({ notes: null })
        .expect(200);
      expect(res.body.data.notes).toBeNull();
    });

    it('validates the deadline against the stored start date and changes nothing', async () => {
      const project = await t.factories.project(ws.id, { name: 'Dated', startDate: '2024-05-01' });
      const res = await http
        .put(path(`/${project.id}`), ws.owner.token)
        .send({ name: 'Renamed', deadline: '2024-04-01' })
        .expect(422);
      expect(res.body.errors).toHaveProperty('deadline');
      const after = await http.get(path(`/${project.id}`), ws.owner.token).expect(200);
      expect(after.body.data).toMatchObject({ name: 'Dated', deadline: null });
    });

    it.each([[{ name: null }], [{ name: '' }], [{ estimation: -5 }], [{ start_date: 'tomorrow' }]])('rejects %j with 422', async (body) => {
      const project = await t.factories.project(ws.id);
      await http
        .put(path(`/${project.id}`), ws.owner.token)
        .send(body)
        .expect(422);
    });

    it('forbids a Regular User with 403 and answers 404 for an unknown project', async () => {
      const project = await t.factories.project(ws.id);
      const ru = await t.factories.member(ws.id, Role.RegularUser);
      await t.factories.contract(ws.id, project.id, ru.userId);
      await http
        .put(path(`/${project.id}`), ru.token)
        .send({ name: 'x' })
        .expect(403);
      await http.put(path('/987654321'), ws.owner.token).send({ name: 'x' }).expect(404);
    });
  });

  describe('DELETE /projects/:projectId (archiveProject)', () => {
    it('archives with data null, then the project is gone (404)', async () => {
      const project = await t.factories.project(ws.id);
      const res = await http.delete(path(`/${project.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Project deleted successfully', data: null });
      await http.get(path(`/${project.id}`), ws.owner.token).expect(404);
      await http
        .put(path(`/${project.id}`), ws.owner.token)
        .send({ name: 'x' })
        .expect(404);
      await http.delete(path(`/${project.id}`), ws.owner.token).expect(404);
    });

    it('forbids a Project manager, even of that project', async () => {
      const project = await t.factories.project(ws.id);
      const pm = await t.factories.member(ws.id, Role.ProjectManager);
      await t.factories.projectManager(project.id, pm.userId);
      await http.delete(path(`/${project.id}`), pm.token).expect(403);
    });

    it('answers 404 for another workspace’s project and leaves it alone', async () => {
      const other = await t.factories.workspace();
      const foreign = await t.factories.project(other.id);
      await http.delete(path(`/${foreign.id}`), ws.owner.token).expect(404);
      await http.get(path(`/${foreign.id}`, other.id), other.owner.token).expect(200);
    });
  });

  describe('authentication (401)', () => {
    it('rejects a missing token', async () => {
      const res = await http.get(path()).expect(401);
      expect(res.body).toMatchObject({ success: false, message: 'Unauthenticated.', error: 'Unauthorized' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([['Basic abc'], ['Bearer'], ['Bearer not-a-token'], ['Bearer wwpat_unknownunknownunknownunknownunknown000000']])(
      'rejects Authorization: %s',
      async (header) => {
        const res = await http.raw().get(path()).set('Authorization', header).expect(401);
        expect(res.body.message).toBe('Unauthenticated.');
      },
    );

    it('rejects an expired token', async () => {
      const member = await t.factories.member(ws.id, Role.ExecutiveManager);
      await t.factories.expireToken(member.tokenId);
      const res = await http.get(path(), member.token).expect(401);
      expect(res.headers['www-authenticate']).toContain('invalid_token');
    });

    it('rejects a revoked token', async () => {
      const member = await t.factories.member(ws.id, Role.ExecutiveManager);
      await http.get(path(), member.token).expect(200);
      await t.factories.revokeToken(member.tokenId);
      await http.get(path(), member.token).expect(401);
    });

    it('never accepts a token from the query string', async () => {
      await http.get(`${path()}&access_token=${ws.owner.token}`).expect(401);
    });

    it('authenticates before validating (401 wins over 422)', async () => {
      await http.post('/api/v2/projects').send({}).expect(401);
    });
  });
});

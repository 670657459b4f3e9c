import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const CONTRACT_FIELDS = [
  'id',
  'contract_name',
  'project_id',
  'project_name',
  'project_icon',
  'user_id',
  'user_firstname',
  'user_lastname',
  'user_email',
  'user_role',
  'weekly_hours_limit',
  'screenshots',
  'screenshots_label',
  'rate',
  'rate_type',
  'currency',
  'status',
  'created_at',
  'updated_at',
];
const RATE_FIELDS = ['rate', 'rate_type', 'currency'];
const WITHOUT_RATES = CONTRACT_FIELDS.filter((field) => !RATE_FIELDS.includes(field));

interface ContractBody {
  id: number;
  user_id: number;
  project_id: number;
  status: string;
}

describe('Contracts (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/contracts${suffix}?workspace_id=${workspaceId}`;
  const member = (role: Role = Role.RegularUser, workspaceId = ws.id, options: { rateStatus?: number } = {}): Promise<TestMember> =>
    t.factories.members.create({ workspaceId, role, ...options });
  const project = (workspaceId = ws.id, overrides: { name?: string; icon?: string; isBillable?: boolean; archived?: boolean } = {}) =>
    t.factories.projects.create({ workspaceId, ...overrides });
  const liveRows = async (projectId: number, userId: number): Promise<number> =>
    Number(
      (
        (await t.dataSource.query('SELECT count(*) AS n FROM contracts WHERE project_id = $1 AND user_id = $2 AND deleted_at IS NULL', [
          projectId,
          userId,
        ])) as { n: string }[]
      )[0].n,
    );
  const eventsOf = async (contractId: number): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE type LIKE 'contract.%' AND (payload->>'id')::int = $1 ORDER BY id`, [
      contractId,
    ]);

  describe('POST /contracts (createContract)', () => {
    it('creates a contract with the documented body, defaults and event', async () => {
      const p = await project(ws.id, { name: 'Marketing Campaign Q1', icon: 'project-icon-1' });
      const user = await t.factories.users.create({ firstname: 'John', lastname: 'Doe' });
      await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, userId: user.id });
      const res = await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: user.id }).expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Contract created successfully',
        data: {
          contract_name: 'Marketing Campaign Q1 - John Doe',
          project_id: p.id,
          project_name: 'Marketing Campaign Q1',
          project_icon: 'project-icon-1',
          user_id: user.id,
          user_firstname: 'John',
          user_lastname: 'Doe',
          user_email: user.email,
          user_role: 'Regular User',
          weekly_hours_limit: 168,
          screenshots: 'full',
          screenshots_label: 'Screenshot on',
          rate: null,
          rate_type: 2,
          currency: null,
          status: 'active',
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(CONTRACT_FIELDS);
      expect(res.body.data.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const events = await eventsOf(res.body.data.id);
      expect(events).toEqual([{ type: 'contract.created', payload: expect.objectContaining({ id: res.body.data.id, rate_type: 2 }) }]);
    });

    it('saves rate, hours limit and screenshot mode; a rate sets rate_type 1', async () => {
      const p = await project();
      const ru = await member();
      const res = await http
        .post(path(), ws.owner.token)
        .send({ project_id: p.id, user_id: ru.userId, weekly_hours_limit: 40, screenshots: 'video_blurred_silent', rate: 50.5 })
        .expect(201);
      expect(res.body.data).toMatchObject({
        weekly_hours_limit: 40,
        screenshots: 'video_blurred_silent',
        screenshots_label: 'Silent video blurred',
        rate: 50.5,
        rate_type: 1,
      });
    });

    it('accepts workspace_id in the body and form-encoded bodies', async () => {
      const p = await project();
      const [a, b] = [await member(), await member()];
      await http.post('/api/v2/contracts', ws.owner.token).send({ workspace_id: ws.id, project_id: p.id, user_id: a.userId }).expect(201);
      const form = await http
        .post(path(), ws.owner.token)
        .type('form')
        .send(`project_id=${p.id}&user_id=${b.userId}&weekly_hours_limit=20&rate=12.25`)
        .expect(201);
      expect(form.body.data).toMatchObject({ weekly_hours_limit: 20, rate: 12.25 });
    });

    it('silently ignores a rate from an Executive manager who may not view rates', async () => {
      const em = await member(Role.ExecutiveManager, ws.id, { rateStatus: 0 });
      const p = await project();
      const ru = await member();
      const res = await http.post(path(), em.token).send({ project_id: p.id, user_id: ru.userId, rate: 99 }).expect(201);
      expect(Object.keys(res.body.data)).toEqual(WITHOUT_RATES);
      const [stored] = await t.dataSource.query('SELECT rate, rate_type FROM contracts WHERE id = $1', [res.body.data.id]);
      expect(stored).toEqual({ rate: null, rate_type: 2 });
    });

    it('assigns an invited (inactive) member', async () => {
      const p = await project();
      const invited = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'inactive' });
      await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: invited.userId }).expect(201);
    });

    it.each([
      [{}, 'project_id'],
      [{ user_id: 1 }, 'project_id'],
      [{ project_id: 1 }, 'user_id'],
      [{ project_id: 'abc', user_id: 1 }, 'project_id'],
      [{ project_id: 1.5, user_id: 1 }, 'project_id'],
      [{ project_id: 1, user_id: 1, weekly_hours_limit: 169 }, 'weekly_hours_limit'],
      [{ project_id: 1, user_id: 1, weekly_hours_limit: -1 }, 'weekly_hours_limit'],
      [{ project_id: 1, user_id: 1, weekly_hours_limit: 12.5 }, 'weekly_hours_limit'],
      [{ project_id: 1, user_id: 1, screenshots: 'blur' }, 'screenshots'],
      [{ project_id: 1, user_id: 1, rate: -1 }, 'rate'],
      [{ project_id: 1, user_id: 1, rate: 1.234 }, 'rate'],
      [{ project_id: 1, user_id: 1, rate: 'lots' }, 'rate'],
      [{ project_id: 1, user_id: 1, rate: null }, 'rate'],
    ])('rejects %j with 422 on %s', async (body, field) => {
      const res = await http.post(path(), ws.owner.token).send(body).expect(422);
      expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
      expect(res.body.errors[field]).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('refuses a Project viewer as the contract holder with 422', async () => {
      const p = await project();
      const pv = await member(Role.ProjectViewer);
      const res = await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: pv.userId }).expect(422);
      expect(res.body.errors.user_id).toEqual(['A Project viewer cannot be assigned to a project.']);
      expect(await liveRows(p.id, pv.userId)).toBe(0);
    });

    it('answers 404 for an unknown, archived or foreign project and for a user who is not a member', async () => {
      const ru = await member();
      const other = await t.factories.workspace();
      const foreignProject = await project(other.id);
      const archived = await project(ws.id, { archived: true });
      for (const projectId of [2_000_000_000, archived.id, foreignProject.id]) {
        const res = await http.post(path(), ws.owner.token).send({ project_id: projectId, user_id: ru.userId }).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Project not found.', error: 'Not Found' });
      }
      const p = await project();
      const outsider = await t.factories.users.create();
      const left = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'left' });
      for (const userId of [outsider.id, left.userId, other.owner.userId]) {
        const res = await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: userId }).expect(404);
        expect(res.body.message).toBe('User not found.');
      }
    });

    it('answers 409 for a second contract of the same member and project, paused included', async () => {
      const p = await project();
      const ru = await member();
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: p.id, userId: ru.userId, status: 'paused' });
      const res = await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: ru.userId }).expect(409);
      expect(res.body).toMatchObject({ success: false, message: 'User is already assigned to this project.', error: 'Conflict' });
      expect(await liveRows(p.id, ru.userId)).toBe(1);
    });

    it('allows a new contract once the previous one was deleted', async () => {
      const p = await project();
      const ru = await member();
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: p.id, userId: ru.userId, deleted: true });
      await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: ru.userId }).expect(201);
    });

    it('gives exactly one 201 and one row for 10 simultaneous creates of the same member and project', async () => {
      const p = await project();
      const ru = await member();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: ru.userId })),
      );
      const statuses = responses.map((res) => res.status).sort();
      expect(statuses).toEqual([201, ...Array(9).fill(409)]);
      for (const res of responses.filter((r) => r.status === 409))
        expect(res.body.message).toBe('User is already assigned to this project.');
      expect(await liveRows(p.id, ru.userId)).toBe(1);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'contract.created' AND (payload->>'project_id')::int = $1`,
        [p.id],
      );
      expect(n).toBe(1);
    });

    it.each([Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer])('forbids a %s with 403', async (role) => {
      const caller = await member(role);
      const p = await project();
      const ru = await member();
      const res = await http.post(path(), caller.token).send({ project_id: p.id, user_id: ru.userId }).expect(403);
      expect(res.body).toMatchObject({ success: false, message: 'This action is unauthorized.', error: 'Forbidden' });
      expect(await liveRows(p.id, ru.userId)).toBe(0);
    });

    it('forbids a read-only token and a non-member', async () => {
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http.post(path(), token).send({}).expect(403);
      const other = await t.factories.workspace();
      const res = await http.post(path('', other.id), ws.owner.token).send({}).expect(403);
      expect(res.body.message).toBe('You are not a member of this workspace.');
    });
  });

  describe('GET /contracts (listContracts)', () => {
    it('lists live contracts oldest first, with pagination in meta and at the top level', async () => {
      const own = await t.factories.workspace();
      const p = await project(own.id);
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const m = await member(Role.RegularUser, own.id);
        ids.push((await t.factories.contracts.create({ workspaceId: own.id, projectId: p.id, userId: m.userId })).id);
      }
      const gone = await member(Role.RegularUser, own.id);
      await t.factories.contracts.create({ workspaceId: own.id, projectId: p.id, userId: gone.userId, deleted: true });
      const res = await http.get(`${path('', own.id)}&per_page=2`, own.owner.token).expect(200);
      expect(Object.keys(res.body)).toEqual(['success', 'message', 'data', 'meta', 'pagination']);
      expect(res.body.message).toBe('Contracts retrieved successfully');
      expect(res.body.data.map((c: ContractBody) => c.id)).toEqual(ids.slice(0, 2));
      const pagination = { total: 3, per_page: 2, current_page: 1, last_page: 2, from: 1, to: 2 };
      expect(res.body.meta.pagination).toEqual(pagination);
      expect(res.body.pagination).toEqual(pagination);
      expect(Object.keys(res.body.pagination)).toEqual(['current_page', 'per_page', 'total', 'last_page', 'from', 'to']);
      const page2 = await http.get(`${path('', own.id)}&per_page=2&page=2`, own.owner.token).expect(200);
      expect(page2.body.data.map((c: ContractBody) => c.id)).toEqual([ids[2]]);
      const beyond = await http.get(`${path('', own.id)}&page=5`, own.owner.token).expect(200);
      expect(beyond.body).toMatchObject({ data: [], pagination: { from: null, to: null, last_page: 1 } });
    });

    it('filters by user_id, project_id and status, alone and together', async () => {
      const own = await t.factories.workspace();
      const [p1, p2] = [await project(own.id), await project(own.id)];
      const [a, b] = [await member(Role.RegularUser, own.id), await member(Role.RegularUser, own.id)];
      const c1 = await t.factories.contracts.create({ workspaceId: own.id, projectId: p1.id, userId: a.userId });
      const c2 = await t.factories.contracts.create({ workspaceId: own.id, projectId: p2.id, userId: a.userId, status: 'paused' });
      const c3 = await t.factories.contracts.create({ workspaceId: own.id, projectId: p1.id, userId: b.userId });
      const ids = async (query: string): Promise<number[]> =>
        (await http.get(`${path('', own.id)}&${query}`, own.owner.token).expect(200)).body.data.map((c: ContractBody) => c.id);
      expect(await ids(`user_id=${a.userId}`)).toEqual([c1.id, c2.id]);
      expect(await ids(`project_id=${p1.id}`)).toEqual([c1.id, c3.id]);
      expect(await ids('status=paused')).toEqual([c2.id]);
      expect(await ids('status=active')).toEqual([c1.id, c3.id]);
      expect(await ids(`user_id=${a.userId}&project_id=${p1.id}&status=active`)).toEqual([c1.id]);
      expect(await ids('user_id=&status=')).toEqual([c1.id, c2.id, c3.id]);
      expect(await ids(`user_id=${ws.owner.userId}`)).toEqual([]);
    });

    it.each(['status=deleted', 'user_id=abc', 'project_id=0', 'per_page=101', 'page=0', 'user_id=99999999999'])(
      'rejects %s with 422',
      async (query) => {
        await http.get(`${path()}&${query}`, ws.owner.token).expect(422);
      },
    );

    it('hides contracts of archived projects and of other workspaces', async () => {
      const own = await t.factories.workspace();
      const other = await t.factories.workspace();
      const archived = await project(own.id, { archived: true });
      const m = await member(Role.RegularUser, own.id);
      await t.factories.contracts.create({ workspaceId: own.id, projectId: archived.id, userId: m.userId });
      const foreignMember = await member(Role.RegularUser, other.id);
      await t.factories.contracts.create({ workspaceId: other.id, projectId: (await project(other.id)).id, userId: foreignMember.userId });
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body.data).toEqual([]);
    });

    it('filters by role: RU own, PM managed projects + own, TM managed teams + own, PV assigned projects', async () => {
      const own = await t.factories.workspace();
      const [p1, p2, p3] = [await project(own.id), await project(own.id), await project(own.id)];
      const ru = await member(Role.RegularUser, own.id);
      const pm = await member(Role.ProjectManager, own.id);
      const tm = await member(Role.TeamManager, own.id);
      const pv = await member(Role.ProjectViewer, own.id);
      const mate = await member(Role.RegularUser, own.id);
      const stranger = await member(Role.RegularUser, own.id);
      await t.factories.projects.addManager(p2.id, pm.userId);
      await t.factories.projects.assignViewer(p3.id, pv.userId);
      await t.factories.teams.create({ workspaceId: own.id, manager: tm.userId, members: [mate.userId] });
      const c = async (projectId: number, userId: number): Promise<number> =>
        (await t.factories.contracts.create({ workspaceId: own.id, projectId, userId })).id;
      const ruOwn = await c(p1.id, ru.userId);
      const pmOwn = await c(p1.id, pm.userId);
      const onManaged = await c(p2.id, stranger.userId);
      const tmOwn = await c(p3.id, tm.userId);
      const mateOnP1 = await c(p1.id, mate.userId);
      const strangerOnP3 = await c(p3.id, stranger.userId);

      const ids = async (token: string): Promise<number[]> =>
        (await http.get(path('', own.id), token).expect(200)).body.data.map((x: ContractBody) => x.id);
      expect(await ids(ru.token)).toEqual([ruOwn]);
      expect(await ids(pm.token)).toEqual([pmOwn, onManaged]);
      expect(await ids(tm.token)).toEqual([tmOwn, mateOnP1]);
      expect(await ids(pv.token)).toEqual([tmOwn, strangerOnP3]);
      expect(await ids(own.owner.token)).toEqual([ruOwn, pmOwn, onManaged, tmOwn, mateOnP1, strangerOnP3]);
      // Outside the scope, getContract is 404.
      await http.get(path(`/${onManaged}`, own.id), ru.token).expect(404);
      await http.get(path(`/${ruOwn}`, own.id), ru.token).expect(200);
    });
  });

  describe('rate visibility (roles.md)', () => {
    it('shows rate, rate_type and currency only to callers who may view rates, and only on billable projects', async () => {
      const own = await t.factories.workspace();
      const billable = await project(own.id);
      const unbillable = await project(own.id, { isBillable: false });
      const holder = await member(Role.RegularUser, own.id);
      const onBillable = await t.factories.contracts.create({
        workspaceId: own.id,
        projectId: billable.id,
        userId: holder.userId,
        rate: 30,
        currency: 'USD',
      });
      await t.factories.contracts.create({ workspaceId: own.id, projectId: unbillable.id, userId: holder.userId, rate: 30 });
      const emWithRates = await member(Role.ExecutiveManager, own.id, { rateStatus: 1 });
      const emWithout = await member(Role.ExecutiveManager, own.id, { rateStatus: 0 });

      const list = async (token: string) => (await http.get(path('', own.id), token).expect(200)).body.data as Record<string, unknown>[];
      for (const token of [own.owner.token, emWithRates.token]) {
        const [a, b] = await list(token);
        expect(a).toMatchObject({ rate: 30, rate_type: 1, currency: 'USD' });
        expect(Object.keys(b)).toEqual(WITHOUT_RATES);
      }
      for (const token of [emWithout.token, holder.token]) {
        for (const contract of await list(token)) expect(Object.keys(contract)).toEqual(WITHOUT_RATES);
      }
      const one = await http.get(path(`/${onBillable.id}`, own.id), emWithout.token).expect(200);
      expect(Object.keys(one.body.data)).toEqual(WITHOUT_RATES);
    });

    it('shows the rate in effect: the member’s for Member Rate, the project’s for Project Rate', async () => {
      const own = await t.factories.workspace();
      const p = await t.factories.projects.create({ workspaceId: own.id, rate: '45.00' });
      const a = await t.factories.members.create({ workspaceId: own.id, role: Role.RegularUser, rate: '20.00' });
      const b = await member(Role.RegularUser, own.id);
      await t.factories.contracts.create({ workspaceId: own.id, projectId: p.id, userId: a.userId, rateType: 2 });
      await t.factories.contracts.create({ workspaceId: own.id, projectId: p.id, userId: b.userId, rateType: 3 });
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body.data.map((c: { rate: number; rate_type: number }) => [c.rate_type, c.rate])).toEqual([
        [2, 20],
        [3, 45],
      ]);
    });
  });

  describe('GET /contracts/:contractId (getContract)', () => {
    it('returns the contract with the documented message', async () => {
      const p = await project();
      const ru = await member();
      const contract = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: p.id,
        userId: ru.userId,
        screenshots: 'no_preview',
      });
      const res = await http.get(path(`/${contract.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Contract retrieved successfully',
        data: { id: contract.id, screenshots: 'no_preview', screenshots_label: 'No preview', weekly_hours_limit: 168 },
      });
      expect(Object.keys(res.body.data)).toEqual(CONTRACT_FIELDS);
    });

    it('answers 404 for unknown, malformed, deleted and foreign contracts', async () => {
      const other = await t.factories.workspace();
      const foreignMember = await member(Role.RegularUser, other.id);
      const foreign = await t.factories.contracts.create({
        workspaceId: other.id,
        projectId: (await project(other.id)).id,
        userId: foreignMember.userId,
      });
      const ru = await member();
      const deleted = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: (await project()).id,
        userId: ru.userId,
        deleted: true,
      });
      for (const id of ['2000000000', 'abc', '0', '99999999999', String(deleted.id), String(foreign.id)]) {
        const res = await http.get(path(`/${id}`), ws.owner.token).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Contract not found.', error: 'Not Found' });
      }
    });
  });

  describe('PUT /contracts/:contractId (updateContract)', () => {
    it('updates only the fields sent, records contract.updated, and says "Contract updated successfully"', async () => {
      const p = await project();
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: p.id, userId: ru.userId, weeklyHoursLimit: 30 });
      const res = await http
        .put(path(`/${contract.id}`), ws.owner.token)
        .send({ screenshots: 'blurred', status: 'paused', rate: 55 })
        .expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Contract updated successfully',
        data: { weekly_hours_limit: 30, screenshots: 'blurred', screenshots_label: 'Blurred', status: 'paused', rate: 55, rate_type: 1 },
      });
      const again = await http
        .put(path(`/${contract.id}`), ws.owner.token)
        .send({ weekly_hours_limit: 0, status: 'active' })
        .expect(200);
      expect(again.body.data).toMatchObject({ weekly_hours_limit: 0, screenshots: 'blurred', status: 'active', rate: 55 });
      expect((await eventsOf(contract.id)).map((event) => event.type)).toEqual(['contract.updated', 'contract.updated']);
    });

    it('ignores a rate from a caller who may not view rates', async () => {
      const em = await member(Role.ExecutiveManager, ws.id, { rateStatus: 0 });
      const ru = await member();
      const contract = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: (await project()).id,
        userId: ru.userId,
        rate: 10,
      });
      const res = await http
        .put(path(`/${contract.id}`), em.token)
        .send({ rate: 99, weekly_hours_limit: 20 })
        .expect(200);
      expect(Object.keys(res.body.data)).toEqual(WITHOUT_RATES);
      const [stored] = await t.dataSource.query('SELECT rate, weekly_hours_limit FROM contracts WHERE id = $1', [contract.id]);
      expect(stored).toEqual({ rate: '10.00', weekly_hours_limit: 20 });
    });

    it.each([
      [{ status: 'archived' }, 'status'],
      [{ weekly_hours_limit: 200 }, 'weekly_hours_limit'],
      [{ screenshots: 'on' }, 'screenshots'],
      [{ rate: -5 }, 'rate'],
      [{ rate: null }, 'rate'],
      [{ status: null }, 'status'],
      [{ weekly_hours_limit: null }, 'weekly_hours_limit'],
      [{ screenshots: null }, 'screenshots'],
    ])('rejects %j with 422 and changes nothing', async (body, field) => {
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: (await project()).id, userId: ru.userId });
      const res = await http
        .put(path(`/${contract.id}`), ws.owner.token)
        .send(body)
        .expect(422);
      expect(res.body.errors).toHaveProperty(field);
      const [stored] = await t.dataSource.query('SELECT status, weekly_hours_limit, screenshots FROM contracts WHERE id = $1', [
        contract.id,
      ]);
      expect(stored).toEqual({ status: 'active', weekly_hours_limit: 168, screenshots: 'full' });
    });

    it('forbids a Project manager of the project with 403 and answers 404 for unknown or deleted contracts', async () => {
      const pm = await member(Role.ProjectManager);
      const p = await project();
      await t.factories.projects.addManager(p.id, pm.userId);
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: p.id, userId: ru.userId });
      await http
        .put(path(`/${contract.id}`), pm.token)
        .send({ status: 'paused' })
        .expect(403);
      await http.put(path('/2000000000'), ws.owner.token).send({ status: 'paused' }).expect(404);
      const deleted = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: (await project()).id,
        userId: ru.userId,
        deleted: true,
      });
      await http
        .put(path(`/${deleted.id}`), ws.owner.token)
        .send({ status: 'paused' })
        .expect(404);
      const [stored] = await t.dataSource.query('SELECT status FROM contracts WHERE id = $1', [contract.id]);
      expect(stored.status).toBe('active');
    });
  });

  describe('DELETE /contracts/:contractId (deleteContract)', () => {
    it('soft-deletes with data null and contract.deleted; the contract is then gone (404)', async () => {
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: (await project()).id, userId: ru.userId });
      const res = await http.delete(path(`/${contract.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Contract deleted successfully', data: null });
      await http.get(path(`/${contract.id}`), ws.owner.token).expect(404);
      await http.delete(path(`/${contract.id}`), ws.owner.token).expect(404);
      const [stored] = await t.dataSource.query('SELECT deleted_at FROM contracts WHERE id = $1', [contract.id]);
      expect(stored.deleted_at).toBeInstanceOf(Date);
      expect((await eventsOf(contract.id)).map((event) => event.type)).toEqual(['contract.deleted']);
    });

    it('takes workspace_id from a JSON body', async () => {
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: (await project()).id, userId: ru.userId });
      await http.delete(`/api/v2/contracts/${contract.id}`, ws.owner.token).send({ workspace_id: ws.id }).expect(200);
    });

    it('forbids a Regular User with 403, even on their own contract, and answers 404 for a foreign contract', async () => {
      const ru = await member();
      const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: (await project()).id, userId: ru.userId });
      await http.delete(path(`/${contract.id}`), ru.token).expect(403);
      const other = await t.factories.workspace();
      await http.delete(path(`/${contract.id}`, other.id), other.owner.token).expect(404);
      const [stored] = await t.dataSource.query('SELECT deleted_at FROM contracts WHERE id = $1', [contract.id]);
      expect(stored.deleted_at).toBeNull();
    });
  });

  describe('contracts_count on the project', () => {
    it('follows creates, pauses and deletes', async () => {
      const p = await project();
      const count = async (): Promise<number> =>
        (await http.get(`/api/v2/projects/${p.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200)).body.data.contracts_count;
      expect(await count()).toBe(0);
      const [a, b] = [await member(), await member()];
      const first = await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: a.userId }).expect(201);
      await http.post(path(), ws.owner.token).send({ project_id: p.id, user_id: b.userId }).expect(201);
      expect(await count()).toBe(2);
      await http
        .put(path(`/${first.body.data.id}`), ws.owner.token)
        .send({ status: 'paused' })
        .expect(200);
      expect(await count()).toBe(1);
      await http
        .put(path(`/${first.body.data.id}`), ws.owner.token)
        .send({ status: 'active' })
        .expect(200);
      expect(await count()).toBe(2);
      await http.delete(path(`/${first.body.data.id}`), ws.owner.token).expect(200);
      expect(await count()).toBe(1);
    });
  });

  describe('authentication (401)', () => {
    it.each([
      ['GET', ''],
      ['POST', ''],
      ['GET', '/1'],
      ['PUT', '/1'],
      ['DELETE', '/1'],
    ])('rejects %s /contracts%s without a token', async (method, suffix) => {
      const call = http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path(suffix));
      const res = await call.expect(401);
      expect(res.body).toMatchObject({ success: false, message: 'Unauthenticated.', error: 'Unauthorized' });
    });

    it('rejects a revoked token', async () => {
      const { token, tokenId } = await t.factories.tokens.create({ userId: ws.owner.userId });
      await t.factories.tokens.revoke({ kind: 'personal_access_token', tokenId });
      await http.get(path(), token).expect(401);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { TestMember, TestWorkspace } from './support/factories';
import { TimeRequestsFactory } from './support/factories/time-requests.factory';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const TIME_REQUEST_FIELDS = [
  'id',
  'user_id',
  'contract_id',
  'project_id',
  'task_id',
  'start',
  'end',
  'status',
  'notes',
  'activity_description',
  'comment',
  'updated_by',
  'created_at',
  'updated_at',
];
const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Time requests (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let requests: TimeRequestsFactory;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    requests = new TimeRequestsFactory(t.dataSource);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/time-requests${suffix}?workspace_id=${workspaceId}`;
  const member = (role: Role = Role.RegularUser, workspaceId = ws.id): Promise<TestMember> =>
    t.factories.members.create({ workspaceId, role });
  const body = (user: TestMember, extra: Record<string, unknown> = {}) => ({
    user_id: user.userId,
    start: '2025-06-03T09:00:00Z',
    end: '2025-06-03T10:00:00Z',
    ...extra,
  });
  const statusOf = async (id: string): Promise<{ status: string; updated_by: number | null; comment: string | null }> =>
    (await t.dataSource.query('SELECT status, updated_by, comment FROM time_requests WHERE id = $1', [id]))[0];
  const eventsOf = async (id: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE type LIKE 'time_request.%' AND payload->>'id' = $1 ORDER BY id`, [
      id,
    ]);
  const contractFor = async (user: TestMember) => {
    const project = await t.factories.projects.create({ workspaceId: ws.id });
    const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: user.userId });
    return { project, contract };
  };
  const expectValidation = (res: { body: { errors?: Record<string, unknown> } }, field: string) => {
    expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
    expect(res.body.errors?.[field]).toEqual([expect.any(String)]);
  };

  describe('POST /time-requests (createTimeRequest)', () => {
    it("creates an Owner's request approved, adds the time, and answers the documented body", async () => {
      const ru = await member();
      const { project, contract } = await contractFor(ru);
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id });
      const res = await http
        .post(path(), ws.owner.token)
        .send(
          body(ru, {
            contract_id: contract.id,
            task_id: task.id,
            start: '2025-06-03T11:00:00+02:00',
            end: '2025-06-03T17:30:00+02:00',
            notes: 'Working on project documentation',
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Time request created successfully',
        data: {
          user_id: ru.userId,
          contract_id: contract.id,
          project_id: project.id,
          task_id: task.id,
          start: '2025-06-03T09:00:00Z',
          end: '2025-06-03T15:30:00Z',
          status: 'approved',
          notes: 'Working on project documentation',
          activity_description: 'Working on project documentation',
          comment: null,
          updated_by: ws.owner.userId,
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(TIME_REQUEST_FIELDS);
      expect(res.body.data.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.data.created_at).toMatch(UTC_SECONDS);
      expect(await requests.entriesOf(ws.id, ru)).toEqual([
        expect.objectContaining({
          start_time: new Date('2025-06-03T09:00:00Z'),
          end_time: new Date('2025-06-03T15:30:00Z'),
          method: 'Manually added time',
          contract_id: contract.id,
        }),
      ]);
      expect((await eventsOf(res.body.data.id)).map((event) => event.type)).toEqual(['time_request.created', 'time_request.approved']);
    });

    it('leaves a Regular User’s own request pending, with no time added', async () => {
      const ru = await member();
      const res = await http
        .post(path(), ru.token)
        .send(body(ru, { activity_description: 'Docs', notes: 'ignored' }))
        .expect(201);
      expect(res.body.data).toMatchObject({
        status: 'pending',
        updated_by: null,
        contract_id: null,
        project_id: null,
        notes: 'Docs',
        activity_description: 'Docs',
      });
      expect(await requests.entriesOf(ws.id, ru)).toEqual([]);
      expect(await eventsOf(res.body.data.id)).toEqual([{ type: 'time_request.created', payload: res.body.data }]);
    });

    it('approves a Regular User’s request at once when the workspace auto-approves', async () => {
      const own = await t.factories.workspace();
      await requests.autoApprove(own.id, true);
      const ru = await member(Role.RegularUser, own.id);
      const res = await http.post(path('', own.id), ru.token).send(body(ru)).expect(201);
      expect(res.body.data).toMatchObject({ status: 'approved', updated_by: ru.userId });
      expect(await requests.entriesOf(own.id, ru)).toHaveLength(1);
    });

    it('approves an auto-approved request whose time is all recorded already, adding nothing', async () => {
      const ru = await member();
      await requests.timeEntry({ workspaceId: ws.id, user: ru, start: '2025-06-03T08:00:00Z', end: '2025-06-03T11:00:00Z' });
      const res = await http.post(path(), ws.owner.token).send(body(ru)).expect(201);
      expect(res.body.data.status).toBe('approved');
      expect(await requests.entriesOf(ws.id, ru)).toHaveLength(1);
    });

    it.each([
      [{}, 'user_id'],
      [{ user_id: 1, end: '2025-06-03T10:00:00Z' }, 'start'],
      [{ user_id: 1, start: '2025-06-03T10:00:00Z' }, 'end'],
      [{ user_id: 'me', start: '2025-06-03T09:00:00Z', end: '2025-06-03T10:00:00Z' }, 'user_id'],
      [{ user_id: 1, start: '2025-06-03T09:00:00', end: '2025-06-03T10:00:00Z' }, 'start'],
      [{ user_id: 1, start: '2025-02-30T09:00:00Z', end: '2025-06-03T10:00:00Z' }, 'start'],
      [{ user_id: 1, start: 'yesterday', end: '2025-06-03T10:00:00Z' }, 'start'],
      [{ user_id: 1, start: '1969-12-31T23:00:00Z', end: '1970-01-01T00:30:00Z' }, 'start'],
      [{ user_id: 1, start: '2025-06-03T10:00:00Z', end: '2025-06-03T10:00:00Z' }, 'end'],
      [{ user_id: 1, start: '2025-06-03T10:00:00Z', end: '2025-06-03T09:00:00Z' }, 'end'],
      [{ user_id: 1, start: '2025-06-03T09:00:00Z', end: '2025-06-04T09:00:01Z' }, 'end'],
      [{ user_id: 1, start: '2099-06-03T09:00:00Z', end: '2099-06-03T10:00:00Z' }, 'end'],
      [{ user_id: 1, start: '2025-06-03T09:00:00Z', end: '2025-06-03T10:00:00Z', contract_id: 'x' }, 'contract_id'],
      [{ user_id: 1, start: '2025-06-03T09:00:00Z', end: '2025-06-03T10:00:00Z', task_id: 0 }, 'task_id'],
      [{ user_id: 1, start: '2025-06-03T09:00:00Z', end: '2025-06-03T10:00:00Z', notes: 'x'.repeat(1001) }, 'notes'],
    ])('answers 422 for %j on %s', async (input, field) => {
      expectValidation(await http.post(path(), ws.owner.token).send(input).expect(422), field);
    });

    it('explains each rule of end in its message', async () => {
      const ru = await member();
      const send = async (start: string, end: string) =>
        (await http.post(path(), ws.owner.token).send(body(ru, { start, end })).expect(422)).body.errors.end;
      expect(await send('2025-06-03T10:00:00Z', '2025-06-03T09:00:00Z')).toEqual(['The end must be a date-time after start.']);
      expect(await send('2025-06-03T09:00:00Z', '2025-06-04T10:00:00Z')).toEqual(['A time request may cover at most 24 hours.']);
      expect(await send('2099-06-03T09:00:00Z', '2099-06-03T10:00:00Z')).toEqual(['The end must not be in the future.']);
    });

    it('answers 422 for a task without a contract and for a task of another project', async () => {
      const ru = await member();
      const { contract } = await contractFor(ru);
      const other = await t.factories.projects.create({ workspaceId: ws.id });
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: other.id });
      const noContract = await http
        .post(path(), ws.owner.token)
        .send(body(ru, { task_id: task.id }))
        .expect(422);
      expect(noContract.body.errors).toEqual({ task_id: ['The task id field requires a contract id.'] });
      const elsewhere = await http
        .post(path(), ws.owner.token)
        .send(body(ru, { contract_id: contract.id, task_id: task.id }))
        .expect(422);
      expect(elsewhere.body.errors).toEqual({ task_id: ['The selected task_id is invalid.'] });
      expect(await requests.entriesOf(ws.id, ru)).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      const res = await http.post(path()).send({}).expect(401);
      expect(res.body).toMatchObject({ success: false, message: 'Unauthenticated.' });
    });

    it('answers 403 when a member other than OW/EM asks for someone else, and to Project viewers', async () => {
      const [ru, other, tm, pv] = [await member(), await member(), await member(Role.TeamManager), await member(Role.ProjectViewer)];
      await t.factories.teams.create({ workspaceId: ws.id, manager: tm, members: [other] });
      for (const caller of [ru, tm]) {
        const res = await http.post(path(), caller.token).send(body(other)).expect(403);
        expect(res.body).toMatchObject({ success: false, message: 'This action is unauthorized.', error: 'Forbidden' });
      }
      await http.post(path(), pv.token).send(body(pv)).expect(403);
      expect(await t.dataSource.query('SELECT 1 FROM time_requests WHERE user_id = ANY($1)', [[other.userId, pv.userId]])).toEqual([]);
    });

    it('answers 404 for a user who is not a member and for a contract that is not one of theirs', async () => {
      const outsider = await t.factories.users.create();
      const left = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'left' });
      for (const userId of [outsider.id, left.userId, 2_000_000_000]) {
        const res = await http
          .post(path(), ws.owner.token)
          .send(body(left, { user_id: userId }))
          .expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'User not found.', error: 'Not Found' });
      }
      const [ru, colleague] = [await member(), await member()];
      const { contract } = await contractFor(colleague);
      const foreign = await t.factories.workspace();
      const foreignProject = await t.factories.projects.create({ workspaceId: foreign.id });
      const foreignContract = await t.factories.contracts.create({
        workspaceId: foreign.id,
        projectId: foreignProject.id,
        userId: ru.userId,
      });
      for (const contractId of [contract.id, foreignContract.id, 2_000_000_000]) {
        const res = await http
          .post(path(), ws.owner.token)
          .send(body(ru, { contract_id: contractId }))
          .expect(404);
        expect(res.body.message).toBe('Contract not found.');
      }
    });

    it('answers 422 for a Project viewer as the member', async () => {
      const pv = await member(Role.ProjectViewer);
      const res = await http.post(path(), ws.owner.token).send(body(pv)).expect(422);
      expect(res.body.errors).toEqual({ user_id: ['A Project viewer cannot have time requests.'] });
    });

    it('answers 409 for a period whose timesheet is approved, pending or auto-approved alike', async () => {
      const ru = await member();
      await requests.timesheet({ workspaceId: ws.id, user: ru, monday: '2025-06-02' });
      for (const token of [ru.token, ws.owner.token]) {
        const res = await http.post(path(), token).send(body(ru)).expect(409);
        expect(res.body).toMatchObject({
          success: false,
          message: 'The timesheet for this period is approved; its time cannot change.',
          error: 'Conflict',
        });
      }
      expect(await t.dataSource.query('SELECT 1 FROM time_requests WHERE user_id = $1', [ru.userId])).toEqual([]);
      // The week after is open.
      await http
        .post(path(), ru.token)
        .send(body(ru, { start: '2025-06-09T09:00:00Z', end: '2025-06-09T10:00:00Z' }))
        .expect(201);
    });
  });

  describe('GET /time-requests (listTimeRequests)', () => {
    const list = (query: string, token: string, workspaceId = ws.id) => http.get(`${path('', workspaceId)}&${query}`, token);

    it('lists requests whose start falls in the range, in the owner’s time zone, newest first', async () => {
      const own = await t.factories.workspace();
      await t.dataSource.query('UPDATE users SET timezone = $2 WHERE id = $1', [own.owner.userId, 'America/New_York']);
      const ru = await member(Role.RegularUser, own.id);
      // 2025-06-03T02:00Z is 22:00 on June 2 in New York.
      const lateJune2 = await requests.create({ workspaceId: own.id, user: ru, start: '2025-06-03T02:00:00Z' });
      const june3 = await requests.create({ workspaceId: own.id, user: ru, start: '2025-06-03T12:00:00Z' });
      await requests.create({ workspaceId: own.id, user: ru, start: '2025-06-03T12:00:00Z', deleted: true });
      const res = await list('date_from=2025-06-02&date_to=2025-06-02', own.owner.token, own.id).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Time requests retrieved successfully',
        meta: { pagination: { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 } },
      });
      expect(res.body.data.map((row: { id: string }) => row.id)).toEqual([lateJune2.id]);
      expect(Object.keys(res.body.data[0])).toEqual(TIME_REQUEST_FIELDS);
      const both = await list('date_from=2025-06-01&date_to=2025-06-03', own.owner.token, own.id).expect(200);
      expect(both.body.data.map((row: { id: string }) => row.id)).toEqual([june3.id, lateJune2.id]);
    });

    it('filters by status, user_id, project_id and id, and pages', async () => {
      const own = await t.factories.workspace();
      const [a, b] = [await member(Role.RegularUser, own.id), await member(Role.RegularUser, own.id)];
      const project = await t.factories.projects.create({ workspaceId: own.id });
      const contract = await t.factories.contracts.create({ workspaceId: own.id, projectId: project.id, userId: a.userId });
      const onProject = await requests.create({ workspaceId: own.id, user: a, contractId: contract.id, projectId: project.id });
      const rejected = await requests.create({ workspaceId: own.id, user: a, status: 'rejected', start: '2025-06-04T09:00:00Z' });
      const ofB = await requests.create({ workspaceId: own.id, user: b, start: '2025-06-05T09:00:00Z' });
      const ids = async (query: string) =>
        (await list(`date_from=2025-06-01&date_to=2025-06-30&${query}`, own.owner.token, own.id).expect(200)).body.data.map(
          (row: { id: string }) => row.id,
        );
      expect(await ids('status=rejected')).toEqual([rejected.id]);
      expect(await ids('status=pending')).toEqual([ofB.id, onProject.id]);
      expect(await ids(`user_id=${b.userId}`)).toEqual([ofB.id]);
      expect(await ids(`project_id=${project.id}`)).toEqual([onProject.id]);
      expect(await ids(`id=${rejected.id.toUpperCase()}`)).toEqual([rejected.id]);
      expect(await ids(`status=pending&user_id=${a.userId}&project_id=${project.id}&id=${onProject.id}`)).toEqual([onProject.id]);
      const page = await list('date_from=2025-06-01&date_to=2025-06-30&per_page=2&page=2', own.owner.token, own.id).expect(200);
      expect(page.body.data.map((row: { id: string }) => row.id)).toEqual([onProject.id]);
      expect(page.body.meta.pagination).toEqual({ total: 3, per_page: 2, current_page: 2, last_page: 2, from: 3, to: 3 });
    });

    it('shows a Regular User their own requests and a Team manager their team’s', async () => {
      const own = await t.factories.workspace();
      const [ru, mate, tm] = [
        await member(Role.RegularUser, own.id),
        await member(Role.RegularUser, own.id),
        await member(Role.TeamManager, own.id),
      ];
      await t.factories.teams.create({ workspaceId: own.id, manager: tm, members: [mate] });
      const mine = await requests.create({ workspaceId: own.id, user: ru });
      const mates = await requests.create({ workspaceId: own.id, user: mate, start: '2025-06-04T09:00:00Z' });
      const ids = async (token: string) =>
        (await list('date_from=2025-06-01&date_to=2025-06-30', token, own.id).expect(200)).body.data.map((row: { id: string }) => row.id);
      expect(await ids(ru.token)).toEqual([mine.id]);
      expect(await ids(tm.token)).toEqual([mates.id]);
    });

    it.each([
      ['', 'date_from'],
      ['date_from=2025-06-01', 'date_to'],
      ['date_from=2025-06-10&date_to=2025-06-01', 'date_to'],
      ['date_from=2025-06-01&date_to=2025-06-31', 'date_to'],
      ['date_from=2025-06-01&date_to=2025-06-30&per_page=101', 'per_page'],
      ['date_from=2025-06-01&date_to=2025-06-30&status=done', 'status'],
      ['date_from=2025-06-01&date_to=2025-06-30&user_id=x', 'user_id'],
      ['date_from=2025-06-01&date_to=2025-06-30&id=123', 'id'],
    ])('answers 422 for %p on %s', async (query, field) => {
      const res = await list(query, ws.owner.token).expect(422);
      expect(res.body.errors[field]).toEqual(expect.arrayContaining([expect.any(String)]));
    });

    it('answers 401 without a token and 403 to a Project viewer', async () => {
      await list('date_from=2025-06-01&date_to=2025-06-30', '').expect(401);
      const pv = await member(Role.ProjectViewer);
      const res = await list('date_from=2025-06-01&date_to=2025-06-30', pv.token).expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
    });
  });

  describe('GET /time-requests/{timeRequestId} (getTimeRequest)', () => {
    it('answers the request with the documented body', async () => {
      const ru = await member();
      const created = await requests.create({ workspaceId: ws.id, user: ru, description: 'Docs' });
      const res = await http.get(path(`/${created.id}`), ru.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        data: {
          id: created.id,
          user_id: ru.userId,
          status: 'pending',
          start: '2025-06-03T09:00:00Z',
          end: '2025-06-03T10:00:00Z',
          notes: 'Docs',
        },
      });
      expect(Object.keys(res.body.data)).toEqual(TIME_REQUEST_FIELDS);
    });

    it('answers 404 for an unknown, malformed, deleted, foreign or out-of-scope id', async () => {
      const [ru, other] = [await member(), await member()];
      const othersRequest = await requests.create({ workspaceId: ws.id, user: other });
      const deleted = await requests.create({ workspaceId: ws.id, user: ru, deleted: true });
      const foreign = await t.factories.workspace();
      const foreignRequest = await requests.create({ workspaceId: foreign.id, user: foreign.owner });
      for (const [id, token] of [
        [UNKNOWN_ID, ws.owner.token],
        ['not-a-uuid', ws.owner.token],
        [deleted.id, ws.owner.token],
        [foreignRequest.id, ws.owner.token],
        [othersRequest.id, ru.token],
      ]) {
        const res = await http.get(path(`/${id}`), token).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Time request not found.', error: 'Not Found' });
      }
    });

    it('answers 401 without a token and 403 to a Project viewer', async () => {
      const pv = await member(Role.ProjectViewer);
      await http.get(path(`/${UNKNOWN_ID}`)).expect(401);
      await http.get(path(`/${UNKNOWN_ID}`), pv.token).expect(403);
    });
  });

  describe('POST /time-requests/{timeRequestId}/approve (approveTimeRequest)', () => {
    const approve = (id: string, token: string) => http.post(path(`/${id}/approve`), token).send({});

    it('approves a pending request, sets updated_by and adds the time', async () => {
      const ru = await member();
      const { project, contract } = await contractFor(ru);
      const created = await requests.create({
        workspaceId: ws.id,
        user: ru,
        contractId: contract.id,
        projectId: project.id,
        description: 'Docs',
      });
      const em = await member(Role.ExecutiveManager);
      const res = await approve(created.id, em.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Time request approved successfully',
        data: { id: created.id, status: 'approved', updated_by: em.userId, contract_id: contract.id, project_id: project.id },
      });
      expect(Object.keys(res.body.data)).toEqual(TIME_REQUEST_FIELDS);
      expect(await requests.entriesOf(ws.id, ru)).toEqual([
        expect.objectContaining({
          start_time: new Date('2025-06-03T09:00:00Z'),
          end_time: new Date('2025-06-03T10:00:00Z'),
          method: 'Manually added time',
          contract_id: contract.id,
          activity_description: 'Docs',
        }),
      ]);
      expect(await eventsOf(created.id)).toEqual([{ type: 'time_request.approved', payload: res.body.data }]);
    });

    it('skips the parts that overlap recorded time', async () => {
      const ru = await member();
      await requests.timeEntry({ workspaceId: ws.id, user: ru, start: '2025-06-03T10:00:00Z', end: '2025-06-03T11:00:00Z' });
      const created = await requests.create({ workspaceId: ws.id, user: ru, start: '2025-06-03T09:00:00Z', end: '2025-06-03T12:00:00Z' });
      await approve(created.id, ws.owner.token).expect(200);
      const spans = (await requests.entriesOf(ws.id, ru)).map((entry) => [entry.start_time.toISOString(), entry.end_time.toISOString()]);
      expect(spans).toEqual([
        ['2025-06-03T09:00:00.000Z', '2025-06-03T10:00:00.000Z'],
        ['2025-06-03T10:00:00.000Z', '2025-06-03T11:00:00.000Z'],
        ['2025-06-03T11:00:00.000Z', '2025-06-03T12:00:00.000Z'],
      ]);
    });

    it('answers 409 for a request that is not pending, changing nothing', async () => {
      const ru = await member();
      for (const status of ['approved', 'rejected'] as const) {
        const created = await requests.create({ workspaceId: ws.id, user: ru, status });
        const res = await approve(created.id, ws.owner.token).expect(409);
        expect(res.body).toMatchObject({ success: false, message: 'Time request is not pending.', error: 'Conflict' });
        expect((await statusOf(created.id)).status).toBe(status);
      }
      expect(await requests.entriesOf(ws.id, ru)).toEqual([]);
    });

    it('answers 409 when the week is approved, and leaves the request pending', async () => {
      const ru = await member();
      const created = await requests.create({ workspaceId: ws.id, user: ru });
      await requests.timesheet({ workspaceId: ws.id, user: ru, monday: '2025-06-02' });
      const res = await approve(created.id, ws.owner.token).expect(409);
      expect(res.body.message).toBe('The timesheet for this period is approved; its time cannot change.');
      expect(await statusOf(created.id)).toEqual({ status: 'pending', updated_by: null, comment: null });
      expect(await requests.entriesOf(ws.id, ru)).toEqual([]);
      expect(await eventsOf(created.id)).toEqual([]);
    });

    it('lets exactly one of a parallel approve and reject win, with a consistent state', async () => {
      for (let round = 0; round < 3; round++) {
        const ru = await member();
        const created = await requests.create({ workspaceId: ws.id, user: ru });
        const [approved, rejected] = await Promise.all([
          approve(created.id, ws.owner.token),
          http.post(path(`/${created.id}/reject`), ws.owner.token).send({ comment: 'No' }),
        ]);
        expect([approved.status, rejected.status].sort()).toEqual([200, 409]);
        const stored = await statusOf(created.id);
        const entries = await requests.entriesOf(ws.id, ru);
        expect(stored.status).toBe(approved.status === 200 ? 'approved' : 'rejected');
        expect(entries).toHaveLength(stored.status === 'approved' ? 1 : 0);
        expect((await eventsOf(created.id)).map((event) => event.type)).toEqual([`time_request.${stored.status}`]);
      }
    });

    it('answers 401, 403 to roles other than OW/EM, and 404 for unknown or foreign ids', async () => {
      const ru = await member();
      const created = await requests.create({ workspaceId: ws.id, user: ru });
      await http
        .post(path(`/${created.id}/approve`))
        .send({})
        .expect(401);
      for (const role of [Role.RegularUser, Role.TeamManager, Role.ProjectManager, Role.ProjectViewer]) {
        const res = await approve(created.id, (await member(role)).token).expect(403);
        expect(res.body.message).toBe('This action is unauthorized.');
      }
      await approve(created.id, ru.token).expect(403);
      const foreign = await t.factories.workspace();
      for (const id of [UNKNOWN_ID, 'nope', created.id]) {
        const token = id === created.id ? foreign.owner.token : ws.owner.token;
        const workspaceId = id === created.id ? foreign.id : ws.id;
        const res = await http
          .post(path(`/${id}/approve`, workspaceId), token)
          .send({})
          .expect(404);
        expect(res.body.message).toBe('Time request not found.');
      }
      expect((await statusOf(created.id)).status).toBe('pending');
    });
  });

  describe('POST /time-requests/{timeRequestId}/reject (rejectTimeRequest)', () => {
    const reject = (id: string, token: string, input: object = { comment: 'Time entry conflicts with project schedule' }) =>
      http.post(path(`/${id}/reject`), token).send(input);

    it('rejects a pending request with its comment, adding no time', async () => {
      const ru = await member();
      const created = await requests.create({ workspaceId: ws.id, user: ru });
      const res = await reject(created.id, ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Time request rejected successfully',
        data: { id: created.id, status: 'rejected', comment: 'Time entry conflicts with project schedule', updated_by: ws.owner.userId },
      });
      expect(Object.keys(res.body.data)).toEqual(TIME_REQUEST_FIELDS);
      expect(await requests.entriesOf(ws.id, ru)).toEqual([]);
      expect(await eventsOf(created.id)).toEqual([{ type: 'time_request.rejected', payload: res.body.data }]);
    });

    it.each([[{}], [{ comment: '' }], [{ comment: '   ' }], [{ comment: 'x'.repeat(1001) }], [{ comment: 5 }]])(
      'answers 422 for %j',
      async (input) => {
        const created = await requests.create({ workspaceId: ws.id, user: ws.owner });
        expectValidation(await reject(created.id, ws.owner.token, input).expect(422), 'comment');
        expect((await statusOf(created.id)).status).toBe('pending');
      },
    );

    it('answers 409 for a request that is not pending', async () => {
      const created = await requests.create({ workspaceId: ws.id, user: ws.owner, status: 'rejected', comment: 'First' });
      const res = await reject(created.id, ws.owner.token).expect(409);
      expect(res.body.message).toBe('Time request is not pending.');
      expect((await statusOf(created.id)).comment).toBe('First');
    });

    it('answers 401, 403 to roles other than OW/EM, and 404 for unknown ids', async () => {
      const ru = await member();
      const created = await requests.create({ workspaceId: ws.id, user: ru });
      await http
        .post(path(`/${created.id}/reject`))
        .send({ comment: 'x' })
        .expect(401);
      await reject(created.id, ru.token).expect(403);
      await reject(created.id, (await member(Role.TeamManager)).token).expect(403);
      await reject(UNKNOWN_ID, ws.owner.token).expect(404);
      expect((await statusOf(created.id)).status).toBe('pending');
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { ApiException } from '@app/common';
import { LeavePoliciesService } from '../apps/api/src/modules/leaves/leave-policies.service';
import { TestMember, TestWorkspace } from './support/factories';
import { LeavesFactory } from './support/factories/leaves.factory';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const LEAVE_FIELDS = [
  'id',
  'user_id',
  'policy_id',
  'policy_name',
  'status',
  'note',
  'is_paid',
  'start_date',
  'end_date',
  'leave_period',
  'start_time',
  'end_time',
  'total',
  'created_by',
  'approved_by',
  'rejected_by',
  'reject_reason',
  'created_on',
];
const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Leaves (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let leaves: LeavesFactory;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    leaves = new LeavesFactory(t.dataSource);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/leaves${suffix}?workspace_id=${workspaceId}`;
  const member = (role: Role = Role.RegularUser, workspaceId = ws.id): Promise<TestMember> =>
    t.factories.members.create({ workspaceId, role });
  /** A member with a policy of their own (day-based, 20 days a year unless said otherwise). */
  const memberWithPolicy = async (policy: Partial<Parameters<LeavesFactory['policy']>[0]> = {}, role: Role = Role.RegularUser) => {
    const person = await member(role);
    const created = await leaves.policy({ workspaceId: ws.id, ...policy, assign: [person] });
    return { person, policy: created };
  };
  const expectValidation = (res: { body: { errors?: Record<string, unknown> } }, field: string, message?: string) => {
    expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
    expect(res.body.errors?.[field]).toEqual([message ?? expect.any(String)]);
  };
  const eventsOf = async (id: string): Promise<string[]> =>
    (
      (await t.dataSource.query(`SELECT type FROM outbox_events WHERE type LIKE 'leave_request.%' AND payload->>'id' = $1 ORDER BY id`, [
        id,
      ])) as { type: string }[]
    ).map((event) => event.type);
  const requestsOf = async (userId: number): Promise<unknown[]> =>
    t.dataSource.query('SELECT id FROM leave_requests WHERE user_id = $1', [userId]);

  describe('POST /leaves (createLeaveRequest)', () => {
    it("approves an Owner's request at once and answers the documented LeaveRequest", async () => {
      const { person, policy } = await memberWithPolicy({ name: 'Vacation' });
      const res = await http
        .post(path(), ws.owner.token)
        .send({
          workspace_id: ws.id,
          policy_id: policy.id,
          start: '2026-02-10',
          end: '2026-02-12',
          user_id: person.userId,
          reason: 'I will be out of office for the next 2 days',
          leave_period: 1,
        })
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Leave request created successfully',
        data: {
          user_id: person.userId,
          policy_id: policy.id,
          policy_name: 'Vacation',
          status: 'approved',
          note: 'I will be out of office for the next 2 days',
          is_paid: 'yes',
          start_date: '2026-02-10',
          end_date: '2026-02-12',
          leave_period: 1,
          start_time: null,
          end_time: null,
          total: { days: 1.5, hours: 12 },
          created_by: ws.owner.userId,
          approved_by: ws.owner.userId,
          rejected_by: null,
          reject_reason: null,
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(LEAVE_FIELDS);
      expect(res.body.data.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.data.created_on).toMatch(UTC_SECONDS);
      expect(await eventsOf(res.body.data.id)).toEqual(['leave_request.created', 'leave_request.approved']);
    });

    it("keeps a Regular User's own request pending, in the member's time zone", async () => {
      const { person, policy } = await memberWithPolicy({ isPaid: false });
      await t.dataSource.query(`UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = $1`, [person.userId]);
      const res = await http
        .post(path(), person.token)
        .send({ policy_id: policy.id, user_id: person.userId, start: '2026-03-02', end: '2026-03-02' })
        .expect(201);
      expect(res.body.data).toMatchObject({
        status: 'pending',
        is_paid: 'no',
        leave_period: 0,
        approved_by: null,
        total: { days: 1, hours: 8 },
      });
      const [row] = (await t.dataSource.query('SELECT time_zone FROM leave_requests WHERE id = $1', [res.body.data.id])) as {
        time_zone: string;
      }[];
      expect(row.time_zone).toBe('Asia/Tokyo');
      expect(await eventsOf(res.body.data.id)).toEqual(['leave_request.created']);
    });

    it('takes an hour-based leave with its window and hours per day', async () => {
      const { person, policy } = await memberWithPolicy({ timeUnit: 'hours', duration: 40 });
      const res = await http
        .post(path(), person.token)
        .send({
          workspace_id: ws.id,
          policy_id: policy.id,
          user_id: person.userId,
          start: '2026-04-06',
          end: '2026-04-07',
          start_time: '09:00',
          end_time: '13:00',
          hours_per_day: 4,
        })
        .expect(201);
      expect(res.body.data).toMatchObject({ start_time: '09:00', end_time: '13:00', leave_period: 0, total: { days: 1, hours: 8 } });
    });

    it('refuses a request for someone else from a non-manager with 403', async () => {
      const { policy } = await memberWithPolicy();
      const other = await member();
      const tm = await member(Role.TeamManager);
      await leaves.assign(policy.id, other);
      const res = await http
        .post(path(), tm.token)
        .send({ policy_id: policy.id, user_id: other.userId, start: '2026-02-10', end: '2026-02-10' })
        .expect(403);
      expect(res.body).toMatchObject({ success: false, message: 'This action is unauthorized.', error: 'Forbidden' });
      expect(await requestsOf(other.userId)).toHaveLength(0);
    });

    it('refuses a Project viewer with 403 and an anonymous caller with 401', async () => {
      const pv = await member(Role.ProjectViewer);
      await http.post(path(), pv.token).send({ policy_id: 1, user_id: pv.userId, start: '2026-02-10', end: '2026-02-10' }).expect(403);
      const res = await http.post(path()).send({}).expect(401);
      expect(res.body.message).toBe('Unauthenticated.');
    });

    it('answers 404 for a user who is not a member of the workspace', async () => {
      const { policy } = await memberWithPolicy();
      const outsider = await t.factories.users.create();
      const res = await http
        .post(path(), ws.owner.token)
        .send({ policy_id: policy.id, user_id: outsider.id, start: '2026-02-10', end: '2026-02-10' })
        .expect(404);
      expect(res.body.message).toBe('User not found.');
    });

    it.each([
      [{ policy_id: undefined }, 'policy_id', 'The policy id field is required.'],
      [{ user_id: 'abc' }, 'user_id', 'The user id must be an integer.'],
      [{ start: undefined }, 'start', 'The start field is required.'],
      [{ start: '2026-02-30' }, 'start', 'The start must be a valid date in YYYY-MM-DD format.'],
      [{ end: '2026-02-09' }, 'end', 'The end must be a date on or after start.'],
      [{ end: '2027-02-11' }, 'end', 'The leave must not be longer than 366 days.'],
      [{ leave_period: 3 }, 'leave_period', 'The leave period must be one of: 0, 1, 2.'],
      [{ start_time: '9:00' }, 'start_time', 'The start time must be a time in HH:mm format.'],
      [{ start_time: '13:00', end_time: '09:00' }, 'end_time', 'The end time must be a time after start_time.'],
      [{ hours_per_day: 0 }, 'hours_per_day', undefined],
      [{ hours_per_day: 24.5 }, 'hours_per_day', undefined],
      [{ reason: 'x'.repeat(1001) }, 'reason', 'The reason must not be longer than 1000 characters.'],
    ])('answers 422 for the body %j', async (change, field, message) => {
      const { person, policy } = await memberWithPolicy();
      const body = { policy_id: policy.id, user_id: person.userId, start: '2026-02-10', end: '2026-02-10', ...change };
      expectValidation(await http.post(path(), ws.owner.token).send(body).expect(422), field, message);
    });

    it('answers 422 for a policy of another workspace, or one not assigned to the user', async () => {
      const { person } = await memberWithPolicy();
      const other = await t.factories.workspace();
      const foreign = await leaves.policy({ workspaceId: other.id });
      const unassigned = await leaves.policy({ workspaceId: ws.id });
      const body = { user_id: person.userId, start: '2026-02-10', end: '2026-02-10' };
      expectValidation(
        await http
          .post(path(), ws.owner.token)
          .send({ ...body, policy_id: foreign.id })
          .expect(422),
        'policy_id',
        'The selected policy_id is invalid.',
      );
      expectValidation(
        await http
          .post(path(), ws.owner.token)
          .send({ ...body, policy_id: unassigned.id })
          .expect(422),
        'policy_id',
        'The selected policy is not assigned to this user.',
      );
    });

    it("answers 422 without the reason a policy requires, and for hour fields that do not fit the policy's unit", async () => {
      const { person, policy } = await memberWithPolicy({ reasonRequired: true });
      const hourly = await leaves.policy({ workspaceId: ws.id, timeUnit: 'hours', assign: [person] });
      const base = { user_id: person.userId, start: '2026-05-04', end: '2026-05-04' };
      const post = (body: Record<string, unknown>) =>
        http
          .post(path(), person.token)
          .send({ ...base, ...body })
          .expect(422);
      expectValidation(await post({ policy_id: policy.id, reason: '  ' }), 'reason', 'The reason field is required by this policy.');
      expectValidation(await post({ policy_id: policy.id, reason: 'Trip', start_time: '09:00', end_time: '10:00' }), 'start_time');
      expectValidation(await post({ policy_id: hourly.id }), 'start_time', 'The start time field is required for hour-based policies.');
      expectValidation(await post({ policy_id: hourly.id, start_time: '09:00', end_time: '11:00' }), 'hours_per_day');
      expectValidation(
        await post({ policy_id: hourly.id, start_time: '09:00', end_time: '11:00', hours_per_day: 2.5 }),
        'hours_per_day',
        'The hours per day must not exceed the time between start_time and end_time.',
      );
      expectValidation(
        await post({ policy_id: hourly.id, start_time: '09:00', end_time: '11:00', hours_per_day: 2, leave_period: 1 }),
        'leave_period',
      );
      expect(await requestsOf(person.userId)).toHaveLength(0);
    });

    it('refuses an overlapping pending or approved leave with 409, but lets halves and separate hours coexist', async () => {
      const { person, policy } = await memberWithPolicy();
      const hourly = await leaves.policy({ workspaceId: ws.id, timeUnit: 'hours', duration: 100, assign: [person] });
      const post = (body: Record<string, unknown>) => http.post(path(), person.token).send({ user_id: person.userId, ...body });
      await post({ policy_id: policy.id, start: '2026-06-01', end: '2026-06-03', leave_period: 1 }).expect(201);
      await post({ policy_id: policy.id, start: '2026-06-03', end: '2026-06-04', leave_period: 2 }).expect(201);
      const overlap = await post({ policy_id: policy.id, start: '2026-06-02', end: '2026-06-02' }).expect(409);
      expect(overlap.body).toMatchObject({
        success: false,
        message: 'The leave overlaps a pending or approved leave of this member.',
        error: 'Conflict',
      });
      // Hour windows on a free day: 09-12 and 12-14 touch, 11-13 overlaps.
      const hours = (start_time: string, end_time: string, hours_per_day: number) =>
        post({ policy_id: hourly.id, start: '2026-06-05', end: '2026-06-05', start_time, end_time, hours_per_day });
      await hours('09:00', '12:00', 3).expect(201);
      await hours('12:00', '14:00', 2).expect(201);
      await hours('11:00', '13:00', 1).expect(409);
      // The morning of 06-04 is free (only its second half is taken), but not once an hour window holds it.
      await post({
        policy_id: hourly.id,
        start: '2026-06-04',
        end: '2026-06-04',
        start_time: '08:00',
        end_time: '10:00',
        hours_per_day: 2,
      }).expect(201);
      await post({ policy_id: policy.id, start: '2026-06-04', end: '2026-06-04', leave_period: 1 }).expect(409);
    });

    it('lets a rejected leave be requested again', async () => {
      const { person, policy } = await memberWithPolicy();
      await leaves.request({ workspaceId: ws.id, user: person, policyId: policy.id, status: 'rejected', startDate: '2026-07-01' });
      await http
        .post(path(), person.token)
        .send({ policy_id: policy.id, user_id: person.userId, start: '2026-07-01', end: '2026-07-01' })
        .expect(201);
    });

    it('answers 409 "Insufficient leave balance." when the approved leave of the year leaves too little', async () => {
      const { person, policy } = await memberWithPolicy({ duration: 5 });
      await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'approved',
        startDate: '2026-01-05',
        endDate: '2026-01-08',
      });
      const post = (start: string, end: string) =>
        http.post(path(), ws.owner.token).send({ policy_id: policy.id, user_id: person.userId, start, end });
      const res = await post('2026-03-02', '2026-03-03').expect(409);
      expect(res.body).toMatchObject({ success: false, message: 'Insufficient leave balance.', error: 'Conflict' });
      // The next year has its own allowance.
      await post('2027-03-01', '2027-03-05').expect(201);
      await post('2026-03-02', '2026-03-02').expect(201);
    });

    it('lets a policy that allows a negative balance overdraw', async () => {
      const { person, policy } = await memberWithPolicy({ duration: 1, allowNegativeBalance: true });
      await http
        .post(path(), ws.owner.token)
        .send({ policy_id: policy.id, user_id: person.userId, start: '2026-08-03', end: '2026-08-07' })
        .expect(201);
    });

    it('keeps one of several overlapping requests sent at once', async () => {
      const { person, policy } = await memberWithPolicy({ duration: 100 });
      const other = await leaves.policy({ workspaceId: ws.id, duration: 100, assign: [person] });
      const results = await Promise.all(
        [policy.id, other.id, policy.id, other.id].map((policyId, index) =>
          http
            .post(path(), person.token)
            .send({ policy_id: policyId, user_id: person.userId, start: `2026-09-0${index + 1}`, end: '2026-09-08' }),
        ),
      );
      expect(results.map((res) => res.status).sort()).toEqual([201, 409, 409, 409]);
      expect(await requestsOf(person.userId)).toHaveLength(1);
    });
  });

  describe('GET /leaves (listLeaves)', () => {
    it('lists newest first with the documented filters', async () => {
      const { person, policy } = await memberWithPolicy({ isPaid: false });
      const paid = await leaves.policy({ workspaceId: ws.id, assign: [person] });
      const a = await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        startDate: '2025-01-06',
        endDate: '2025-01-10',
      });
      const b = await leaves.request({ workspaceId: ws.id, user: person, policyId: paid.id, status: 'approved', startDate: '2025-02-03' });
      const list = async (query: string) =>
        (await http.get(`${path()}&user_id=${person.userId}${query}`, ws.owner.token).expect(200)).body as {
          data: { id: string }[];
          message: string;
          meta: { pagination: unknown };
        };
      const all = await list('');
      expect(all.message).toBe('Leave requests retrieved successfully');
      expect(all.data.map((row) => row.id)).toEqual([b.id, a.id]);
      expect(all.meta.pagination).toEqual({ total: 2, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 2 });
      expect((await list('&status=approved')).data.map((row) => row.id)).toEqual([b.id]);
      expect((await list('&is_paid=no')).data.map((row) => row.id)).toEqual([a.id]);
      expect((await list(`&policy_id=${paid.id}`)).data.map((row) => row.id)).toEqual([b.id]);
      expect((await list(`&id=${a.id}`)).data.map((row) => row.id)).toEqual([a.id]);
      // Overlap: 2025-01-10..2025-01-31 meets a (ends 01-10) only.
      expect((await list('&date_from=2025-01-10&date_to=2025-01-31')).data.map((row) => row.id)).toEqual([a.id]);
      expect((await list('&date_to=2025-01-05')).data).toEqual([]);
      expect((await list('&per_page=1&page=2')).data.map((row) => row.id)).toEqual([a.id]);
    });

    it("limits a Regular User to their own leaves and a Team manager to their team's", async () => {
      const { person, policy } = await memberWithPolicy();
      const mine = await leaves.request({ workspaceId: ws.id, user: person, policyId: policy.id, startDate: '2025-03-03' });
      const other = await memberWithPolicy();
      await leaves.request({ workspaceId: ws.id, user: other.person, policyId: other.policy.id, startDate: '2025-03-03' });
      const ids = async (token: string) =>
        (
          (await http.get(`${path()}&date_from=2025-03-03&date_to=2025-03-03`, token).expect(200)).body.data as {
            id: string;
            user_id: number;
          }[]
        ).map((row) => row.user_id);
      expect(await ids(person.token)).toEqual([person.userId]);
      const tm = await member(Role.TeamManager);
      await t.factories.teams.create({ workspaceId: ws.id, manager: tm.userId, members: [person.userId] });
      expect(await ids(tm.token)).toEqual([person.userId]);
      expect((await ids(ws.owner.token)).sort()).toEqual([person.userId, other.person.userId].sort());
      expect(mine.id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers 422 for bad filters, 403 for a Project viewer and 401 without a token', async () => {
      for (const query of [
        'status=open',
        'is_paid=maybe',
        'date_from=2025-02-01&date_to=2025-01-01',
        'id=nope',
        'per_page=101',
        'policy_id=x',
      ]) {
        expect((await http.get(`${path()}&${query}`, ws.owner.token).expect(422)).body.message).toBe('The given data was invalid.');
      }
      await http.get('/api/v2/leaves', ws.owner.token).expect(422);
      await http.get(path(), (await member(Role.ProjectViewer)).token).expect(403);
      await http.get(path()).expect(401);
    });
  });

  describe('POST|PUT /leaves/{leaveId}/approve|reject', () => {
    it('approves a pending request with the documented body, by POST or PUT', async () => {
      const { person, policy } = await memberWithPolicy();
      for (const method of ['post', 'put'] as const) {
        const { id } = await leaves.request({
          workspaceId: ws.id,
          user: person,
          policyId: policy.id,
          startDate: method === 'post' ? '2026-10-01' : '2026-10-02',
        });
        const res = await http[method](`/api/v2/leaves/${id}/approve`, ws.owner.token).send({ workspace_id: ws.id }).expect(200);
        expect(res.body).toMatchObject({
          success: true,
          message: 'Leave request approved successfully',
          data: { id, status: 'approved', approved_by: ws.owner.userId, rejected_by: null },
        });
        expect(Object.keys(res.body.data)).toEqual(LEAVE_FIELDS);
        expect(await eventsOf(id)).toEqual(['leave_request.approved']);
      }
    });

    it('rejects a pending request with its reason, by POST or PUT', async () => {
      const { person, policy } = await memberWithPolicy();
      for (const method of ['post', 'put'] as const) {
        const { id } = await leaves.request({
          workspaceId: ws.id,
          user: person,
          policyId: policy.id,
          startDate: method === 'post' ? '2026-10-05' : '2026-10-06',
        });
        const res = await http[method](`/api/v2/leaves/${id}/reject`, ws.owner.token)
          .send({ workspace_id: ws.id, reason: ' Insufficient leave balance ' })
          .expect(200);
        expect(res.body).toMatchObject({
          message: 'Leave request rejected successfully',
          data: { id, status: 'rejected', rejected_by: ws.owner.userId, reject_reason: 'Insufficient leave balance', approved_by: null },
        });
        expect(await eventsOf(id)).toEqual(['leave_request.rejected']);
      }
    });

    it('answers 409 "Leave request is not pending." for a decided request', async () => {
      const { person, policy } = await memberWithPolicy();
      const approved = await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'approved',
        startDate: '2026-11-02',
      });
      const rejected = await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'rejected',
        startDate: '2026-11-03',
      });
      for (const [id, action] of [
        [approved.id, 'approve'],
        [approved.id, 'reject'],
        [rejected.id, 'approve'],
      ] as const) {
        const res = await http
          .post(`/api/v2/leaves/${id}/${action}`, ws.owner.token)
          .send({ workspace_id: ws.id, reason: 'No' })
          .expect(409);
        expect(res.body).toMatchObject({ success: false, message: 'Leave request is not pending.', error: 'Conflict' });
      }
      expect(await leaves.statusOf(approved.id)).toMatchObject({ status: 'approved', rejected_by: null });
    });

    it('answers 409 when approving would overdraw the balance', async () => {
      const { person, policy } = await memberWithPolicy({ duration: 2 });
      await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'approved',
        startDate: '2026-01-12',
        endDate: '2026-01-13',
      });
      const { id } = await leaves.request({ workspaceId: ws.id, user: person, policyId: policy.id, startDate: '2026-12-01' });
      const res = await http.post(`/api/v2/leaves/${id}/approve`, ws.owner.token).send({ workspace_id: ws.id }).expect(409);
      expect(res.body.message).toBe('Insufficient leave balance.');
      expect(await leaves.statusOf(id)).toMatchObject({ status: 'pending', approved_by: null });
    });

    it('lets only one of two approvals that together would overdraw succeed', async () => {
      const { person, policy } = await memberWithPolicy({ duration: 3 });
      const first = await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        startDate: '2026-04-01',
        endDate: '2026-04-02',
      });
      const second = await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        startDate: '2026-05-01',
        endDate: '2026-05-02',
      });
      const em = await member(Role.ExecutiveManager);
      const results = await Promise.all([
        http.post(`/api/v2/leaves/${first.id}/approve`, ws.owner.token).send({ workspace_id: ws.id }),
        http.put(`/api/v2/leaves/${second.id}/approve`, em.token).send({ workspace_id: ws.id }),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      const statuses = [(await leaves.statusOf(first.id)).status, (await leaves.statusOf(second.id)).status].sort();
      expect(statuses).toEqual(['approved', 'pending']);
    });

    it('lets only one of two decisions on the same request through', async () => {
      const { person, policy } = await memberWithPolicy();
      const { id } = await leaves.request({ workspaceId: ws.id, user: person, policyId: policy.id, startDate: '2026-10-20' });
      const results = await Promise.all([
        http.post(`/api/v2/leaves/${id}/approve`, ws.owner.token).send({ workspace_id: ws.id }),
        http.post(`/api/v2/leaves/${id}/reject`, ws.owner.token).send({ workspace_id: ws.id, reason: 'No' }),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      expect(await eventsOf(id)).toHaveLength(1);
    });

    it('answers 422 for a missing reason on reject, 404 for unknown, malformed or foreign ids, 403 for a Team manager, 401 without a token', async () => {
      const { person, policy } = await memberWithPolicy();
      const { id } = await leaves.request({ workspaceId: ws.id, user: person, policyId: policy.id, startDate: '2026-10-27' });
      expectValidation(
        await http.post(`/api/v2/leaves/${id}/reject`, ws.owner.token).send({ workspace_id: ws.id }).expect(422),
        'reason',
        'The reason field is required.',
      );
      expectValidation(
        await http
          .put(`/api/v2/leaves/${id}/reject`, ws.owner.token)
          .send({ workspace_id: ws.id, reason: 'x'.repeat(1001) })
          .expect(422),
        'reason',
      );
      const other = await t.factories.workspace();
      for (const leaveId of [UNKNOWN_ID, 'not-a-uuid']) {
        const res = await http.post(`/api/v2/leaves/${leaveId}/approve`, ws.owner.token).send({ workspace_id: ws.id }).expect(404);
        expect(res.body.message).toBe('Leave request not found.');
      }
      await http.post(`/api/v2/leaves/${id}/approve`, other.owner.token).send({ workspace_id: other.id }).expect(404);
      const tm = await member(Role.TeamManager);
      await http.post(`/api/v2/leaves/${id}/approve`, tm.token).send({ workspace_id: ws.id }).expect(403);
      await http.post(`/api/v2/leaves/${id}/reject`, person.token).send({ workspace_id: ws.id, reason: 'Mine' }).expect(403);
      await http.post(`/api/v2/leaves/${id}/approve`).send({ workspace_id: ws.id }).expect(401);
      expect(await leaves.statusOf(id)).toMatchObject({ status: 'pending' });
    });
  });

  describe('GET /leaves/balances (listLeaveBalances)', () => {
    it('gives each member the allowance of the years in range minus approved leave, per policy', async () => {
      const { person, policy } = await memberWithPolicy({ name: 'Annual leave', duration: 20 });
      await leaves.policy({ workspaceId: ws.id, name: 'Overtime off', timeUnit: 'hours', duration: 16, assign: [person] });
      await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'approved',
        startDate: '2025-12-30',
        endDate: '2026-01-02',
      });
      await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'approved',
        startDate: '2026-03-02',
        leavePeriod: 2,
      });
      await leaves.request({
        workspaceId: ws.id,
        user: person,
        policyId: policy.id,
        status: 'pending',
        startDate: '2026-04-06',
        endDate: '2026-04-10',
      });
      const balances = async (query: string) =>
        (await http.get(`/api/v2/leaves/balances?workspace_id=${ws.id}&user_id=${person.userId}&${query}`, ws.owner.token).expect(200))
          .body;
      const year = await balances('date_from=2026-01-01&date_to=2026-12-31');
      expect(year).toMatchObject({
        success: true,
        message: 'Leave balances retrieved successfully',
        data: [
          {
            user_id: person.userId,
            user_name: 'Test User',
            leave_information: [
              { leave_type: 'Annual leave', balance: '17.5 days' },
              { leave_type: 'Overtime off', balance: '16 hours' },
            ],
            total_balance: null,
          },
        ],
        meta: { pagination: { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 } },
      });
      const twoYears = await balances('date_from=2025-06-01&date_to=2026-02-01');
      expect(twoYears.data[0].leave_information[0]).toEqual({ leave_type: 'Annual leave', balance: '35.5 days' });
    });

    it('lists the members of the caller’s person scope only, and answers 422, 403 and 401', async () => {
      const { person } = await memberWithPolicy();
      const res = await http
        .get(`/api/v2/leaves/balances?workspace_id=${ws.id}&date_from=2026-01-01&date_to=2026-12-31`, person.token)
        .expect(200);
      expect(res.body.data.map((row: { user_id: number }) => row.user_id)).toEqual([person.userId]);
      const everyone = await http
        .get(`/api/v2/leaves/balances?workspace_id=${ws.id}&date_from=2026-01-01&date_to=2026-12-31&per_page=100`, ws.owner.token)
        .expect(200);
      expect(everyone.body.meta.pagination.total).toBeGreaterThan(1);
      for (const query of [
        'date_from=2026-01-01',
        'date_to=2026-01-01',
        'date_from=2026-02-01&date_to=2026-01-01',
        'date_from=x&date_to=2026-01-01',
      ]) {
        expect(
          (await http.get(`/api/v2/leaves/balances?workspace_id=${ws.id}&${query}`, ws.owner.token).expect(422)).body.errors,
        ).toBeDefined();
      }
      const pv = await member(Role.ProjectViewer);
      await http.get(`/api/v2/leaves/balances?workspace_id=${ws.id}&date_from=2026-01-01&date_to=2026-12-31`, pv.token).expect(403);
      await http.get(`/api/v2/leaves/balances?workspace_id=${ws.id}&date_from=2026-01-01&date_to=2026-12-31`).expect(401);
    });
  });

  describe('GET /leaves/policies (listLeavePolicies)', () => {
    it('lists every policy for OW/EM and only the assigned ones for a Regular User', async () => {
      const own = await t.factories.workspace();
      const ru = await member(Role.RegularUser, own.id);
      const vacation = await leaves.policy({ workspaceId: own.id, name: 'Vacation', duration: 20, reasonRequired: true, assign: [ru] });
      const sick = await leaves.policy({
        workspaceId: own.id,
        name: 'Sick',
        timeUnit: 'hours',
        duration: 40,
        hoursPerDay: 7.5,
        isPaid: false,
        allowNegativeBalance: true,
      });
      const owner = await http.get(`/api/v2/leaves/policies?workspace_id=${own.id}`, own.owner.token).expect(200);
      expect(owner.body).toMatchObject({
        success: true,
        message: 'Leave policies retrieved successfully',
        data: [
          {
            id: vacation.id,
            name: 'Vacation',
            time_unit: 'days',
            hours_per_day: 8,
            duration: 20,
            is_paid: 'yes',
            allow_negative_balance: false,
            reason_required: true,
          },
          {
            id: sick.id,
            name: 'Sick',
            time_unit: 'hours',
            hours_per_day: 7.5,
            duration: 40,
            is_paid: 'no',
            allow_negative_balance: true,
            reason_required: false,
          },
        ],
        meta: { pagination: { total: 2 } },
      });
      const filtered = await http.get(`/api/v2/leaves/policies?workspace_id=${own.id}&user_id=${ru.userId}`, own.owner.token).expect(200);
      expect(filtered.body.data.map((row: { id: number }) => row.id)).toEqual([vacation.id]);
      const mine = await http.get(`/api/v2/leaves/policies?workspace_id=${own.id}`, ru.token).expect(200);
      expect(mine.body.data.map((row: { id: number }) => row.id)).toEqual([vacation.id]);
    });

    it('answers 422, 403 and 401', async () => {
      await http.get(`/api/v2/leaves/policies?workspace_id=${ws.id}&user_id=0`, ws.owner.token).expect(422);
      await http.get(`/api/v2/leaves/policies?workspace_id=${ws.id}&per_page=0`, ws.owner.token).expect(422);
      await http.get(`/api/v2/leaves/policies?workspace_id=${ws.id}`, (await member(Role.ProjectViewer)).token).expect(403);
      await http.get(`/api/v2/leaves/policies?workspace_id=${ws.id}`).expect(401);
    });
  });

  describe('policy administration (the leave-policy:* CLI commands)', () => {
    const refusal = async (work: Promise<unknown>): Promise<[number, string]> => {
      const error = await work.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiException);
      return [(error as ApiException).status, (error as ApiException).message];
    };

    it('creates a policy, assigns it once to a member and lists it with its members', async () => {
      const admin = t.app.get(LeavePoliciesService);
      const own = await t.factories.workspace();
      const ru = await member(Role.RegularUser, own.id);
      const created = await admin.create(own.id, { name: 'Parental', timeUnit: 'days', duration: '10.5', reasonRequired: true });
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Parental',
        time_unit: 'days',
        hours_per_day: 8,
        duration: 10.5,
        is_paid: 'yes',
        allow_negative_balance: false,
        reason_required: true,
      });
      await admin.assign(own.id, created.id, ru.userId);
      await admin.assign(own.id, created.id, ru.userId);
      const [listed] = await admin.list(own.id);
      expect(listed).toMatchObject({ id: created.id, members: [expect.stringContaining('@example.com')] });
      expect(await refusal(admin.create(own.id, { name: 'Parental', timeUnit: 'hours', duration: '1' }))).toEqual([
        409,
        'A leave policy with this name already exists in the workspace.',
      ]);
    });

    it('refuses an unknown workspace, a policy of another workspace and a user who is no member', async () => {
      const admin = t.app.get(LeavePoliciesService);
      const other = await t.factories.workspace();
      const foreign = await leaves.policy({ workspaceId: other.id });
      const outsider = await t.factories.users.create();
      expect(await refusal(admin.list(2_000_000_000))).toEqual([404, 'Workspace not found.']);
      expect(await refusal(admin.assign(ws.id, foreign.id, ws.owner.userId))).toEqual([404, 'Leave policy not found.']);
      expect(await refusal(admin.assign(other.id, foreign.id, outsider.id))).toEqual([404, 'User not found.']);
    });
  });

  describe('schema', () => {
    it('keeps a policy’s time unit fixed once created', async () => {
      const policy = await leaves.policy({ workspaceId: ws.id });
      await expect(t.dataSource.query(`UPDATE leave_policies SET time_unit = 'hours' WHERE id = $1`, [policy.id])).rejects.toThrow(
        /time_unit cannot change/,
      );
    });
  });
});

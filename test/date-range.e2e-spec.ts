import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LeavesFactory } from './support/factories/leaves.factory';
import { ExpensesFactory } from './support/factories/expenses.factory';
import { TestMember, TestWorkspace } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Every operation that takes a date (conventions.md: a client's input gets a clear 422 or a correct 200, never
 * a 500) accepts the supported range, 1900-01-01 to 2999-12-31, and refuses dates outside it with a 422 on the
 * field. Dates at the far ends once overflowed the zoned-range arithmetic (9999-12-31 + 1 day is year 10000).
 * The owner and the member live on Pacific/Kiritimati (UTC+14, LMT −10:29:20 before 1901), the zone furthest
 * from UTC, so the edges of the range are read through the oddest offsets there are.
 */
const ZONE = 'Pacific/Kiritimati';
const OUTSIDE = ['0001-01-01', '1000-06-15', '1899-12-31', '3000-01-01', '9999-12-31'];
const EDGES = ['1900-01-01', '2999-12-31'];
const RANGE_MESSAGE = 'must be a date from 1900-01-01 to 2999-12-31.';

interface Case {
  operation: string;
  /** The request for `date` in every date field the case names. */
  send: (date: string) => ReturnType<ReturnType<typeof api>['get']>;
  fields: string[];
  /** A read: the edges of the range answer 200. */
  read?: boolean;
}

describe('Dates outside the supported range (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;
  let person: TestMember;
  let cases: Case[];

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
    await t.dataSource.query('UPDATE users SET timezone = $2 WHERE id = $1', [ws.owner.userId, ZONE]);
    const user = await t.factories.users.create({ timezone: ZONE });
    person = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User', userId: user.id });
    const project = await t.factories.projects.create({ workspaceId: ws.id });
    const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id });
    const entryId = await t.factories.timeEntries.create({
      workspaceId: ws.id,
      userId: person.userId,
      start: '2024-01-15T09:00:00Z',
      end: '2024-01-15T10:00:00Z',
    });
    const leaves = new LeavesFactory(t.dataSource);
    const policy = await leaves.policy({ workspaceId: ws.id, assign: [person] });
    const expenses = new ExpensesFactory(t.dataSource);
    const category = await expenses.category({ workspaceId: ws.id });
    const expense = await expenses.create({ workspaceId: ws.id, user: person, categoryId: category.id });

    const token = ws.owner.token;
    const q = (path: string, query: string) => http.get(`/api/v2/${path}?workspace_id=${ws.id}&${query}`, token);
    const post = (path: string, body: object) => http.post(`/api/v2/${path}?workspace_id=${ws.id}`, token).send(body);
    const put = (path: string, body: object) => http.put(`/api/v2/${path}?workspace_id=${ws.id}`, token).send(body);
    const range = (from: string, to: string) => (d: string) => `${from}=${d}&${to}=${d}`;
    const reportRange = range('start_date', 'end_date');
    const listRange = range('date_from', 'date_to');
    cases = [
      { operation: 'listTimeEntries', send: (d) => q('time-entries', `user_id=${person.userId}&date=${d}`), fields: ['date'], read: true },
      {
        operation: 'createTimeEntry',
        send: (d) => post('time-entries', { user_id: person.userId, date: d, start_time: '09:00', end_time: '10:00' }),
        fields: ['date'],
      },
      { operation: 'updateTimeEntry', send: (d) => put(`time-entries/${entryId}`, { date: d }), fields: ['date'] },
      { operation: 'listTimeRequests', send: (d) => q('time-requests', listRange(d)), fields: ['date_from', 'date_to'], read: true },
      { operation: 'listTimesheets', send: (d) => q('timesheets', listRange(d)), fields: ['date_from', 'date_to'], read: true },
      { operation: 'listLeaves', send: (d) => q('leaves', listRange(d)), fields: ['date_from', 'date_to'], read: true },
      { operation: 'listLeaveBalances', send: (d) => q('leaves/balances', listRange(d)), fields: ['date_from', 'date_to'], read: true },
      {
        operation: 'createLeaveRequest',
        send: (d) => post('leaves', { policy_id: policy.id, user_id: person.userId, start: d, end: d }),
        fields: ['start', 'end'],
      },
      { operation: 'listExpenses', send: (d) => q('expenses', listRange(d)), fields: ['date_from', 'date_to'], read: true },
      {
        operation: 'createExpense',
        send: (d) => post('expenses', { expense_name: 'Taxi', date: d, amount: 12.5, category_id: category.id }),
        fields: ['date'],
      },
      { operation: 'updateExpense', send: (d) => put(`expenses/${expense.id}`, { date: d }), fields: ['date'] },
      {
        operation: 'getTrackedHoursReport',
        send: (d) => q('reports/tracked-hours', reportRange(d)),
        fields: ['start_date', 'end_date'],
        read: true,
      },
      { operation: 'getTaskReport', send: (d) => q('reports/task-report', reportRange(d)), fields: ['start_date', 'end_date'], read: true },
      {
        operation: 'getActivityLevelReport',
        send: (d) => q('reports/activity-level', reportRange(d)),
        fields: ['start_date', 'end_date'],
        read: true,
      },
      {
        operation: 'getActivityDescriptionsReport',
        send: (d) => q('reports/activity-descriptions', reportRange(d)),
        fields: ['start_date', 'end_date'],
        read: true,
      },
      { operation: 'getDailyAttendanceReport', send: (d) => q('reports/daily-attendance', `date=${d}`), fields: ['date'], read: true },
      // Also limited to a year either side of today, so its edges are refused for that reason.
      { operation: 'getDailyTimelineReport', send: (d) => q('reports/daily-timeline', `date=${d}`), fields: ['date'] },
      {
        operation: 'createProject',
        send: (d) => post('projects', { name: 'Dated', start_date: d, deadline: d }),
        fields: ['start_date', 'deadline'],
      },
      {
        operation: 'updateProject',
        send: (d) => put(`projects/${project.id}`, { start_date: d, deadline: d }),
        fields: ['start_date', 'deadline'],
      },
      {
        operation: 'createTask',
        send: (d) => post('tasks', { project_id: project.id, title: 'Dated', start_date: d, end_date: d }),
        fields: ['start_date', 'end_date'],
      },
      {
        operation: 'updateTask',
        send: (d) => put(`tasks/${task.id}`, { project_id: project.id, start_date: d, end_date: d }),
        fields: ['start_date', 'end_date'],
      },
    ];
  });
  afterAll(async () => t.close());

  it.each(OUTSIDE)('refuses %s with a 422 on every date field of every operation that takes one', async (date) => {
    const answers: string[] = [];
    for (const { operation, send, fields } of cases) {
      const res = await send(date);
      const errors = (res.body as { errors?: Record<string, string[]> }).errors ?? {};
      const ok = res.status === 422 && fields.every((field) => errors[field]?.some((message) => message.endsWith(RANGE_MESSAGE)));
      if (!ok) answers.push(`${operation} → ${res.status} ${JSON.stringify(res.body.errors ?? res.body.message)}`);
    }
    expect(answers).toEqual([]);
  });

  it.each(EDGES)('answers reads for %s, an edge of the range, with 200', async (date) => {
    const answers: string[] = [];
    for (const { operation, send, read } of cases.filter((c) => c.read)) {
      const res = await send(date);
      if (res.status !== 200)
        answers.push(`${operation} → ${res.status} ${JSON.stringify(res.body.errors ?? res.body.message)} (read: ${read})`);
    }
    expect(answers).toEqual([]);
  });

  it('stores a project and a task dated at both edges of the range', async () => {
    const project = await http
      .post(`/api/v2/projects?workspace_id=${ws.id}`, ws.owner.token)
      .send({ name: 'Edges', start_date: EDGES[0], deadline: EDGES[1] })
      .expect(201);
    expect(project.body.data).toMatchObject({ start_date: EDGES[0], deadline: EDGES[1] });
    const task = await http
      .post(`/api/v2/tasks?workspace_id=${ws.id}`, ws.owner.token)
      .send({ project_id: project.body.data.id, title: 'Edges', start_date: EDGES[0], end_date: EDGES[1] })
      .expect(201);
    expect(task.body.data).toMatchObject({ start_date: EDGES[0], end_date: EDGES[1] });
  });

  it.each([
    ['a start in year 1', '0001-01-01T00:00:00+14:00', '0001-01-01T01:00:00+14:00', 'start'],
    ['an end that is year 10000 in UTC', '9999-12-31T20:00:00-12:00', '9999-12-31T23:00:00-12:00', 'end'],
  ])('refuses a time request with %s with a 422, never a 500', async (_, start, end, field) => {
    const res = await http
      .post(`/api/v2/time-requests`, ws.owner.token)
      .send({ workspace_id: ws.id, user_id: person.userId, start, end })
      .expect(422);
    expect(res.body.errors).toHaveProperty(field);
  });
});

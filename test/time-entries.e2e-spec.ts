import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const ENTRIES = '/api/v2/time-entries';
const TIME_ENTRY_FIELDS = [
  'id',
  'user_id',
  'contract_id',
  'project_id',
  'project_name',
  'task_id',
  'task_title',
  'activity_description',
  'method',
  'date',
  'start_time',
  'end_time',
  'duration_minutes',
];

interface Entry {
  id: string;
  date: string;
  start_time: string;
  end_time: string | null;
  duration_minutes: number;
  project_id: number | null;
  task_id: number | null;
  contract_id: number | null;
  activity_description: string | null;
  method: string;
}

describe('Time entries (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const member = async (timezone: string | null = null, role: Role = Role.RegularUser): Promise<TestMember> => {
    const user = await t.factories.users.create({ firstname: 'John', lastname: 'Doe', timezone });
    return t.factories.members.create({ workspaceId: ws.id, role, userId: user.id });
  };
  const assignment = async (userId: number, weeklyHoursLimit?: number) => {
    const project = await t.factories.projects.create({ workspaceId: ws.id });
    const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId, weeklyHoursLimit });
    return { project, contract };
  };
  const create = (body: object, token = ws.owner.token) => http.post(ENTRIES, token).send({ workspace_id: ws.id, ...body });
  const list = (query: string, token = ws.owner.token) => http.get(`${ENTRIES}?workspace_id=${ws.id}&${query}`, token);
  const rows = async (userId: number): Promise<{ id: string; start_time: Date; end_time: Date | null }[]> =>
    t.dataSource.query('SELECT id, start_time, end_time FROM time_entries WHERE user_id = $1 ORDER BY start_time', [userId]);
  const approveWeek = (userId: number, dateFrom: string, dateTo: string) =>
    t.factories.timeEntries.timesheet({ workspaceId: ws.id, userId, dateFrom, dateTo });
  const eventCount = async (type: string, id: string): Promise<number> =>
    ((await t.dataSource.query(`SELECT 1 FROM outbox_events WHERE type = $1 AND payload->>'id' = $2`, [type, id])) as unknown[]).length;

  describe('createTimeEntry', () => {
    it('adds the time with the documented message, saved_minutes and entry', async () => {
      const m = await member();
      const { project, contract } = await assignment(m.userId);
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id, title: 'Update homepage design' });
      const res = await create({
        user_id: m.userId,
        contract_id: contract.id,
        task_id: task.id,
        notes: 'Working on feature implementation',
        date: '2026-01-29',
        start_time: '09:00',
        end_time: '17:00',
      }).expect(201);
      const body = res.body as { message: string; saved_minutes: number; data: Entry };
      expect(body.message).toBe('8 hr successfully added for John Doe.');
      expect(body.saved_minutes).toBe(480);
      expect(Object.keys(body.data).sort()).toEqual([...TIME_ENTRY_FIELDS].sort());
      expect(body.data).toMatchObject({
        user_id: m.userId,
        contract_id: contract.id,
        project_id: project.id,
        project_name: project.name,
        task_id: task.id,
        task_title: 'Update homepage design',
        activity_description: 'Working on feature implementation',
        method: 'Manually added time',
        date: '2026-01-29',
        start_time: '2026-01-29T09:00:00Z',
        end_time: '2026-01-29T17:00:00Z',
        duration_minutes: 480,
      });
      expect(await eventCount('time_entry.created', body.data.id)).toBe(1);
    });

    it('saves the free part and says what overlapped or passed the weekly limit', async () => {
      const m = await member();
      await create({ user_id: m.userId, date: '2026-02-02', start_time: '10:30', end_time: '12:00' }).expect(201);
      const res = await create({ user_id: m.userId, date: '2026-02-02', start_time: '09:00', end_time: '12:00' }).expect(201);
      expect((res.body as { message: string }).message).toBe(
        '1 hr 30 min successfully added for John Doe. 1 hr 30 min not added: overlaps existing time.',
      );
      expect((res.body as { saved_minutes: number }).saved_minutes).toBe(90);

      const limited = await member();
      const { contract } = await assignment(limited.userId, 1);
      const cut = await create({
        user_id: limited.userId,
        contract_id: contract.id,
        date: '2026-02-03',
        start_time: '09:00',
        end_time: '10:45',
      }).expect(201);
      expect((cut.body as { message: string }).message).toBe(
        '1 hr successfully added for John Doe. 45 min not added: weekly hours limit reached.',
      );
    });

    it('answers 409 when nothing can be saved: overlap, weekly limit, approved week, paused contract', async () => {
      const m = await member();
      await create({ user_id: m.userId, date: '2026-02-04', start_time: '09:00', end_time: '12:00' }).expect(201);
      const overlap = await create({ user_id: m.userId, date: '2026-02-04', start_time: '10:00', end_time: '11:00' }).expect(409);
      expect((overlap.body as { message: string }).message).toBe('The time overlaps an existing time entry.');
      const { contract } = await assignment(m.userId, 0);
      await create({ user_id: m.userId, contract_id: contract.id, date: '2026-02-04', start_time: '13:00', end_time: '14:00' }).expect(409);
      await approveWeek(m.userId, '2026-02-09', '2026-02-15');
      await create({ user_id: m.userId, date: '2026-02-10', start_time: '09:00', end_time: '10:00' }).expect(409);
      const paused = await t.factories.contracts.create({
        workspaceId: ws.id,
        projectId: (await t.factories.projects.create({ workspaceId: ws.id })).id,
        userId: m.userId,
        status: 'paused',
      });
      await create({ user_id: m.userId, contract_id: paused.id, date: '2026-02-05', start_time: '09:00', end_time: '10:00' }).expect(409);
      expect(await rows(m.userId)).toHaveLength(1);
    });

    it('answers 422 for bad times, an end not after the start, a task without a contract or outside its project', async () => {
      const m = await member();
      const { contract } = await assignment(m.userId);
      const foreignTask = await t.factories.tasks.create({
        workspaceId: ws.id,
        projectId: (await t.factories.projects.create({ workspaceId: ws.id })).id,
      });
      const base = { user_id: m.userId, date: '2026-02-06', start_time: '09:00', end_time: '10:00' };
      const errorsOf = async (body: object): Promise<Record<string, string[]>> =>
        ((await create({ ...base, ...body }).expect(422)).body as { errors: Record<string, string[]> }).errors;
      expect(await errorsOf({ end_time: '08:00' })).toHaveProperty('end_time');
      expect(await errorsOf({ end_time: '09:00' })).toHaveProperty('end_time');
      expect(await errorsOf({ start_time: '9:00' })).toHaveProperty('start_time');
      expect(await errorsOf({ start_time: '24:00' })).toHaveProperty('start_time');
      expect(await errorsOf({ date: '2026-02-30' })).toHaveProperty('date');
      expect(await errorsOf({ task_id: foreignTask.id })).toHaveProperty('task_id');
      expect(await errorsOf({ contract_id: contract.id, task_id: foreignTask.id })).toHaveProperty('task_id');
      expect(await errorsOf({ user_id: undefined })).toHaveProperty('user_id');
      expect(await rows(m.userId)).toEqual([]);
    });

    it('answers 401, 403 (not OW/EM) and 404 (unknown user or contract)', async () => {
      const m = await member();
      const other = await member();
      const { contract } = await assignment(other.userId);
      const base = { user_id: m.userId, date: '2026-02-06', start_time: '09:00', end_time: '10:00' };
      await request(t.http)
        .post(ENTRIES)
        .send({ workspace_id: ws.id, ...base })
        .expect(401);
      await create(base, m.token).expect(403);
      const em = await member(null, Role.ExecutiveManager);
      await create({ ...base, user_id: 2_000_000_000 }, em.token).expect(404);
      await create({ ...base, contract_id: contract.id }).expect(404);
      expect(await rows(m.userId)).toEqual([]);
    });

    it('keeps only non-overlapping rows when overlapping creates race', async () => {
      const m = await member();
      const spans = [
        ['09:00', '12:00'],
        ['10:00', '13:00'],
        ['11:00', '14:00'],
        ['09:30', '10:30'],
        ['12:30', '15:00'],
      ];
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          create({ user_id: m.userId, date: '2026-02-16', start_time: spans[i % spans.length][0], end_time: spans[i % spans.length][1] }),
        ),
      );
      for (const response of responses) expect([201, 409]).toContain(response.status);
      const saved = await rows(m.userId);
      for (let i = 1; i < saved.length; i += 1) {
        expect(saved[i].start_time.getTime()).toBeGreaterThanOrEqual((saved[i - 1].end_time as Date).getTime());
      }
      const total = saved.reduce((sum, row) => sum + (row.end_time as Date).getTime() - row.start_time.getTime(), 0);
      expect(total).toBe(6 * 3_600_000);
    });
  });

  describe('listTimeEntries', () => {
    it('lists one day of the member’s zone sorted by start, a running tracker with end_time null, paged', async () => {
      const m = await member('America/New_York');
      const { project } = await assignment(m.userId);
      // 23:30 on the 19th to 01:00 on the 20th in New York: the 19th's entry.
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: '2026-01-20T04:30:00Z',
        end: '2026-01-20T06:00:00Z',
      });
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: '2026-01-19T14:00:00Z',
        end: '2026-01-19T15:00:00Z',
        projectId: project.id,
      });
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: '2026-01-19T16:00:00Z',
        end: '2026-01-19T16:30:00Z',
      });
      // A running tracker is open-ended, so it is the latest row: the 20th in New York.
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: '2026-01-20T15:00:00Z',
        end: null,
        method: 'Web tracker',
      });
      const res = await list(`user_id=${m.userId}&date=2026-01-19`).expect(200);
      const body = res.body as { message: string; data: Entry[]; meta: { pagination: { total: number } } };
      expect(body.message).toBe('Time entries retrieved successfully');
      expect(body.data.map((e) => e.start_time)).toEqual(['2026-01-19T14:00:00Z', '2026-01-19T16:00:00Z', '2026-01-20T04:30:00Z']);
      expect(body.data.map((e) => e.date)).toEqual(['2026-01-19', '2026-01-19', '2026-01-19']);
      expect(body.data[2].duration_minutes).toBe(90);
      expect(body.meta.pagination.total).toBe(3);
      const next = (await list(`user_id=${m.userId}&date=2026-01-20`).expect(200)).body as { data: Entry[] };
      expect(next.data).toHaveLength(1);
      expect(next.data[0]).toMatchObject({ date: '2026-01-20', end_time: null, method: 'Web tracker' });
      expect(next.data[0].duration_minutes).toBeGreaterThan(0);

      const page2 = (await list(`user_id=${m.userId}&date=2026-01-19&per_page=2&page=2`).expect(200)).body as {
        data: Entry[];
        meta: { pagination: { total: number; current_page: number } };
      };
      expect(page2.data.map((e) => e.start_time)).toEqual(['2026-01-20T04:30:00Z']);
      expect(page2.meta.pagination).toMatchObject({ total: 3, current_page: 2 });
      const beyond = (await list(`user_id=${m.userId}&date=2026-01-19&per_page=2&page=5`).expect(200)).body as {
        meta: { pagination: { total: number } };
      };
      expect(beyond.meta.pagination.total).toBe(3);
      const filtered = (await list(`user_id=${m.userId}&date=2026-01-19&project_id=${project.id}`).expect(200)).body as { data: Entry[] };
      expect(filtered.data.map((e) => e.project_id)).toEqual([project.id]);
    });

    it('puts entries across a DST change on their dates (New York 2026-03-08, Berlin 2026-03-29)', async () => {
      const ny = await member('America/New_York');
      const made = (await create({ user_id: ny.userId, date: '2026-03-08', start_time: '01:00', end_time: '04:00' }).expect(201)).body as {
        data: Entry;
        saved_minutes: number;
      };
      expect(made.saved_minutes).toBe(120);
      expect(made.data).toMatchObject({ date: '2026-03-08', start_time: '2026-03-08T06:00:00Z', end_time: '2026-03-08T08:00:00Z' });
      const nyDay = (await list(`user_id=${ny.userId}&date=2026-03-08`).expect(200)).body as { data: Entry[] };
      expect(nyDay.data.map((e) => e.id)).toEqual([made.data.id]);
      expect(((await list(`user_id=${ny.userId}&date=2026-03-07`).expect(200)).body as { data: Entry[] }).data).toEqual([]);

      const berlin = await member('Europe/Berlin');
      // 23:30 on the 28th to 03:30 on the 29th, Berlin time: 3 hours, across both midnight and the spring-forward gap.
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: berlin.userId,
        start: '2026-03-28T22:30:00Z',
        end: '2026-03-29T01:30:00Z',
      });
      const late = await create({ user_id: berlin.userId, date: '2026-03-29', start_time: '23:00', end_time: '23:30' }).expect(201);
      const day28 = (await list(`user_id=${berlin.userId}&date=2026-03-28`).expect(200)).body as { data: Entry[] };
      expect(day28.data.map((e) => [e.date, e.duration_minutes])).toEqual([['2026-03-28', 180]]);
      const day29 = (await list(`user_id=${berlin.userId}&date=2026-03-29`).expect(200)).body as { data: Entry[] };
      expect(day29.data.map((e) => e.id)).toEqual([(late.body as { data: Entry }).data.id]);
      expect(day29.data[0].start_time).toBe('2026-03-29T21:00:00Z');
    });

    it('answers 422, 401, 403 and 404', async () => {
      const m = await member();
      await list(`user_id=${m.userId}&date=2026-01-19&per_page=51`).expect(422);
      await list(`user_id=${m.userId}&date=19-01-2026`).expect(422);
      await list('date=2026-01-19').expect(422);
      await list(`user_id=${m.userId}`).expect(422);
      // Ids are canonical integers: padding, leading zeros and decimals are refused, not read as the number.
      for (const id of [`${m.userId}%20`, `%20${m.userId}`, `0${m.userId}`, `${m.userId}.0`]) {
        const refused = await list(`user_id=${id}&date=2026-01-19`).expect(422);
        expect((refused.body as { errors: Record<string, string[]> }).errors.user_id).toEqual(['The user id must be an integer.']);
      }
      await request(t.http).get(`${ENTRIES}?workspace_id=${ws.id}&user_id=${m.userId}&date=2026-01-19`).expect(401);
      await list(`user_id=${m.userId}&date=2026-01-19`, m.token).expect(403);
      await list('user_id=2000000000&date=2026-01-19').expect(404);
    });
  });

  describe('updateTimeEntry', () => {
    const entry = async (m: TestMember, date = '2026-04-06', start = '09:00', end = '11:00'): Promise<Entry> =>
      ((await create({ user_id: m.userId, date, start_time: start, end_time: end }).expect(201)).body as { data: Entry }).data;
    const put = (id: string, body: object, token = ws.owner.token) =>
      http.put(`${ENTRIES}/${id}`, token).send({ workspace_id: ws.id, ...body });
    const read = async (m: TestMember, date: string): Promise<Entry[]> =>
      ((await list(`user_id=${m.userId}&date=${date}`).expect(200)).body as { data: Entry[] }).data;

    it('changes the given fields, keeps the others, maps project_id to the member’s contract and answers data null', async () => {
      const m = await member('Europe/Berlin');
      const { project, contract } = await assignment(m.userId);
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id });
      const e = await entry(m);
      const res = await put(e.id, { project_id: project.id, task_id: task.id, notes: 'Review', end_time: '12:30' }).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Time entry updated successfully', data: null });
      const [updated] = await read(m, '2026-04-06');
      expect(updated).toMatchObject({
        id: e.id,
        contract_id: contract.id,
        project_id: project.id,
        task_id: task.id,
        activity_description: 'Review',
        start_time: '2026-04-06T07:00:00Z',
        end_time: '2026-04-06T10:30:00Z',
      });
      expect(await eventCount('time_entry.updated', e.id)).toBe(1);

      await put(e.id, { date: '2026-04-07' }).expect(200);
      const [moved] = await read(m, '2026-04-07');
      expect(moved).toMatchObject({ start_time: '2026-04-07T07:00:00Z', end_time: '2026-04-07T10:30:00Z', activity_description: 'Review' });
      await put(e.id, { project_id: null }).expect(200);
      const [cleared] = await read(m, '2026-04-07');
      expect(cleared).toMatchObject({ contract_id: null, project_id: null, task_id: null });
    });

    it('answers 422 for a project without the member’s contract, an end before the start and bad clocks', async () => {
      const m = await member();
      const e = await entry(m);
      const other = await t.factories.projects.create({ workspaceId: ws.id });
      expect(((await put(e.id, { project_id: other.id }).expect(422)).body as { errors: object }).errors).toHaveProperty('project_id');
      expect(((await put(e.id, { start_time: '11:30' }).expect(422)).body as { errors: object }).errors).toHaveProperty('end_time');
      await put(e.id, { end_time: '25:00' }).expect(422);
      await put(e.id, { task_id: 5 }).expect(422);
    });

    it('answers 409 for a running entry, an approved week and an overlap', async () => {
      const m = await member();
      const running = await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(),
        end: null,
        method: 'Web tracker',
      });
      const res = await put(running, { notes: 'x' }).expect(409);
      expect((res.body as { message: string }).message).toBe('A running time entry cannot be changed. Stop the tracker first.');
      const a = await entry(m, '2026-04-13', '09:00', '10:00');
      await entry(m, '2026-04-13', '11:00', '12:00');
      await put(a.id, { end_time: '11:30' }).expect(409);
      await approveWeek(m.userId, '2026-04-13', '2026-04-19');
      await put(a.id, { notes: 'late' }).expect(409);
      const b = await entry(m, '2026-04-20');
      await put(b.id, { date: '2026-04-14' }).expect(409);
    });

    it('answers 404 for a malformed, unknown or foreign id, 403 and 401', async () => {
      const m = await member();
      const e = await entry(m);
      await put('not-a-uuid', { notes: 'x' }).expect(404);
      await put('a1b2c3d4-e5f6-7890-abcd-ef1234567890', { notes: 'x' }).expect(404);
      const elsewhere = await t.factories.workspaces.create();
      await http.put(`${ENTRIES}/${e.id}`, elsewhere.owner.token).send({ workspace_id: elsewhere.id, notes: 'x' }).expect(404);
      await put(e.id, { notes: 'x' }, m.token).expect(403);
      await request(t.http).put(`${ENTRIES}/${e.id}`).send({ workspace_id: ws.id }).expect(401);
    });
  });

  describe('deleteTimeEntry', () => {
    const entry = async (m: TestMember, date = '2026-05-04'): Promise<string> =>
      ((await create({ user_id: m.userId, date, start_time: '09:00', end_time: '10:00' }).expect(201)).body as { data: Entry }).data.id;

    it('deletes the entry with workspace_id in the body or the query', async () => {
      const m = await member();
      const first = await entry(m);
      const res = await http.delete(`${ENTRIES}/${first}`, ws.owner.token).send({ workspace_id: ws.id }).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Time entry deleted successfully', data: null });
      expect(await eventCount('time_entry.deleted', first)).toBe(1);
      const second = await entry(m, '2026-05-05');
      await http.delete(`${ENTRIES}/${second}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      expect(await rows(m.userId)).toEqual([]);
    });

    it('answers 400 with the documented message when workspace_id is missing', async () => {
      const m = await member();
      const id = await entry(m);
      const res = await http.delete(`${ENTRIES}/${id}`, ws.owner.token).send({}).expect(400);
      expect(res.body).toEqual({
        success: false,
        message: 'workspace_id is required in request body',
        error: 'Bad Request',
        meta: expect.any(Object),
      });
      expect(await rows(m.userId)).toHaveLength(1);
    });

    it('answers 409 for a running entry and an approved week, 404, 403 and 401', async () => {
      const m = await member();
      const running = await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(),
        end: null,
        method: 'Web tracker',
      });
      await http.delete(`${ENTRIES}/${running}?workspace_id=${ws.id}`, ws.owner.token).expect(409);
      const id = await entry(m, '2026-05-11');
      await approveWeek(m.userId, '2026-05-11', '2026-05-17');
      await http.delete(`${ENTRIES}/${id}?workspace_id=${ws.id}`, ws.owner.token).expect(409);
      const elsewhere = await t.factories.workspaces.create();
      await http.delete(`${ENTRIES}/${id}?workspace_id=${elsewhere.id}`, elsewhere.owner.token).expect(404);
      await http.delete(`${ENTRIES}/xyz?workspace_id=${ws.id}`, ws.owner.token).expect(404);
      await http.delete(`${ENTRIES}/${id}?workspace_id=${ws.id}`, m.token).expect(403);
      await request(t.http).delete(`${ENTRIES}/${id}?workspace_id=${ws.id}`).expect(401);
      expect(await rows(m.userId)).toHaveLength(2);
    });
  });
});

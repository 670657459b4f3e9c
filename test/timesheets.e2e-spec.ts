import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { dayRange } from '@app/common';
import { addTime } from '../apps/api/src/modules/time-entries/ledger/time-ledger';
import { PERIOD_DAYS } from '../apps/api/src/modules/timesheets/timesheet-breakdown.sql';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const TIMESHEET_FIELDS = [
  'id',
  'user_id',
  'member',
  'date_from',
  'date_to',
  'total_minutes',
  'total_hours',
  'total_amount',
  'status',
  'submitted_on',
  'reject_reason',
  'daily_breakdown',
  'created_at',
];
const NOT_SUBMITTED = "Timesheet must be in 'submitted' status.";
const NOT_SUBMITTABLE = "Timesheet must be in 'pending' or 'rejected' status.";
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface BreakdownItem {
  project_id: number | null;
  project_name: string | null;
  contract_id: number | null;
  total_minutes: number;
  total_amount?: Record<string, number>;
}

interface TimesheetBody {
  id: string;
  user_id: number;
  member: { id: number; firstname: string; lastname: string; email: string; avatar: string | null };
  date_from: string;
  date_to: string;
  total_minutes: number;
  total_hours: number;
  total_amount?: Record<string, number>;
  status: string;
  submitted_on: string | null;
  reject_reason: string | null;
  daily_breakdown: Record<string, BreakdownItem[]>;
  created_at: string;
}

describe('Timesheets (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const list = (query = '', token = ws.owner.token, workspaceId = ws.id) =>
    http.get(`/api/v2/timesheets?workspace_id=${workspaceId}${query ? `&${query}` : ''}`, token);
  const act = (id: string, action: string, token: string, body: object = { workspace_id: ws.id }) =>
    http.put(`/api/v2/timesheets/${id}/${action}`, token).send(body);

  /** A member (a new user) in `zone`, with a token. */
  const member = async (role: Role = Role.RegularUser, timezone: string | null = null, rate?: string): Promise<TestMember> => {
    const user = await t.factories.users.create({ timezone });
    return t.factories.members.create({ workspaceId: ws.id, role, userId: user.id, ...(rate !== undefined && { rate }) });
  };

  /** Recorded time, written the one way time is written: the ledger (which also creates the week's timesheet). */
  const record = (userId: number, start: string, end: string, target: { contractId?: number; projectId?: number } = {}) =>
    t.dataSource.transaction((manager) =>
      addTime(manager, {
        workspaceId: ws.id,
        userId,
        contractId: target.contractId ?? null,
        projectId: target.projectId ?? null,
        taskId: null,
        activityDescription: null,
        method: 'Manually added time',
        start: new Date(start),
        end: new Date(end),
      }),
    );

  const timesheetOf = async (userId: number, dateFrom: string): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM timesheets WHERE workspace_id = $1 AND user_id = $2 AND date_from = $3 AND deleted_at IS NULL',
      [ws.id, userId, dateFrom],
    );
    if (!rows[0]) throw new Error(`no timesheet of user ${userId} from ${dateFrom}`);
    return rows[0].id;
  };

  const stored = async (id: string) =>
    (
      (await t.dataSource.query('SELECT status, submitted_on, reject_reason, decided_by, updated_at FROM timesheets WHERE id = $1', [
        id,
      ])) as { status: string; submitted_on: Date | null; reject_reason: string | null; decided_by: number | null }[]
    )[0];

  const eventsOf = async (id: string): Promise<{ type: string; payload: { status: string } }[]> =>
    t.dataSource.query("SELECT type, payload FROM outbox_events WHERE payload->>'id' = $1 ORDER BY id", [id]);

  /** A fresh pending timesheet of a new Regular User (one hour on a Monday of 2025). */
  let weekCounter = 0;
  const pendingTimesheet = async (owner?: TestMember): Promise<{ id: string; owner: TestMember }> => {
    const who = owner ?? (await member());
    const monday = new Date(Date.UTC(2025, 0, 6 + 7 * weekCounter++));
    const start = new Date(monday.getTime() + 9 * 3_600_000);
    await record(who.userId, start.toISOString(), new Date(start.getTime() + 3_600_000).toISOString());
    return { id: await timesheetOf(who.userId, monday.toISOString().slice(0, 10)), owner: who };
  };
  const submittedTimesheet = async (): Promise<{ id: string; owner: TestMember }> => {
    const sheet = await pendingTimesheet();
    await act(sheet.id, 'submit', sheet.owner.token).expect(200);
    return sheet;
  };

  describe('listTimesheets', () => {
    let newYork: TestMember;
    let berlin: TestMember;
    let nyContract: number;
    let berlinContract: number;
    let nyProject: number;
    let berlinProject: number;

    beforeAll(async () => {
      newYork = await member(Role.RegularUser, 'America/New_York');
      berlin = await member(Role.RegularUser, 'Europe/Berlin', '20.50');
      nyProject = (await t.factories.projects.create({ workspaceId: ws.id, name: 'NY Site' })).id;
      berlinProject = (await t.factories.projects.create({ workspaceId: ws.id, name: 'Berlin App' })).id;
      nyContract = (await t.factories.contracts.create({ workspaceId: ws.id, projectId: nyProject, userId: newYork.userId, rate: 30 })).id;
      berlinContract = (
        await t.factories.contracts.create({
          workspaceId: ws.id,
          projectId: berlinProject,
          userId: berlin.userId,
          rateType: 2,
          currency: 'EUR',
        })
      ).id;
      const ny = { contractId: nyContract, projectId: nyProject };
      // Fri 2026-03-06 23:00 EST → Sat 01:30 EST: across midnight.
      await record(newYork.userId, '2026-03-07T04:00:00Z', '2026-03-07T06:30:00Z', ny);
      // Sun 2026-03-08 01:00 EST → 04:00 EDT: two real hours across the spring-forward gap.
      await record(newYork.userId, '2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z', ny);
      // Sun 22:00 EDT → Mon 2026-03-09 01:00 EDT: the last day of the week (23 hours long) and the next week.
      await record(newYork.userId, '2026-03-09T02:00:00Z', '2026-03-09T05:00:00Z', ny);
      const de = { contractId: berlinContract, projectId: berlinProject };
      // Wed 2026-03-25 23:15 CET → Thu 00:45 CET: across midnight.
      await record(berlin.userId, '2026-03-25T22:15:00Z', '2026-03-25T23:45:00Z', de);
      // Sat 2026-03-28 22:00 CET → Mon 2026-03-30 01:00 CEST: all of the 23-hour Sunday 2026-03-29.
      await record(berlin.userId, '2026-03-28T21:00:00Z', '2026-03-29T23:00:00Z', de);
    });

    const ofMember = async (userId: number, token = ws.owner.token): Promise<TimesheetBody[]> => {
      const response = await list(`user_id=${userId}&order_by=asc`, token).expect(200);
      return (response.body as { data: TimesheetBody[] }).data;
    };

    it("splits each member's time into the member's own days, DST days and midnight crossings included", async () => {
      const [nyWeek, nyNext] = await ofMember(newYork.userId);
      const item = (minutes: number, amount: number): BreakdownItem => ({
        project_id: nyProject,
        project_name: 'NY Site',
        contract_id: nyContract,
        total_minutes: minutes,
        total_amount: { USD: amount },
      });
      expect(Object.keys(nyWeek).sort()).toEqual([...TIMESHEET_FIELDS].sort());
      expect(nyWeek).toMatchObject({
        user_id: newYork.userId,
        member: { id: newYork.userId, firstname: 'Test', lastname: 'User', avatar: null },
        date_from: '2026-03-02',
        date_to: '2026-03-08',
        status: 'pending',
        submitted_on: null,
        reject_reason: null,
      });
      // 60 + 90 + (120 + 120) minutes at 30/h; a contract without a currency counts in USD.
      expect(nyWeek.daily_breakdown).toEqual({
        '2026-03-06': [item(60, 30)],
        '2026-03-07': [item(90, 45)],
        '2026-03-08': [item(240, 120)],
      });
      expect([nyWeek.total_minutes, nyWeek.total_hours, nyWeek.total_amount]).toEqual([390, 6.5, { USD: 195 }]);
      expect(nyNext).toMatchObject({ date_from: '2026-03-09', date_to: '2026-03-15', total_minutes: 60 });
      expect(nyNext.daily_breakdown).toEqual({ '2026-03-09': [item(60, 30)] });

      const [berlinWeek, berlinNext] = await ofMember(berlin.userId);
      // The member's rate (rate_type 2), 20.50/h, each item rounded to cents: 45 min → 15.375 → 15.38.
      const de = (minutes: number, amount: number): BreakdownItem => ({
        project_id: berlinProject,
        project_name: 'Berlin App',
        contract_id: berlinContract,
        total_minutes: minutes,
        total_amount: { EUR: amount },
      });
      expect(berlinWeek.daily_breakdown).toEqual({
        '2026-03-25': [de(45, 15.38)],
        '2026-03-26': [de(45, 15.38)],
        '2026-03-28': [de(120, 41)],
        '2026-03-29': [de(1380, 471.5)],
      });
      expect([berlinWeek.total_minutes, berlinWeek.total_hours, berlinWeek.total_amount]).toEqual([1590, 26.5, { EUR: 543.26 }]);
      expect(berlinNext.daily_breakdown).toEqual({ '2026-03-30': [de(60, 20.5)] });
    });

    it('leaves total_amount out, at the top and in every item, for a caller who may not view rates', async () => {
      const [own] = await ofMember(newYork.userId, newYork.token);
      expect(own.total_minutes).toBe(390);
      expect(own).not.toHaveProperty('total_amount');
      for (const items of Object.values(own.daily_breakdown)) for (const item of items) expect(item).not.toHaveProperty('total_amount');
    });

    it('shows a Regular User only their own timesheets', async () => {
      const response = await list('per_page=100', berlin.token).expect(200);
      const data = (response.body as { data: TimesheetBody[] }).data;
      expect(data.length).toBe(2);
      expect(new Set(data.map((sheet) => sheet.user_id))).toEqual(new Set([berlin.userId]));
      expect((await list(`user_id=${newYork.userId}`, berlin.token).expect(200)).body.data).toEqual([]);
    });

    it('filters by id, status (open = pending), overlapping dates and member, and orders by created_at', async () => {
      const nyWeekId = await timesheetOf(newYork.userId, '2026-03-02');
      const byId = await list(`id=${nyWeekId}`).expect(200);
      expect(byId.body).toMatchObject({ success: true, message: 'Timesheets retrieved successfully' });
      expect((byId.body.data as TimesheetBody[]).map((sheet) => sheet.id)).toEqual([nyWeekId]);

      const ids = async (query: string): Promise<string[]> =>
        ((await list(query).expect(200)).body.data as TimesheetBody[]).map((sheet) => sheet.id);
      const nyIds = await ids(`user_id=${newYork.userId}&order_by=asc`);
      expect(await ids(`user_id=${newYork.userId}&status=open&order_by=asc`)).toEqual(nyIds);
      expect(await ids(`user_id=${newYork.userId}&status=pending&order_by=asc`)).toEqual(nyIds);
      expect(await ids(`user_id=${newYork.userId}&status=approved`)).toEqual([]);
      expect(await ids(`user_id=${newYork.userId}&order_by=desc`)).toEqual([...nyIds].reverse());
      expect(await ids(`user_id=${newYork.userId}`)).toEqual([...nyIds].reverse());
      // Overlap: a range touching only the Sunday still finds the week; the day after the next week finds nothing.
      expect(await ids(`user_id=${newYork.userId}&date_from=2026-03-08&date_to=2026-03-08`)).toEqual([nyWeekId]);
      expect(await ids(`user_id=${newYork.userId}&date_from=2026-03-16`)).toEqual([]);
      expect(await ids(`user_id=${newYork.userId}&date_to=2026-03-01`)).toEqual([]);

      const paged = await list(`user_id=${newYork.userId}&per_page=1&page=2&order_by=asc`).expect(200);
      expect((paged.body.data as TimesheetBody[]).map((sheet) => sheet.id)).toEqual([nyIds[1]]);
      expect(paged.body.meta.pagination).toMatchObject({ total: 2, per_page: 1, current_page: 2 });
    });

    it('counts a running tracker up to now', async () => {
      const runner = await member();
      const started = new Date(Date.now() - 90 * 60_000);
      await t.dataSource.query(`INSERT INTO time_entries (workspace_id, user_id, method, start_time) VALUES ($1, $2, 'Web tracker', $3)`, [
        ws.id,
        runner.userId,
        started,
      ]);
      await t.dataSource.query(
        `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to)
         SELECT $1, $2, d, d + 6 FROM (SELECT date_trunc('week', $3::timestamptz AT TIME ZONE 'UTC')::date AS d) w`,
        [ws.id, runner.userId, started],
      );
      const [sheet] = (await list(`user_id=${runner.userId}`).expect(200)).body.data as TimesheetBody[];
      expect(sheet.total_minutes).toBeGreaterThanOrEqual(89);
      expect(sheet.total_minutes).toBeLessThanOrEqual(91);
    });

    it("bounds the breakdown's days in SQL exactly as the ledger's dayRange does, DST and repeated midnights included", async () => {
      // Spring forward and fall back at 02:00 or over midnight, fall back to midnight (Azores, Havana), half-hour
      // shifts (Lord Howe), negative DST (Troll), no DST.
      const zones = [
        'America/New_York',
        'Europe/Berlin',
        'Atlantic/Azores',
        'America/Havana',
        'America/Santiago',
        'America/Asuncion',
        'Asia/Beirut',
        'Asia/Gaza',
        'Australia/Lord_Howe',
        'Antarctica/Troll',
        'Pacific/Chatham',
        'Asia/Kolkata',
        'UTC',
      ];
      const rows: { zone: string; day: string; start_ms: string; end_ms: string }[] = await t.dataSource.query(
        `SELECT u.timezone AS zone, d.day::text AS day, extract(epoch FROM d.day_start) * 1000 AS start_ms,
                extract(epoch FROM d.day_end) * 1000 AS end_ms
           FROM (SELECT unnest($1::varchar[]) AS timezone) u
          CROSS JOIN (SELECT w::date AS date_from, w::date + 6 AS date_to
                        FROM generate_series('2024-01-01'::timestamp, '2027-12-27', interval '7 days') w) ts
          CROSS JOIN LATERAL ${PERIOD_DAYS} d`,
        [zones],
      );
      expect(rows.length).toBe(zones.length * 209 * 7);
      const differing = rows.filter((row) => {
        const range = dayRange(row.day, row.zone);
        return range.start.getTime() !== Number(row.start_ms) || range.end.getTime() !== Number(row.end_ms);
      });
      expect(differing.slice(0, 5)).toEqual([]);
    });

    it.each([
      ['date_to before date_from', 'date_from=2026-03-10&date_to=2026-03-09', 'date_to'],
      ['an unknown status', 'status=closed', 'status'],
      ['an id that is not a UUID', 'id=42', 'id'],
      ['a date that is not a date', 'date_from=2026-02-30', 'date_from'],
      ['per_page over 100', 'per_page=101', 'per_page'],
      ['an unknown order', 'order_by=sideways', 'order_by'],
      ['a user_id that is not an integer', 'user_id=abc', 'user_id'],
    ])('answers 422 for %s', async (_case, query, field) => {
      const response = await list(query).expect(422);
      expect(response.body.errors).toHaveProperty(field);
    });

    it('answers 401 without a token and 403 to a Project viewer', async () => {
      await http.get(`/api/v2/timesheets?workspace_id=${ws.id}`).expect(401);
      const viewer = await member(Role.ProjectViewer);
      const response = await list('', viewer.token).expect(403);
      expect(response.body.message).toBe('This action is unauthorized.');
    });
  });

  describe('submitTimesheet and unsubmitTimesheet', () => {
    it('submits the own timesheet, then takes it back, with events in the same transaction', async () => {
      const { id, owner } = await pendingTimesheet();
      const submitted = await act(id, 'submit', owner.token).expect(200);
      expect(submitted.body).toMatchObject({ success: true, message: 'Timesheet submitted successfully', data: null });
      const afterSubmit = await stored(id);
      expect(afterSubmit.status).toBe('submitted');
      expect(afterSubmit.submitted_on).toBeInstanceOf(Date);

      const [listed] = (await list(`id=${id}`).expect(200)).body.data as TimesheetBody[];
      expect(listed.status).toBe('submitted');
      expect(listed.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

      const unsubmitted = await act(id, 'unsubmit', owner.token).expect(200);
      expect(unsubmitted.body).toMatchObject({ success: true, message: 'Timesheet unsubmitted successfully', data: null });
      expect(await stored(id)).toMatchObject({ status: 'pending', submitted_on: null });
      expect((await eventsOf(id)).map((event) => [event.type, event.payload.status])).toEqual([
        ['timesheet.submitted', 'submitted'],
        ['timesheet.unsubmitted', 'pending'],
      ]);
    });

    it("lets an Owner or Executive manager submit a member's timesheet on their behalf", async () => {
      const { id } = await pendingTimesheet();
      const manager = await member(Role.ExecutiveManager);
      await act(id, 'submit', manager.token).expect(200);
      await act(id, 'unsubmit', ws.owner.token).expect(200);
    });

    it('answers 409 for a move the status does not allow', async () => {
      const { id, owner } = await pendingTimesheet();
      expect((await act(id, 'unsubmit', owner.token).expect(409)).body.message).toBe(NOT_SUBMITTED);
      await act(id, 'submit', owner.token).expect(200);
      expect((await act(id, 'submit', owner.token).expect(409)).body).toMatchObject({ success: false, message: NOT_SUBMITTABLE });
      expect((await stored(id)).status).toBe('submitted');
    });

    it("answers 404 for someone else's timesheet (even a team mate's), an unknown or a malformed id", async () => {
      const { id } = await pendingTimesheet();
      const other = await member();
      expect((await act(id, 'submit', other.token).expect(404)).body.message).toBe('Timesheet not found.');
      const teamManager = await member(Role.TeamManager);
      const owner = (await t.dataSource.query('SELECT user_id FROM timesheets WHERE id = $1', [id])) as { user_id: number }[];
      await t.factories.teams.create({ workspaceId: ws.id, manager: teamManager.userId, members: [owner[0].user_id] });
      await act(id, 'submit', teamManager.token).expect(404);
      await act(UNKNOWN_ID, 'submit', ws.owner.token).expect(404);
      await act('not-a-uuid', 'unsubmit', ws.owner.token).expect(404);
      const elsewhere = await t.factories.workspace();
      await act(id, 'submit', elsewhere.owner.token, { workspace_id: elsewhere.id }).expect(404);
      expect((await stored(id)).status).toBe('pending');
    });

    it('answers 401 without a token, 403 to a Project viewer and 422 without workspace_id', async () => {
      const { id } = await pendingTimesheet();
      await http.put(`/api/v2/timesheets/${id}/submit`).send({ workspace_id: ws.id }).expect(401);
      const viewer = await member(Role.ProjectViewer);
      await act(id, 'submit', viewer.token).expect(403);
      await act(id, 'unsubmit', viewer.token).expect(403);
      const response = await act(id, 'submit', ws.owner.token, {}).expect(422);
      expect(response.body.errors).toHaveProperty('workspace_id');
    });
  });

  describe('approveTimesheet and rejectTimesheet', () => {
    it("approves a submitted timesheet, which locks the week's time", async () => {
      const { id, owner } = await submittedTimesheet();
      const response = await act(id, 'approve', ws.owner.token).expect(200);
      expect(response.body).toMatchObject({ success: true, message: 'Timesheet approved successfully', data: null });
      expect(await stored(id)).toMatchObject({ status: 'approved', decided_by: ws.owner.userId });
      expect((await eventsOf(id)).map((event) => event.type)).toEqual(['timesheet.submitted', 'timesheet.approved']);
      const [{ date_from: dateFrom }] = (await t.dataSource.query('SELECT date_from FROM timesheets WHERE id = $1', [id])) as {
        date_from: string;
      }[];
      const later = new Date(`${dateFrom}T15:00:00Z`);
      await expect(record(owner.userId, later.toISOString(), new Date(later.getTime() + 600_000).toISOString())).rejects.toMatchObject({
        status: 409,
      });
      expect((await act(id, 'unsubmit', owner.token).expect(409)).body.message).toBe(NOT_SUBMITTED);
    });

    it('refuses approval while the member has a tracker running into the period', async () => {
      const { id, owner } = await submittedTimesheet();
      // Started on the period's Monday at noon (after its recorded hour) and still running.
      await t.dataSource.query(
        `INSERT INTO time_entries (workspace_id, user_id, method, start_time)
         SELECT $1, $2, 'Web tracker', date_from + time '12:00' FROM timesheets WHERE id = $3`,
        [ws.id, owner.userId, id],
      );
      const response = await act(id, 'approve', ws.owner.token).expect(409);
      expect(response.body.message).toBe('The member has a running tracker in this period; stop it before the timesheet can be approved.');
      expect((await stored(id)).status).toBe('submitted');
      await t.dataSource.query(
        `UPDATE time_entries SET end_time = start_time + interval '1 hour' WHERE user_id = $1 AND end_time IS NULL`,
        [owner.userId],
      );
      await act(id, 'approve', ws.owner.token).expect(200);
    });

    it('rejects with a reason that stays through the next submit and goes with the approval', async () => {
      const { id, owner } = await submittedTimesheet();
      const manager = await member(Role.ExecutiveManager);
      const reason = 'Please correct the hours for Monday - they seem too high';
      const response = await act(id, 'reject', manager.token, { workspace_id: ws.id, reason }).expect(200);
      expect(response.body).toMatchObject({ success: true, message: 'Timesheet rejected successfully', data: null });
      expect(await stored(id)).toMatchObject({ status: 'rejected', reject_reason: reason, decided_by: manager.userId });
      const [listed] = (await list(`id=${id}`).expect(200)).body.data as TimesheetBody[];
      expect([listed.status, listed.reject_reason]).toEqual(['rejected', reason]);

      await act(id, 'submit', owner.token).expect(200);
      expect(await stored(id)).toMatchObject({ status: 'submitted', reject_reason: reason });
      await act(id, 'approve', manager.token).expect(200);
      expect(await stored(id)).toMatchObject({ status: 'approved', reject_reason: null });
      expect((await eventsOf(id)).map((event) => event.type)).toEqual([
        'timesheet.submitted',
        'timesheet.rejected',
        'timesheet.submitted',
        'timesheet.approved',
      ]);
    });

    it.each([
      ['missing', {}],
      ['blank', { reason: '   ' }],
      ['longer than 1000 characters', { reason: 'x'.repeat(1001) }],
      ['not a string', { reason: 42 }],
    ])('answers 422 when the reason is %s', async (_case, body) => {
      const { id } = await submittedTimesheet();
      const response = await act(id, 'reject', ws.owner.token, { workspace_id: ws.id, ...body }).expect(422);
      expect(response.body.errors).toHaveProperty('reason');
      expect((await stored(id)).status).toBe('submitted');
    });

    it('answers 409 unless the timesheet is submitted', async () => {
      const { id } = await pendingTimesheet();
      expect((await act(id, 'approve', ws.owner.token).expect(409)).body.message).toBe(NOT_SUBMITTED);
      expect((await act(id, 'reject', ws.owner.token, { workspace_id: ws.id, reason: 'No' }).expect(409)).body.message).toBe(NOT_SUBMITTED);
    });

    it('answers 403 to everyone but OW and EM (the member included), 404 for an unknown id, 401 without a token', async () => {
      const { id, owner } = await submittedTimesheet();
      for (const token of [owner.token, (await member(Role.TeamManager)).token, (await member(Role.ProjectManager)).token]) {
        await act(id, 'approve', token).expect(403);
        await act(id, 'reject', token, { workspace_id: ws.id, reason: 'No' }).expect(403);
      }
      await act(UNKNOWN_ID, 'approve', ws.owner.token).expect(404);
      await act(UNKNOWN_ID, 'reject', ws.owner.token, { workspace_id: ws.id, reason: 'No' }).expect(404);
      await http.put(`/api/v2/timesheets/${id}/approve`).send({ workspace_id: ws.id }).expect(401);
      await http.put(`/api/v2/timesheets/${id}/reject`).send({ workspace_id: ws.id, reason: 'No' }).expect(401);
      expect((await stored(id)).status).toBe('submitted');
    });

    it('lets exactly one of a parallel approve and unsubmit win, and the stored status is the winner’s', async () => {
      for (let round = 0; round < 5; round++) {
        const { id, owner } = await submittedTimesheet();
        const [approve, unsubmit] = await Promise.all([act(id, 'approve', ws.owner.token), act(id, 'unsubmit', owner.token)]);
        expect([approve.status, unsubmit.status].sort()).toEqual([200, 409]);
        const winner = approve.status === 200 ? 'approved' : 'pending';
        expect((await stored(id)).status).toBe(winner);
        const loser = approve.status === 200 ? unsubmit : approve;
        expect(loser.body.message).toBe(NOT_SUBMITTED);
        expect((await eventsOf(id)).map((event) => event.type)).toEqual([
          'timesheet.submitted',
          approve.status === 200 ? 'timesheet.approved' : 'timesheet.unsubmitted',
        ]);
      }
    });
  });
});

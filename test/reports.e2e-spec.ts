import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { addDays } from '@app/common';
import { setSchedule } from '../apps/api/src/modules/reports/work-schedules';
import { TestMember, TestWorkspace } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A FIXED dataset with hand-computed results. The workspace owner's zone is America/New_York, and the range is
 * the Saturday, Sunday and Monday around its latest spring-forward (the second Sunday of March, 02:00 EST →
 * 03:00 EDT): Sunday is 23 hours long, 05:00Z to 04:00Z. The range is the latest such weekend before today, so
 * the daily timeline's one-year window always holds it; every number below is the same for every year.
 *
 * Two members in other zones (Berlin, Tokyo), which the reports ignore: report days are the owner's.
 *
 *  #  who    UTC                         New York                        minutes by day       what
 *  0  Alice  FRI 15:00Z - 16:00Z         Fri 10:00-11:00 EST             (before the range)   P1/cA
 *  1  Alice  SUN 03:00Z - 06:30Z         Sat 22:00 - Sun 01:30 EST       Sat 120, Sun 90      P1/cA, T1, "Deploy", level 50
 *  2  Alice  SUN 13:00Z - 16:00Z         Sun 09:00-12:00 EDT             Sun 180              P1/cA, T1, "Deploy", level 80
 *  3  Alice  MON 13:00Z - 14:15Z         Mon 09:00-10:15 EDT             Mon 75               P1/cA, no task, level null
 *  4  Alice  MON 14:30Z - 15:00Z         Mon 10:30-11:00 EDT             Mon 30               P1/cA, no task, level 90
 *  5  Bob    FRI 20:00Z - SAT 06:00Z     Fri 15:00 - Sat 01:00 EST       Sat 60               P2/cB, "Review", level 60
 *  6  Bob    SUN 06:30Z - 08:00Z         Sun 01:30 EST - 04:00 EDT       Sun 90               P2/cB, "Review", level 70
 *  7  Bob    MON 13:30Z - 14:00Z         Mon 09:30-10:00 EDT             Mon 30               no contract, "Email", level 40
 *
 * Money: cA is a custom rate of 60 USD/h, cB 30 EUR/h (both projects billable). Per day and contract:
 * Sat 120 min = 120 USD, 60 min = 30 EUR; Sun 270 min = 270 USD, 90 min = 45 EUR; Mon 105 min = 105 USD.
 */

const OWNER_ZONE = 'America/New_York';

/** The second Sunday of March of `year` (US spring-forward). */
function springForward(year: number): string {
  const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
  return new Date(Date.UTC(year, 2, 1 + ((7 - firstOfMarch) % 7) + 7)).toISOString().slice(0, 10);
}

/** The latest spring-forward Sunday whose Monday is before today (UTC). */
function latestSpringForward(): string {
  const today = new Date().toISOString().slice(0, 10);
  const year = new Date().getUTCFullYear();
  const thisYear = springForward(year);
  return addDays(thisYear, 1) < today ? thisYear : springForward(year - 1);
}

const SUN = latestSpringForward();
const SAT = addDays(SUN, -1);
const MON = addDays(SUN, 1);
const FRI = addDays(SUN, -2);

describe('Reports (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;
  let alice: TestMember;
  let bob: TestMember;
  let carol: TestMember;
  let dana: TestMember;
  let emNoRates: TestMember;
  let emRates: TestMember;
  let p1: number;
  let p2: number;
  let cA: number;
  let cB: number;
  let t1: number;
  let teamId: number;

  const member = async (firstname: string, lastname: string, timezone: string | null, role: Role = Role.RegularUser) => {
    const user = await t.factories.users.create({ firstname, lastname, timezone });
    return t.factories.members.create({ workspaceId: ws.id, role, userId: user.id });
  };

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
    await t.dataSource.query('UPDATE users SET timezone = $2 WHERE id = $1', [ws.owner.userId, OWNER_ZONE]);
    alice = await member('Alice', 'Berlin', 'Europe/Berlin');
    bob = await member('Bob', 'Tokyo', 'Asia/Tokyo');
    carol = await member('Carol', 'Absent', null);
    dana = await member('Dana', 'Leave', null);
    emNoRates = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
    emRates = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager, rateStatus: 1 });
    p1 = (await t.factories.projects.create({ workspaceId: ws.id, name: 'Apollo' })).id;
    p2 = (await t.factories.projects.create({ workspaceId: ws.id, name: 'Zephyr' })).id;
    cA = (await t.factories.contracts.create({ workspaceId: ws.id, projectId: p1, userId: alice.userId, rate: '60.00', currency: 'USD' }))
      .id;
    cB = (await t.factories.contracts.create({ workspaceId: ws.id, projectId: p2, userId: bob.userId, rate: '30.00', currency: 'EUR' })).id;
    t1 = (await t.factories.tasks.create({ workspaceId: ws.id, projectId: p1, title: 'Release' })).id;
    teamId = (await t.factories.teams.create({ workspaceId: ws.id, members: [bob.userId] })).id;

    const entry = (
      user: TestMember,
      start: string,
      end: string | null,
      extra: { contract?: number; project?: number; task?: number; description?: string; level?: number; method?: string } = {},
    ) =>
      t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: user.userId,
        start,
        end,
        contractId: extra.contract ?? null,
        projectId: extra.project ?? null,
        taskId: extra.task ?? null,
        activityDescription: extra.description ?? null,
        activityLevel: extra.level ?? null,
        method: extra.method,
      });
    const onA = { contract: cA, project: p1 };
    const onB = { contract: cB, project: p2 };
    await entry(alice, `${FRI}T15:00:00Z`, `${FRI}T16:00:00Z`, onA);
    await entry(alice, `${SUN}T03:00:00Z`, `${SUN}T06:30:00Z`, {
      ...onA,
      task: t1,
      description: 'Deploy',
      level: 50,
      method: 'Desktop tracker',
    });
    await entry(alice, `${SUN}T13:00:00Z`, `${SUN}T16:00:00Z`, {
      ...onA,
      task: t1,
      description: 'Deploy',
      level: 80,
      method: 'Desktop tracker',
    });
    await entry(alice, `${MON}T13:00:00Z`, `${MON}T14:15:00Z`, onA);
    await entry(alice, `${MON}T14:30:00Z`, `${MON}T15:00:00Z`, { ...onA, level: 90 });
    await entry(bob, `${FRI}T20:00:00Z`, `${SAT}T06:00:00Z`, { ...onB, description: 'Review', level: 60, method: 'Desktop tracker' });
    await entry(bob, `${SUN}T06:30:00Z`, `${SUN}T08:00:00Z`, { ...onB, description: 'Review', level: 70, method: 'Desktop tracker' });
    await entry(bob, `${MON}T13:30:00Z`, `${MON}T14:00:00Z`, { description: 'Email', level: 40 });

    // Attendance on Monday: Alice works 08:30-17:00 (480 min), Dana too but is on approved leave; Bob and Carol have no schedule.
    for (const who of [alice, dana]) {
      await setSchedule(t.dataSource, {
        workspaceId: ws.id,
        userId: who.userId,
        weekdays: [1, 2, 3, 4, 5],
        start: '08:30',
        end: '17:00',
        requiredMinutes: 480,
      });
    }
    const [policy] = (await t.dataSource.query(
      `INSERT INTO leave_policies (workspace_id, name, time_unit, duration) VALUES ($1, 'Vacation', 'days', 20) RETURNING id`,
      [ws.id],
    )) as { id: number }[];
    await t.dataSource.query(
      `INSERT INTO leave_requests (workspace_id, user_id, policy_id, status, start_date, end_date, hours_per_day, total_days, total_hours)
       VALUES ($1, $2, $3, 'approved', $4, $5, 8, 2, 16)`,
      [ws.id, dana.userId, policy.id, MON, addDays(MON, 1)],
    );
  });
  afterAll(async () => t.close());

  const path = (report: string, query = ''): string => `/api/v2/reports/${report}?workspace_id=${ws.id}${query ? `&${query}` : ''}`;
  const range = `start_date=${SAT}&end_date=${MON}`;
  const expectInvalid = async (url: string, field: string, token = ws.owner.token) => {
    const res = await http.get(url, token);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
  };
  const page = (total: number, perPage = 30, current = 1, count = total) => ({
    total,
    per_page: perPage,
    current_page: current,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    from: count > 0 ? (current - 1) * perPage + 1 : null,
    to: count > 0 ? (current - 1) * perPage + count : null,
  });

  const aliceRow = (minutes: number, usd?: number) => ({
    user_id: alice.userId,
    user_name: 'Alice Berlin',
    project_id: p1,
    project_name: 'Apollo',
    contract_id: cA,
    total_minutes: minutes,
    ...(usd !== undefined && { total_amount: { USD: usd } }),
  });
  const bobRow = (minutes: number, eur?: number | null) => ({
    user_id: bob.userId,
    user_name: 'Bob Tokyo',
    project_id: eur === null ? null : p2,
    project_name: eur === null ? null : 'Zephyr',
    contract_id: eur === null ? null : cB,
    total_minutes: minutes,
    ...(eur !== undefined && { total_amount: eur === null ? {} : { EUR: eur } }),
  });
  const people = () => `users=${alice.userId},${bob.userId}`;

  describe('GET /reports/tracked-hours (getTrackedHoursReport)', () => {
    it('sums minutes per owner-zone day, user, project and contract, with money for a caller who may view rates', async () => {
      const res = await http.get(path('tracked-hours', `${range}&${people()}`), ws.owner.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        report_type: 'tracked_hours',
        start_date: SAT,
        end_date: MON,
        total: { total_minutes: 675, total_amount: { USD: 495, EUR: 75 } },
        days: {
          [SAT]: { users: [aliceRow(120, 120), bobRow(60, 30)] },
          [SUN]: { users: [aliceRow(270, 270), bobRow(90, 45)] },
          [MON]: { users: [aliceRow(105, 105), bobRow(30, null)] },
        },
      });
      expect(res.body.meta).toEqual({ api_version: '2.0.0', timestamp: expect.any(String) });
    });

    it('answers the same report as CSV for Accept: text/csv, one row per day, user, project and contract', async () => {
      const res = await http.get(path('tracked-hours', `${range}&${people()}`), ws.owner.token).set('Accept', 'text/csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="tracked-hours-${SAT}_${MON}.csv"`);
      const [a, b] = [alice.userId, bob.userId];
      expect(res.text).toBe(
        [
          'date,user_id,user_name,project_id,project_name,contract_id,total_minutes,total_amount,currency',
          `${SAT},${a},Alice Berlin,${p1},Apollo,${cA},120,120,USD`,
          `${SAT},${b},Bob Tokyo,${p2},Zephyr,${cB},60,30,EUR`,
          `${SUN},${a},Alice Berlin,${p1},Apollo,${cA},270,270,USD`,
          `${SUN},${b},Bob Tokyo,${p2},Zephyr,${cB},90,45,EUR`,
          `${MON},${a},Alice Berlin,${p1},Apollo,${cA},105,105,USD`,
          `${MON},${b},Bob Tokyo,,,,30,,`,
          '',
        ].join('\n'),
      );
    });

    it('leaves money out, in JSON and CSV, for a caller who may not view rates; an EM with rate_status 1 sees it', async () => {
      const hidden = await http.get(path('tracked-hours', `${range}&${people()}`), emNoRates.token);
      expect(hidden.status).toBe(200);
      expect(JSON.stringify(hidden.body)).not.toContain('total_amount');
      expect(hidden.body.data.total).toEqual({ total_minutes: 675 });
      expect(hidden.body.data.days[SAT]).toEqual({ users: [aliceRow(120), bobRow(60)] });
      const csv = await http.get(path('tracked-hours', `${range}&${people()}`), emNoRates.token).set('Accept', 'text/csv');
      expect(csv.text.split('\n')[0]).toBe('date,user_id,user_name,project_id,project_name,contract_id,total_minutes');
      expect(csv.text).not.toContain('USD');
      const shown = await http.get(path('tracked-hours', `${range}&${people()}`), emRates.token);
      expect(shown.body.data.total).toEqual({ total_minutes: 675, total_amount: { USD: 495, EUR: 75 } });
    });

    it('filters by user_id ∩ users, projects, teams and currencies, takes both array forms and user_ids, and titles match no one', async () => {
      const minutesOf = async (query: string, token = ws.owner.token) => {
        const res = await http.get(path('tracked-hours', `${range}&${query}`), token);
        expect(res.status).toBe(200);
        return res.body.data.total.total_minutes as number;
      };
      expect(await minutesOf(`user_id=${alice.userId}`)).toBe(495);
      expect(await minutesOf(`user_id=${alice.userId}&users=${alice.userId},${bob.userId}`)).toBe(495);
      expect(await minutesOf(`user_id=${alice.userId}&users=${bob.userId}`)).toBe(0);
      expect(await minutesOf(`users[]=${bob.userId}`)).toBe(180);
      expect(await minutesOf(`user_ids=${bob.userId}`)).toBe(180);
      expect(await minutesOf(`users[]=${alice.userId}&users[]=${bob.userId}`)).toBe(675);
      // The document's own form (no style: form, exploded) repeats the key; an empty value counts as absent.
      expect(await minutesOf(`users=${alice.userId}&users=${bob.userId}`)).toBe(675);
      expect(await minutesOf(`users=&user_ids=`)).toBe(675);
      expect(await minutesOf(`projects=${p2}`)).toBe(150);
      expect(await minutesOf(`teams=${teamId}`)).toBe(180);
      expect(await minutesOf('titles=1')).toBe(0);
      expect(await minutesOf(`${people()}&currencies=EUR`)).toBe(150);
      // Without rate permission the currencies filter is not applied.
      expect(await minutesOf(`${people()}&currencies=EUR`, emNoRates.token)).toBe(675);
    });

    it("defaults to Monday..Sunday of the current week on the owner's clock", async () => {
      const res = await http.get(path('tracked-hours'), ws.owner.token);
      expect(res.status).toBe(200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: OWNER_ZONE }).format(new Date());
      const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      expect(res.body.data).toMatchObject({ start_date: addDays(today, -weekday), end_date: addDays(today, 6 - weekday) });
    });

    it('refuses ranges over the caps, end before start, bad dates and bad arrays with 422', async () => {
      await expectInvalid(path('tracked-hours', `start_date=2024-01-01&end_date=2024-02-01&user_id=${alice.userId}`), 'end_date');
      await expectInvalid(path('tracked-hours', 'start_date=2024-01-01&end_date=2025-01-01'), 'end_date');
      await expectInvalid(path('tracked-hours', 'start_date=2024-01-31&end_date=2024-01-01'), 'end_date');
      await expectInvalid(path('tracked-hours', 'start_date=2000-01-01'), 'end_date');
      await expectInvalid(path('tracked-hours', 'start_date=2024-02-30&end_date=2024-03-01'), 'start_date');
      await expectInvalid(path('tracked-hours', `${range}&users=1,abc`), 'users');
      await expectInvalid(path('tracked-hours', `${range}&users[]=0`), 'users');
      // Blank is not empty: a filter of spaces is refused, not dropped (which would report on everyone).
      for (const blank of ['%20', '%09', '%20,%20'])
        for (const key of ['users', 'users[]']) await expectInvalid(path('tracked-hours', `${range}&${key}=${blank}`), 'users');
      await expectInvalid(path('tracked-hours', `${range}&currencies=usd`), 'currencies');
      const ok = await http.get(path('tracked-hours', 'start_date=2024-01-01&end_date=2024-12-31'), ws.owner.token);
      expect(ok.status).toBe(200);
    });
  });

  describe('GET /reports/daily-timeline (getDailyTimelineReport)', () => {
    const aliceEntries = () => [
      {
        start: `${SUN}T00:00:00-05:00`,
        end: `${SUN}T01:30:00-05:00`,
        duration_minutes: 90,
        project_id: p1,
        project_name: 'Apollo',
        task_id: t1,
        task_title: 'Release',
        activity_description: 'Deploy',
        tracking_method: 'Desktop tracker',
        activity_level: 50,
      },
      {
        start: `${SUN}T09:00:00-04:00`,
        end: `${SUN}T12:00:00-04:00`,
        duration_minutes: 180,
        project_id: p1,
        project_name: 'Apollo',
        task_id: t1,
        task_title: 'Release',
        activity_description: 'Deploy',
        tracking_method: 'Desktop tracker',
        activity_level: 80,
      },
    ];
    const bobEntry = () => ({
      start: `${SUN}T01:30:00-05:00`,
      end: `${SUN}T04:00:00-04:00`,
      duration_minutes: 90,
      project_id: p2,
      project_name: 'Zephyr',
      task_id: null,
      task_title: null,
      activity_description: 'Review',
      tracking_method: 'Desktop tracker',
      activity_level: 70,
    });

    it("lists each user's entries of the date with the owner's offsets (the DST Sunday), clipped at midnight", async () => {
      const res = await http.get(path('daily-timeline', `date=${SUN}&${people()}`), ws.owner.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        report_type: 'daily_timeline',
        date: SUN,
        users: [
          {
            user_id: alice.userId,
            user_name: 'Alice Berlin',
            total_minutes: 270,
            activity_level: 70,
            total_amount: 270,
            currency: 'USD',
            time_entries: aliceEntries(),
          },
          {
            user_id: bob.userId,
            user_name: 'Bob Tokyo',
            total_minutes: 90,
            activity_level: 70,
            total_amount: 45,
            currency: 'EUR',
            time_entries: [bobEntry()],
          },
        ],
      });
      expect(res.body.meta.pagination).toEqual(page(2));
    });

    it('shows the Saturday part of the entry across midnight ending at midnight, and pages over users', async () => {
      const sat = await http.get(path('daily-timeline', `date=${SAT}&user_ids=${alice.userId}`), emNoRates.token);
      expect(sat.body.data.users).toEqual([
        expect.objectContaining({
          user_id: alice.userId,
          total_minutes: 120,
          time_entries: [expect.objectContaining({ start: `${SAT}T22:00:00-05:00`, end: `${SUN}T00:00:00-05:00`, duration_minutes: 120 })],
        }),
      ]);
      expect(sat.body.data.users[0]).not.toHaveProperty('total_amount');
      expect(sat.body.data.users[0]).not.toHaveProperty('currency');
      const second = await http.get(path('daily-timeline', `date=${SUN}&${people()}&per_page=1&page=2`), ws.owner.token);
      expect(second.body.data.users.map((user: { user_id: number }) => user.user_id)).toEqual([bob.userId]);
      expect(second.body.meta.pagination).toEqual(page(2, 1, 2, 1));
      const past = await http.get(path('daily-timeline', `date=${SUN}&${people()}&page=3`), ws.owner.token);
      expect(past.body.data.users).toEqual([]);
      expect(past.body.meta.pagination).toEqual(page(2, 30, 3, 0));
    });

    it('answers CSV, one row per entry', async () => {
      const res = await http.get(path('daily-timeline', `date=${SUN}&users=${bob.userId}`), ws.owner.token).set('Accept', 'text/csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="daily-timeline-${SUN}.csv"`);
      expect(res.text).toBe(
        [
          'date,user_id,user_name,start,end,duration_minutes,project_id,project_name,task_id,task_title,activity_description,tracking_method,activity_level',
          `${SUN},${bob.userId},Bob Tokyo,${SUN}T01:30:00-05:00,${SUN}T04:00:00-04:00,90,${p2},Zephyr,,,Review,Desktop tracker,70`,
          '',
        ].join('\n'),
      );
    });

    it('refuses a missing, malformed or out-of-window date, bad user ids and per_page 101 with 422', async () => {
      await expectInvalid(path('daily-timeline'), 'date');
      await expectInvalid(path('daily-timeline', 'date=15-01-2024'), 'date');
      await expectInvalid(path('daily-timeline', `date=${addDays(SUN, -800)}`), 'date');
      await expectInvalid(path('daily-timeline', `date=${SUN}&user_ids=1,,2`), 'user_ids');
      await expectInvalid(path('daily-timeline', `date=${SUN}&per_page=101`), 'per_page');
      await expectInvalid(path('daily-timeline', `date=${SUN}&page=0`), 'page');
    });
  });

  describe('GET /reports/task-report (getTaskReport)', () => {
    it('gives per user the per-task totals and the daily breakdown', async () => {
      const res = await http.get(path('task-report', `${range}&${people()}`), ws.owner.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        report_type: 'task_report',
        start_date: SAT,
        end_date: MON,
        users: [
          {
            user_id: alice.userId,
            user_name: 'Alice Berlin',
            total_minutes: 495,
            tasks_breakdown: [
              { task_id: t1, task_title: 'Release', project_id: p1, project_name: 'Apollo', total_minutes: 390 },
              { task_id: null, task_title: null, project_id: p1, project_name: 'Apollo', total_minutes: 105 },
            ],
            daily_breakdown: {
              [SAT]: [{ task_id: t1, task_title: 'Release', project_id: p1, total_minutes: 120 }],
              [SUN]: [{ task_id: t1, task_title: 'Release', project_id: p1, total_minutes: 270 }],
              [MON]: [{ task_id: null, task_title: null, project_id: p1, total_minutes: 105 }],
            },
          },
          {
            user_id: bob.userId,
            user_name: 'Bob Tokyo',
            total_minutes: 180,
            tasks_breakdown: [
              { task_id: null, task_title: null, project_id: p2, project_name: 'Zephyr', total_minutes: 150 },
              { task_id: null, task_title: null, project_id: null, project_name: null, total_minutes: 30 },
            ],
            daily_breakdown: {
              [SAT]: [{ task_id: null, task_title: null, project_id: p2, total_minutes: 60 }],
              [SUN]: [{ task_id: null, task_title: null, project_id: p2, total_minutes: 90 }],
              [MON]: [{ task_id: null, task_title: null, project_id: null, total_minutes: 30 }],
            },
          },
        ],
      });
      expect(res.body.meta.pagination).toEqual(page(2));
    });

    it('leaves out time without a task for include_no_task=false, and filters by task_id and project_id', async () => {
      const withTasks = await http.get(path('task-report', `${range}&${people()}&include_no_task=false`), ws.owner.token);
      expect(
        withTasks.body.data.users.map((user: { user_id: number; total_minutes: number }) => [user.user_id, user.total_minutes]),
      ).toEqual([[alice.userId, 390]]);
      expect(withTasks.body.meta.pagination).toEqual(page(1));
      const task = await http.get(path('task-report', `${range}&${people()}&task_id[]=${t1}&include_no_task=0`), ws.owner.token);
      expect(task.body.data.users[0].total_minutes).toBe(390);
      const project = await http.get(path('task-report', `${range}&${people()}&project_id=${p2}`), ws.owner.token);
      expect(project.body.data.users.map((user: { user_id: number; total_minutes: number }) => [user.user_id, user.total_minutes])).toEqual(
        [[bob.userId, 150]],
      );
    });

    it('answers CSV, one row per user, day and task', async () => {
      const res = await http.get(path('task-report', `${range}&users=${alice.userId}`), ws.owner.token).set('Accept', 'text/csv');
      expect(res.text).toBe(
        [
          'date,user_id,user_name,task_id,task_title,project_id,project_name,total_minutes',
          `${SAT},${alice.userId},Alice Berlin,${t1},Release,${p1},Apollo,120`,
          `${SUN},${alice.userId},Alice Berlin,${t1},Release,${p1},Apollo,270`,
          `${MON},${alice.userId},Alice Berlin,,,${p1},Apollo,105`,
          '',
        ].join('\n'),
      );
    });

    it('refuses missing dates, more than 31 days, end before start, bad arrays and booleans, per_page 101 with 422', async () => {
      await expectInvalid(path('task-report', `end_date=${MON}`), 'start_date');
      await expectInvalid(path('task-report', 'start_date=2024-01-01&end_date=2024-02-01'), 'end_date');
      await expectInvalid(path('task-report', 'start_date=2024-01-31&end_date=2024-01-01'), 'end_date');
      await expectInvalid(path('task-report', `${range}&project_id=a`), 'project_id');
      await expectInvalid(path('task-report', `${range}&include_no_task=maybe`), 'include_no_task');
      await expectInvalid(path('task-report', `${range}&per_page=101`), 'per_page');
      expect((await http.get(path('task-report', 'start_date=2024-01-01&end_date=2024-01-31'), ws.owner.token)).status).toBe(200);
    });
  });

  describe('GET /reports/activity-level (getActivityLevelReport)', () => {
    it('weights activity by minutes per day and user, and overall over every user (not just the page)', async () => {
      const res = await http.get(path('activity-level', `${range}&${people()}&per_page=1`), ws.owner.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        report_type: 'activity_level',
        start_date: SAT,
        end_date: MON,
        // (120·50 + 90·50 + 180·80 + 30·90 + 60·60 + 90·70 + 30·40) / (120 + 90 + 180 + 30 + 60 + 90 + 30) = 38700 / 600 = 64.5
        overall: { average_activity_level: 65, total_minutes: 675 },
        users: [
          {
            user_id: alice.userId,
            user_name: 'Alice Berlin',
            // 27600 / 420 = 65.7; Monday's 75 minutes without samples count in the minutes only.
            average_activity_level: 66,
            total_minutes: 495,
            days: [
              { date: SAT, activity_level: 50, total_minutes: 120 },
              { date: SUN, activity_level: 70, total_minutes: 270 },
              { date: MON, activity_level: 90, total_minutes: 105 },
            ],
          },
        ],
      });
      expect(res.body.meta.pagination).toEqual(page(2, 1, 1, 1));
    });

    it('keeps one contract with contract_id, and answers CSV', async () => {
      const res = await http.get(path('activity-level', `${range}&${people()}&contract_id=${cB}`), ws.owner.token);
      expect(res.body.data.overall).toEqual({ average_activity_level: 66, total_minutes: 150 });
      const csv = await http.get(path('activity-level', `${range}&user_ids=${bob.userId}`), ws.owner.token).set('Accept', 'text/csv');
      expect(csv.text).toBe(
        [
          'date,user_id,user_name,activity_level,total_minutes',
          `${SAT},${bob.userId},Bob Tokyo,60,60`,
          `${SUN},${bob.userId},Bob Tokyo,70,90`,
          `${MON},${bob.userId},Bob Tokyo,40,30`,
          '',
        ].join('\n'),
      );
    });

    it('refuses more than 31 days, a bad contract_id, bad user ids and per_page 101 with 422', async () => {
      await expectInvalid(path('activity-level', 'start_date=2024-01-01&end_date=2024-02-01'), 'end_date');
      await expectInvalid(path('activity-level', `${range}&contract_id=abc`), 'contract_id');
      await expectInvalid(path('activity-level', `${range}&user_ids=-1`), 'user_ids');
      await expectInvalid(path('activity-level', `${range}&per_page=101`), 'per_page');
    });
  });

  describe('GET /reports/daily-attendance (getDailyAttendanceReport)', () => {
    const attendees = () => `users=${alice.userId},${bob.userId},${carol.userId},${dana.userId}`;
    const expected = () => ({
      alice: {
        user_id: alice.userId,
        user_name: 'Alice Berlin',
        statuses: ['Late', 'Left early', 'Tracked less'],
        first_start: '09:00',
        last_end: '11:00',
        tracked_minutes: 105,
        required_minutes: 480,
        break_minutes: 15,
        break_intervals: ['10:15 - 10:30'],
        activity_level: 90,
      },
      bob: {
        user_id: bob.userId,
        user_name: 'Bob Tokyo',
        statuses: ['Present'],
        first_start: '09:30',
        last_end: '10:00',
        tracked_minutes: 30,
        required_minutes: 0,
        break_minutes: 0,
        break_intervals: [],
        activity_level: 40,
      },
      carol: {
        user_id: carol.userId,
        user_name: 'Carol Absent',
        statuses: ['Absent'],
        first_start: null,
        last_end: null,
        tracked_minutes: 0,
        required_minutes: 0,
        break_minutes: 0,
        break_intervals: [],
        activity_level: null,
      },
      dana: {
        user_id: dana.userId,
        user_name: 'Dana Leave',
        statuses: ['On leave'],
        first_start: null,
        last_end: null,
        tracked_minutes: 0,
        required_minutes: 480,
        break_minutes: 0,
        break_intervals: [],
        activity_level: null,
      },
    });

    it("grades each member's day against their schedule, with breaks between entries and approved leave", async () => {
      const res = await http.get(path('daily-attendance', `date=${MON}&${attendees()}`), ws.owner.token);
      expect(res.status).toBe(200);
      const { alice: a, bob: b, carol: c, dana: d } = expected();
      expect(res.body.data).toEqual({ report_type: 'daily_attendance', date: MON, users: [a, b, c, d] });
      expect(res.body.meta.pagination).toEqual(page(4));
    });

    it('keeps users with any of the selected statuses, counted before paging', async () => {
      const res = await http.get(path('daily-attendance', `date=${MON}&${attendees()}&status=absent,on_leave&per_page=1`), ws.owner.token);
      expect(res.body.data.users).toEqual([expected().carol]);
      expect(res.body.meta.pagination).toEqual(page(2, 1, 1, 1));
      const late = await http.get(path('daily-attendance', `date=${MON}&${attendees()}&status[]=late`), ws.owner.token);
      expect(late.body.data.users).toEqual([expected().alice]);
      // Everyone active but Project viewers is expected: the owner and the EMs tracked nothing and have no schedule.
      const all = await http.get(path('daily-attendance', `date=${MON}&status=absent`), ws.owner.token);
      expect(all.body.data.users.map((user: { user_id: number }) => user.user_id).sort((x: number, y: number) => x - y)).toEqual(
        [ws.owner.userId, carol.userId, emNoRates.userId, emRates.userId].sort((x, y) => x - y),
      );
    });

    it('answers CSV, one row per user', async () => {
      const res = await http.get(path('daily-attendance', `date=${MON}&users=${alice.userId}`), ws.owner.token).set('Accept', 'text/csv');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="daily-attendance-${MON}.csv"`);
      expect(res.text).toBe(
        [
          'date,user_id,user_name,statuses,first_start,last_end,tracked_minutes,required_minutes,break_minutes,break_intervals,activity_level',
          `${MON},${alice.userId},Alice Berlin,Late; Left early; Tracked less,09:00,11:00,105,480,15,10:15 - 10:30,90`,
          '',
        ].join('\n'),
      );
    });

    it('refuses a missing or bad date, an unknown status and per_page 101 with 422', async () => {
      await expectInvalid(path('daily-attendance'), 'date');
      await expectInvalid(path('daily-attendance', 'date=2024-13-01'), 'date');
      await expectInvalid(path('daily-attendance', `date=${MON}&status=late,sleeping`), 'status');
      await expectInvalid(path('daily-attendance', `date=${MON}&per_page=101`), 'per_page');
    });
  });

  describe('GET /reports/activity-descriptions (getActivityDescriptionsReport)', () => {
    it('sums minutes per description and project, null description grouped', async () => {
      const res = await http.get(path('activity-descriptions', `${range}&${people()}`), ws.owner.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        report_type: 'activity_descriptions',
        start_date: SAT,
        end_date: MON,
        users: [
          {
            user_id: alice.userId,
            user_name: 'Alice Berlin',
            total_minutes: 495,
            descriptions: [
              { activity_description: 'Deploy', project_id: p1, project_name: 'Apollo', total_minutes: 390 },
              { activity_description: null, project_id: p1, project_name: 'Apollo', total_minutes: 105 },
            ],
          },
          {
            user_id: bob.userId,
            user_name: 'Bob Tokyo',
            total_minutes: 180,
            descriptions: [
              { activity_description: 'Review', project_id: p2, project_name: 'Zephyr', total_minutes: 150 },
              { activity_description: 'Email', project_id: null, project_name: null, total_minutes: 30 },
            ],
          },
        ],
      });
      const csv = await http.get(path('activity-descriptions', `${range}&users=${bob.userId}`), ws.owner.token).set('Accept', 'text/csv');
      expect(csv.text).toBe(
        [
          'user_id,user_name,activity_description,project_id,project_name,total_minutes',
          `${bob.userId},Bob Tokyo,Review,${p2},Zephyr,150`,
          `${bob.userId},Bob Tokyo,Email,,,30`,
          '',
        ].join('\n'),
      );
    });

    it('refuses more than 31 days, end before start, bad project ids and per_page 101 with 422', async () => {
      await expectInvalid(path('activity-descriptions', 'start_date=2024-01-01&end_date=2024-02-01'), 'end_date');
      await expectInvalid(path('activity-descriptions', 'start_date=2024-01-31&end_date=2024-01-01'), 'end_date');
      await expectInvalid(path('activity-descriptions', `${range}&project_id[]=x`), 'project_id');
      await expectInvalid(path('activity-descriptions', `${range}&per_page=101`), 'per_page');
    });
  });

  describe('running entries', () => {
    it('count up to now and show end null in the timeline', async () => {
      const other = await t.factories.workspace();
      const worker = await t.factories.members.create({ workspaceId: other.id, role: Role.RegularUser });
      const start = new Date(Date.now() - 90 * 60_000);
      await t.factories.timeEntries.create({ workspaceId: other.id, userId: worker.userId, start, end: null });
      const today = new Date().toISOString().slice(0, 10);
      const hours = await http.get(
        `/api/v2/reports/tracked-hours?workspace_id=${other.id}&start_date=${addDays(today, -1)}&end_date=${today}`,
        other.owner.token,
      );
      expect(hours.body.data.total.total_minutes).toBe(90);
      const timeline = await http.get(`/api/v2/reports/daily-timeline?workspace_id=${other.id}&date=${today}`, other.owner.token);
      const entries = timeline.body.data.users[0].time_entries as { end: string | null }[];
      expect(entries[entries.length - 1].end).toBeNull();
    });
  });

  describe('access', () => {
    const REPORTS = [
      ['tracked-hours', range],
      ['daily-timeline', `date=${SUN}`],
      ['task-report', range],
      ['activity-level', range],
      ['daily-attendance', `date=${MON}`],
      ['activity-descriptions', range],
    ] as const;

    it('answers 401 without a token, on every report', async () => {
      for (const [report, query] of REPORTS) {
        const res = await http.get(path(report, query));
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ success: false, message: 'Unauthenticated.' });
      }
    });

    it('refuses TM, PM, RU and PV with 403, on every report', async () => {
      for (const role of [Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer]) {
        const caller = await t.factories.members.create({ workspaceId: ws.id, role });
        for (const [report, query] of REPORTS) {
          const res = await http.get(path(report, query), caller.token);
          expect([role, report, res.status]).toEqual([role, report, 403]);
          expect(res.body).toMatchObject({ success: false, message: 'This action is unauthorized.' });
        }
      }
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const START = '/api/v2/time-tracking/start';
const STOP = '/api/v2/time-tracking/stop';
const CURRENT = '/api/v2/time-tracking/current-data';
const MINUTE = 60_000;

/** A fixed-offset zone where the clock now reads about noon, so "today" has room on both sides. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  const clamped = Math.max(-11, Math.min(12, offset));
  return clamped === 0 ? 'UTC' : `Etc/GMT${clamped > 0 ? '-' : '+'}${Math.abs(clamped)}`;
}

describe('Time tracking (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const member = async (role: Role = Role.RegularUser, workspaceId = ws.id, timezone: string | null = null): Promise<TestMember> => {
    const user = await t.factories.users.create({ firstname: 'John', lastname: 'Smith', timezone });
    return t.factories.members.create({ workspaceId, role, userId: user.id });
  };
  const assignment = async (userId: number, options: { status?: 'active' | 'paused'; weeklyHoursLimit?: number } = {}) => {
    const project = await t.factories.projects.create({ workspaceId: ws.id, name: `Website Redesign ${userId}` });
    const contract = await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId, ...options });
    return { project, contract };
  };
  const running = async (userId: number): Promise<{ workspace_id: number; method: string; contract_id: number | null }[]> =>
    t.dataSource.query('SELECT workspace_id, method, contract_id FROM time_entries WHERE user_id = $1 AND end_time IS NULL', [userId]);
  const entries = async (userId: number): Promise<{ method: string; start_time: Date; end_time: Date; project_id: number | null }[]> =>
    t.dataSource.query(
      'SELECT method, start_time, end_time, project_id FROM time_entries WHERE user_id = $1 AND end_time IS NOT NULL ORDER BY start_time',
      [userId],
    );
  const events = async (type: string, userId: number): Promise<unknown[]> =>
    t.dataSource.query(`SELECT payload FROM outbox_events WHERE type = $1 AND (payload->>'user_id')::int = $2`, [type, userId]);
  const start = (body: object, token = ws.owner.token) => http.post(START, token).send({ workspace_id: ws.id, ...body });
  const stop = (body: object, token = ws.owner.token) => http.post(STOP, token).send({ workspace_id: ws.id, ...body });

  describe('startTimeTracking', () => {
    it('starts a tracker on a contract, task and activity, with the documented data and message', async () => {
      const m = await member();
      const { project, contract } = await assignment(m.userId);
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id, title: 'Update homepage design' });
      const res = await start({
        user_id: m.userId,
        contract_id: contract.id,
        task_id: task.id,
        activity_description: 'Working on feature implementation',
      }).expect(200);
      const body = res.body as { message: string; data: Record<string, unknown> };
      const startTime = String(body.data.start_time);
      expect(startTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect(body.data).toEqual({
        message: 'Time tracking started successfully',
        start_time: startTime,
        user_id: m.userId,
        user_name: 'John Smith',
        user_email: expect.any(String),
        contract_id: contract.id,
        project_id: project.id,
        project_name: project.name,
        task_id: task.id,
        task_title: 'Update homepage design',
        activity_description: 'Working on feature implementation',
      });
      const at = `${startTime.slice(0, 10)} ${startTime.slice(11, 16)} UTC`;
      expect(body.message).toBe(
        `John Smith started tracking time at ${at} on ${project.name} / Update homepage design: Working on feature implementation`,
      );
      expect(await running(m.userId)).toEqual([{ workspace_id: ws.id, method: 'Web tracker', contract_id: contract.id }]);
      expect(await events('tracker.started', m.userId)).toHaveLength(1);
    });

    it('starts without a contract, and a regular user starts their own tracker', async () => {
      const m = await member();
      const res = await start({ user_id: m.userId }, m.token).expect(200);
      const body = res.body as { message: string; data: { project_id: null; contract_id: null; start_time: string } };
      expect(body.data.contract_id).toBeNull();
      expect(body.data.project_id).toBeNull();
      expect(body.message).toMatch(/^John Smith started tracking time at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC without a project$/);
    });

    it('leaves out the task and activity parts when they are absent', async () => {
      const m = await member();
      const { project, contract } = await assignment(m.userId);
      const res = await start({ user_id: m.userId, contract_id: contract.id }).expect(200);
      expect((res.body as { message: string }).message).toMatch(new RegExp(`UTC on ${project.name}$`));
    });

    it('answers 422 for a task without a contract, a task of another project and a too long activity', async () => {
      const m = await member();
      const { contract } = await assignment(m.userId);
      const other = await t.factories.projects.create({ workspaceId: ws.id });
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: other.id });
      const noContract = await start({ user_id: m.userId, task_id: task.id }).expect(422);
      expect((noContract.body as { errors: Record<string, string[]> }).errors).toHaveProperty('task_id');
      const wrongProject = await start({ user_id: m.userId, contract_id: contract.id, task_id: task.id }).expect(422);
      expect((wrongProject.body as { errors: Record<string, string[]> }).errors).toHaveProperty('task_id');
      const long = await start({ user_id: m.userId, activity_description: 'x'.repeat(256) }).expect(422);
      expect((long.body as { errors: Record<string, string[]> }).errors).toHaveProperty('activity_description');
      await start({ user_id: 'abc' }).expect(422);
      await start({}).expect(422);
      expect(await running(m.userId)).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      await request(t.http).post(START).send({ workspace_id: ws.id, user_id: ws.owner.userId }).expect(401);
    });

    it('answers 403 to a regular user starting for someone else and to a project viewer', async () => {
      const ru = await member();
      const other = await member();
      const viewer = await member(Role.ProjectViewer);
      const res = await start({ user_id: other.userId }, ru.token).expect(403);
      expect((res.body as { message: string }).message).toBe('This action is unauthorized.');
      await start({ user_id: viewer.userId }, viewer.token).expect(403);
      expect(await running(other.userId)).toEqual([]);
    });

    it('answers 404 for an unknown user, a viewer, another user’s contract and an unknown task', async () => {
      const m = await member();
      const other = await member();
      const viewer = await member(Role.ProjectViewer);
      const { contract: foreignContract } = await assignment(other.userId);
      const { contract } = await assignment(m.userId);
      expect((await start({ user_id: 2_000_000_000 }).expect(404)).body).toMatchObject({ message: 'User not found.' });
      await start({ user_id: viewer.userId }).expect(404);
      expect((await start({ user_id: m.userId, contract_id: foreignContract.id }).expect(404)).body).toMatchObject({
        message: 'Contract not found.',
      });
      await start({ user_id: m.userId, contract_id: contract.id, task_id: 2_000_000_000 }).expect(404);
      expect(await running(m.userId)).toEqual([]);
    });

    it('answers 409 while a tracker runs (in any workspace), on a paused contract, an approved week and a used-up limit', async () => {
      const m = await member();
      await start({ user_id: m.userId }).expect(200);
      const again = await start({ user_id: m.userId }).expect(409);
      expect((again.body as { message: string }).message).toBe('User is already tracking time. Stop the current tracker first.');
      const elsewhere = await t.factories.workspaces.create();
      await t.factories.members.create({ workspaceId: elsewhere.id, role: Role.RegularUser, userId: m.userId });
      await http.post(START, elsewhere.owner.token).send({ workspace_id: elsewhere.id, user_id: m.userId }).expect(409);

      const paused = await member();
      const { contract } = await assignment(paused.userId, { status: 'paused' });
      const res = await start({ user_id: paused.userId, contract_id: contract.id }).expect(409);
      expect((res.body as { message: string }).message).toBe('Contract is paused.');

      const approved = await member();
      const [{ monday }] = (await t.dataSource.query(`SELECT date_trunc('week', now() AT TIME ZONE 'UTC')::date::text AS monday`)) as {
        monday: string;
      }[];
      const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      await t.factories.timeEntries.timesheet({ workspaceId: ws.id, userId: approved.userId, dateFrom: monday, dateTo: sunday });
      await start({ user_id: approved.userId }).expect(409);

      const limited = await member();
      const { contract: zero } = await assignment(limited.userId, { weeklyHoursLimit: 0 });
      await start({ user_id: limited.userId, contract_id: zero.id }).expect(409);
      for (const user of [paused, approved, limited]) expect(await running(user.userId)).toEqual([]);
    });

    it('keeps one running tracker when 200 starts race: one 200 and 199 clean 409s', async () => {
      const m = await member();
      const responses = await Promise.all(Array.from({ length: 200 }, () => start({ user_id: m.userId })));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(199);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect((response.body as { message: string }).message).toBe('User is already tracking time. Stop the current tracker first.');
      }
      expect(await running(m.userId)).toHaveLength(1);
    });
  });

  describe('stopTimeTracking', () => {
    it('stops the tracker into a Web tracker entry and records tracker.stopped', async () => {
      const m = await member();
      const { project, contract } = await assignment(m.userId);
      const startedAt = new Date(Date.now() - 30 * MINUTE);
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: startedAt,
        end: null,
        method: 'Web tracker',
        contractId: contract.id,
        projectId: project.id,
      });
      const res = await stop({ user_id: m.userId }).expect(200);
      const body = res.body as { message: string; data: { message: string; stopped_at: string } };
      expect(body.message).toBe('Time tracking stopped successfully');
      expect(body.data).toEqual({ message: 'Time tracking stopped successfully', stopped_at: expect.stringMatching(/\+00:00$/) });
      expect(await running(m.userId)).toEqual([]);
      const [entry] = await entries(m.userId);
      expect(entry.method).toBe('Web tracker');
      expect(entry.project_id).toBe(project.id);
      expect(entry.start_time.getTime()).toBe(startedAt.getTime());
      expect(entry.end_time.toISOString().slice(0, 19)).toBe(body.data.stopped_at.slice(0, 19));
      expect(await events('tracker.stopped', m.userId)).toHaveLength(1);
    });

    it('stops the caller’s own tracker when user_id is omitted', async () => {
      const m = await member();
      await start({ user_id: m.userId }, m.token).expect(200);
      await http.post(STOP, m.token).send({ workspace_id: ws.id }).expect(200);
      expect(await running(m.userId)).toEqual([]);
    });

    it('clips the saved time to the weekly limit', async () => {
      const m = await member(Role.RegularUser, ws.id, middayZone());
      const { project, contract } = await assignment(m.userId, { weeklyHoursLimit: 1 });
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(Date.now() - 3 * 60 * MINUTE),
        end: null,
        method: 'Web tracker',
        contractId: contract.id,
        projectId: project.id,
      });
      await stop({ user_id: m.userId }).expect(200);
      const saved = await entries(m.userId);
      const total = saved.reduce((sum, e) => sum + e.end_time.getTime() - e.start_time.getTime(), 0);
      expect(total).toBe(60 * MINUTE);
    });

    it('saves nothing of a week approved while the tracker ran, and still stops', async () => {
      const m = await member();
      const [{ monday, previous }] = (await t.dataSource.query(
        `SELECT date_trunc('week', now() AT TIME ZONE 'UTC')::date::text AS monday,
                (date_trunc('week', now() AT TIME ZONE 'UTC') - interval '7 days')::date::text AS previous`,
      )) as { monday: string; previous: string }[];
      const thisWeek = new Date(`${monday}T00:00:00Z`);
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(thisWeek.getTime() - 60 * MINUTE),
        end: null,
        method: 'Web tracker',
      });
      const sunday = new Date(thisWeek.getTime() - 86_400_000).toISOString().slice(0, 10);
      await t.factories.timeEntries.timesheet({ workspaceId: ws.id, userId: m.userId, dateFrom: previous, dateTo: sunday });
      await stop({ user_id: m.userId }).expect(200);
      expect(await running(m.userId)).toEqual([]);
      const saved = await entries(m.userId);
      expect(saved.map((e) => e.start_time.toISOString())).toEqual([thisWeek.toISOString()]);
    });

    it('answers 409 without a running tracker, 404 for an unknown user, 403 for someone else’s, 422 and 401', async () => {
      const m = await member();
      const other = await member();
      const none = await stop({ user_id: m.userId }).expect(409);
      expect((none.body as { message: string }).message).toBe('No active tracker found for this user.');
      await stop({ user_id: 2_000_000_000 }).expect(404);
      await start({ user_id: other.userId }).expect(200);
      await stop({ user_id: other.userId }, m.token).expect(403);
      await stop({ user_id: 'x' }).expect(422);
      await request(t.http).post(STOP).send({ workspace_id: ws.id }).expect(401);
      expect(await running(other.userId)).toHaveLength(1);
    });
  });

  describe('getCurrentTrackerData', () => {
    it('adds the day’s recorded minutes to the running tracker’s whole minutes', async () => {
      const zone = middayZone();
      const m = await member(Role.RegularUser, ws.id, zone);
      const { project, contract } = await assignment(m.userId);
      const task = await t.factories.tasks.create({ workspaceId: ws.id, projectId: project.id, title: 'Adding timesheets' });
      const now = Date.now();
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(now - 70 * MINUTE),
        end: new Date(now - 40 * MINUTE),
      });
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(now - 7 * MINUTE - 10_000),
        end: null,
        method: 'Web tracker',
        contractId: contract.id,
        projectId: project.id,
        taskId: task.id,
        activityDescription: 'Working on API documentation',
      });
      const res = await http.get(`${CURRENT}?workspace_id=${ws.id}&user_id=${m.userId}`, m.token).expect(200);
      const body = res.body as { message: string; data: Record<string, unknown> };
      expect(body.message).toBe('Current tracker data retrieved successfully');
      const expectedDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(now - 7 * MINUTE));
      expect(body.data).toEqual({
        contract_id: contract.id,
        user_id: m.userId,
        activity_description: 'Working on API documentation',
        task_id: task.id,
        task_title: 'Adding timesheets',
        total_seconds: expect.any(Number),
        total_minutes: 37,
        date: expectedDate,
      });
      expect(body.data.total_seconds).toBeGreaterThanOrEqual(10);
      expect(body.data.total_seconds).toBeLessThan(60);
    });

    it('answers 404 without a running web tracker (none, or a desktop one), 403, 422 and 401', async () => {
      const m = await member();
      const other = await member();
      const none = await http
        .get(`${CURRENT}?workspace_id=${ws.id}&user_id=${m.userId}`)
        .set('Authorization', `Bearer ${m.token}`)
        .expect(404);
      expect((none.body as { message: string }).message).toBe('No active tracker found for this user.');
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(Date.now() - MINUTE),
        end: null,
        method: 'Desktop tracker',
      });
      await http.get(`${CURRENT}?workspace_id=${ws.id}&user_id=${m.userId}`, m.token).expect(404);
      await http.get(`${CURRENT}?workspace_id=${ws.id}&user_id=${other.userId}`, m.token).expect(403);
      await http.get(`${CURRENT}?workspace_id=${ws.id}`, m.token).expect(422);
      await http.get(`${CURRENT}?workspace_id=${ws.id}&user_id=2000000000`).expect(401);
    });
  });

  describe('archive hooks', () => {
    const track = async () => {
      const m = await member();
      const { project, contract } = await assignment(m.userId);
      await t.factories.timeEntries.create({
        workspaceId: ws.id,
        userId: m.userId,
        start: new Date(Date.now() - 20 * MINUTE),
        end: null,
        method: 'Web tracker',
        contractId: contract.id,
        projectId: project.id,
      });
      return { m, project, contract };
    };
    const expectStopped = async (userId: number) => {
      expect(await running(userId)).toEqual([]);
      expect(await entries(userId)).toEqual([expect.objectContaining({ method: 'Web tracker' })]);
      expect(await events('tracker.stopped', userId)).toHaveLength(1);
    };

    it('archiving the project stops its trackers', async () => {
      const { m, project } = await track();
      await http.delete(`/api/v2/projects/${project.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      await expectStopped(m.userId);
    });

    it('pausing the contract stops its tracker', async () => {
      const { m, contract } = await track();
      await http.put(`/api/v2/contracts/${contract.id}?workspace_id=${ws.id}`, ws.owner.token).send({ status: 'paused' }).expect(200);
      await expectStopped(m.userId);
    });

    it('deleting the contract stops its tracker', async () => {
      const { m, contract } = await track();
      await http.delete(`/api/v2/contracts/${contract.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      await expectStopped(m.userId);
    });

    it('stops only the trackers concerned', async () => {
      const { m: concerned, project } = await track();
      const { m: elsewhere } = await track();
      await http.delete(`/api/v2/projects/${project.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      await expectStopped(concerned.userId);
      expect(await running(elsewhere.userId)).toHaveLength(1);
    });

    it('leaves no running tracker on a project archived while starts race it', async () => {
      const members = await Promise.all(Array.from({ length: 5 }, () => member()));
      const project = await t.factories.projects.create({ workspaceId: ws.id });
      const contracts = await Promise.all(
        members.map((m) => t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: m.userId })),
      );
      const responses = await Promise.all([
        ...members.map((m, i) => start({ user_id: m.userId, contract_id: contracts[i].id })),
        http.delete(`/api/v2/projects/${project.id}?workspace_id=${ws.id}`, ws.owner.token),
      ]);
      for (const response of responses) expect([200, 404]).toContain(response.status);
      const [left] = (await t.dataSource.query('SELECT count(*)::int AS n FROM time_entries WHERE project_id = $1 AND end_time IS NULL', [
        project.id,
      ])) as { n: number }[];
      expect(left.n).toBe(0);
    });

    it('archiving the member stops their tracker', async () => {
      const { m } = await track();
      await http.delete(`/api/v2/members/${m.userId}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      await expectStopped(m.userId);
    });
  });
});

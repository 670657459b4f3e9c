import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestMember, TestWorkspace } from './support/factories';

const TEAM_FIELDS = ['id', 'name', 'managers', 'members'];
const PERSON_FIELDS = ['id', 'email', 'firstname', 'lastname', 'role', 'status'];

describe('Teams extension (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/teams${suffix}?workspace_id=${workspaceId}`;
  const member = (role: Role = Role.RegularUser, workspaceId: number = ws.id): Promise<TestMember> =>
    t.factories.members.create({ workspaceId, role });
  const rows = async (teamId: number): Promise<{ user_id: number; is_manager: boolean }[]> =>
    (await t.dataSource.query('SELECT user_id, is_manager FROM team_members WHERE team_id = $1 ORDER BY user_id', [teamId])) as {
      user_id: number;
      is_manager: boolean;
    }[];
  const ids = (people: { id: number }[]): number[] => people.map((person) => person.id);

  describe('POST /teams (createTeam)', () => {
    it('creates a team with managers and members and returns it with 201', async () => {
      const lead = await member(Role.TeamManager);
      const dev = await member();
      const invited = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'inactive' });
      const res = await http
        .post(path(), ws.owner.token)
        .send({ name: '  Development Team  ', managers: [lead.userId], members: [invited.userId, dev.userId] })
        .expect(201);
      expect(res.body).toMatchObject({ success: true, message: 'Team created successfully', meta: { api_version: '2.0.0' } });
      expect(Object.keys(res.body.data)).toEqual(TEAM_FIELDS);
      expect(res.body.data).toMatchObject({ name: 'Development Team' });
      expect(Object.keys(res.body.data.managers[0])).toEqual(PERSON_FIELDS);
      expect(res.body.data.managers).toEqual([
        {
          id: lead.userId,
          email: expect.stringContaining('@'),
          firstname: 'Test',
          lastname: 'User',
          role: 'Team manager',
          status: 'active',
        },
      ]);
      expect(ids(res.body.data.members)).toEqual([dev.userId, invited.userId].sort((a, b) => a - b));
      expect(res.body.data.members.find((p: { id: number }) => p.id === invited.userId).status).toBe('inactive');
      expect(await rows(res.body.data.id)).toHaveLength(3);
    });

    it('creates an empty team from a form body', async () => {
      const res = await http.post(path(), ws.owner.token).type('form').send('name=Form+team').expect(201);
      expect(res.body.data).toMatchObject({ name: 'Form team', managers: [], members: [] });
    });

    it('answers 409 for a name already used in the workspace, and allows it in another workspace', async () => {
      await http.post(path(), ws.owner.token).send({ name: 'Twice' }).expect(201);
      const res = await http.post(path(), ws.owner.token).send({ name: 'Twice' }).expect(409);
      expect(res.body).toMatchObject({
        success: false,
        message: 'A team with this name already exists in this workspace.',
        error: 'Conflict',
      });
      const other = await t.factories.workspace();
      await http.post(path('', other.id), other.owner.token).send({ name: 'Twice' }).expect(201);
    });

    it('refuses people who cannot join with 422 on the entry, and creates nothing', async () => {
      const viewer = await t.factories.viewers.create({ workspaceId: ws.id });
      const left = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser, status: 'left', deleted: true });
      const foreign = await member(Role.RegularUser, (await t.factories.workspace()).id);
      const ok = await member();
      for (const [body, field] of [
        [{ managers: [viewer.userId] }, 'managers.0'],
        [{ members: [ok.userId, left.userId] }, 'members.1'],
        [{ members: [foreign.userId] }, 'members.0'],
        [{ members: [999999999] }, 'members.0'],
        [{ managers: [ok.userId], members: [ok.userId] }, 'members.0'],
      ] as const) {
        const name = `Refused ${field} ${Math.random()}`;
        const res = await http
          .post(path(), ws.owner.token)
          .send({ name, ...body })
          .expect(422);
        expect(Object.keys(res.body.errors)).toEqual([field]);
        expect(await t.dataSource.query('SELECT id FROM teams WHERE name = $1', [name])).toEqual([]);
      }
    });

    it.each([
      [{}, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(256) }, 'name'],
      [{ name: 'A', members: 'abc' }, 'members'],
      [{ name: 'A', members: [1, 1] }, 'members'],
      [{ name: 'A', managers: [0] }, 'managers'],
      [{ name: 'A', managers: 5 }, 'managers'],
    ])('rejects %j with 422 on %s', async (body, field) => {
      const res = await http.post(path(), ws.owner.token).send(body).expect(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('answers 401 without a token, 403 to a Team manager and to a read-only token', async () => {
      await http.post(path()).send({ name: 'No token' }).expect(401);
      const tm = await member(Role.TeamManager);
      const res = await http.post(path(), tm.token).send({ name: 'By TM' }).expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
      const readOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http.post(path(), readOnly.token).send({ name: 'Read only' }).expect(403);
      const em = await member(Role.ExecutiveManager);
      await http.post(path(), em.token).send({ name: 'By EM' }).expect(201);
    });
  });

  describe('GET /teams and GET /teams/:teamId (listTeams, getTeam)', () => {
    it('lists the workspace’s teams by id with pagination, and nothing of other workspaces', async () => {
      const own = await t.factories.workspace();
      const lead = await member(Role.TeamManager, own.id);
      const a = await t.factories.teams.create({ workspaceId: own.id, name: 'A', manager: lead });
      const b = await t.factories.teams.create({ workspaceId: own.id, name: 'B' });
      await t.factories.teams.create({ workspaceId: (await t.factories.workspace()).id, name: 'Foreign' });
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Teams retrieved successfully',
        meta: { pagination: { total: 2, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 2 } },
      });
      expect(res.body.data.map((team: { id: number }) => team.id)).toEqual([a.id, b.id]);
      expect(ids(res.body.data[0].managers)).toEqual([lead.userId]);
      const page = await http.get(`${path('', own.id)}&per_page=1&page=2`, own.owner.token).expect(200);
      expect(page.body.data.map((team: { id: number }) => team.id)).toEqual([b.id]);
      await http.get(`${path('', own.id)}&per_page=101`, own.owner.token).expect(422);
    });

    it('gets one team, and answers 404 for unknown, malformed and other workspaces’ teams', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id, name: 'Single' });
      const res = await http.get(path(`/${team.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        message: 'Team retrieved successfully',
        data: { id: team.id, name: 'Single', managers: [], members: [] },
      });
      const foreign = await t.factories.teams.create({ workspaceId: (await t.factories.workspace()).id });
      for (const id of ['999999999', 'abc', '0', String(foreign.id)]) {
        const missing = await http.get(path(`/${id}`), ws.owner.token).expect(404);
        expect(missing.body.message).toBe('Team not found.');
      }
    });

    it('lets a read-only token read, and refuses Regular Users (403) and callers without a token (401)', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id });
      const readOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http.get(path(`/${team.id}`), readOnly.token).expect(200);
      const ru = await member();
      await http.get(path(), ru.token).expect(403);
      await http.get(path(`/${team.id}`), ru.token).expect(403);
      await http.get(path()).expect(401);
    });
  });

  describe('PUT /teams/:teamId (updateTeam) and DELETE /teams/:teamId (deleteTeam)', () => {
    it('renames, answers 409 for a taken name, 422 for an empty one and 404 for an unknown team', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id, name: 'Old name' });
      await t.factories.teams.create({ workspaceId: ws.id, name: 'Taken name' });
      const res = await http
        .put(path(`/${team.id}`), ws.owner.token)
        .send({ name: 'New name' })
        .expect(200);
      expect(res.body).toMatchObject({ message: 'Team updated successfully', data: { id: team.id, name: 'New name' } });
      const taken = await http
        .put(path(`/${team.id}`), ws.owner.token)
        .send({ name: 'Taken name' })
        .expect(409);
      expect(taken.body.message).toBe('A team with this name already exists in this workspace.');
      await http
        .put(path(`/${team.id}`), ws.owner.token)
        .send({ name: '' })
        .expect(422);
      await http.put(path('/999999999'), ws.owner.token).send({ name: 'x' }).expect(404);
      const pm = await member(Role.ProjectManager);
      await http
        .put(path(`/${team.id}`), pm.token)
        .send({ name: 'By PM' })
        .expect(403);
      expect((await http.get(path(`/${team.id}`), ws.owner.token).expect(200)).body.data.name).toBe('New name');
    });

    it('deletes a team and its memberships; the people stay in the workspace', async () => {
      const person = await member();
      const team = await t.factories.teams.create({ workspaceId: ws.id, members: [person] });
      const res = await http.delete(path(`/${team.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Team deleted successfully', data: null });
      await http.get(path(`/${team.id}`), ws.owner.token).expect(404);
      await http.delete(path(`/${team.id}`), ws.owner.token).expect(404);
      expect(await rows(team.id)).toEqual([]);
      await http.get(`/api/v2/projects?workspace_id=${ws.id}`, person.token).expect(200);
    });

    it('refuses a delete from a Regular User (403) and without a token (401)', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id });
      await http.delete(path(`/${team.id}`), (await member()).token).expect(403);
      await http.delete(path(`/${team.id}`)).expect(401);
      await http.get(path(`/${team.id}`), ws.owner.token).expect(200);
    });
  });

  describe('members and managers (addTeamMember, removeTeamMember, addTeamManager, removeTeamManager)', () => {
    it('adds and removes members and managers, answering the team', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id });
      const lead = await member(Role.TeamManager);
      const dev = await member();
      const added = await http
        .post(path(`/${team.id}/members`), ws.owner.token)
        .send({ user_id: dev.userId })
        .expect(200);
      expect(added.body).toMatchObject({ message: 'Team member added successfully', data: { id: team.id, managers: [] } });
      expect(ids(added.body.data.members)).toEqual([dev.userId]);
      const manager = await http
        .post(path(`/${team.id}/managers`), ws.owner.token)
        .send({ user_id: lead.userId })
        .expect(200);
      expect(manager.body.message).toBe('Team manager added successfully');
      expect(ids(manager.body.data.managers)).toEqual([lead.userId]);
      expect(await rows(team.id)).toEqual(
        [
          { user_id: dev.userId, is_manager: false },
          { user_id: lead.userId, is_manager: true },
        ].sort((a, b) => a.user_id - b.user_id),
      );

      const removed = await http.delete(path(`/${team.id}/members/${dev.userId}`), ws.owner.token).expect(200);
      expect(removed.body).toMatchObject({ message: 'Team member removed successfully', data: { members: [] } });
      const unmanaged = await http.delete(path(`/${team.id}/managers/${lead.userId}`), ws.owner.token).expect(200);
      expect(unmanaged.body).toMatchObject({ message: 'Team manager removed successfully', data: { managers: [], members: [] } });
      expect(await rows(team.id)).toEqual([]);
    });

    it('answers 409 for someone already in the team, as member or manager', async () => {
      const lead = await member(Role.TeamManager);
      const dev = await member();
      const team = await t.factories.teams.create({ workspaceId: ws.id, manager: lead, members: [dev] });
      for (const [route, userId] of [
        ['members', dev.userId],
        ['managers', dev.userId],
        ['members', lead.userId],
        ['managers', lead.userId],
      ] as const) {
        const res = await http
          .post(path(`/${team.id}/${route}`), ws.owner.token)
          .send({ user_id: userId })
          .expect(409);
        expect(res.body.message).toBe('User is already in this team.');
      }
      expect(await rows(team.id)).toHaveLength(2);
    });

    it('answers 404 when the person is not in the team in that capacity, or the team is unknown', async () => {
      const lead = await member(Role.TeamManager);
      const dev = await member();
      const team = await t.factories.teams.create({ workspaceId: ws.id, manager: lead, members: [dev] });
      const notMember = await http.delete(path(`/${team.id}/members/${lead.userId}`), ws.owner.token).expect(404);
      expect(notMember.body.message).toBe('User is not a member of this team.');
      const notManager = await http.delete(path(`/${team.id}/managers/${dev.userId}`), ws.owner.token).expect(404);
      expect(notManager.body.message).toBe('User is not a manager of this team.');
      await http.delete(path(`/${team.id}/members/abc`), ws.owner.token).expect(404);
      const unknown = await http.post(path('/999999999/members'), ws.owner.token).send({ user_id: dev.userId }).expect(404);
      expect(unknown.body.message).toBe('Team not found.');
      expect(await rows(team.id)).toHaveLength(2);
    });

    it('refuses people who cannot join (422 on user_id) and bad ids', async () => {
      const team = await t.factories.teams.create({ workspaceId: ws.id });
      const viewer = await t.factories.viewers.create({ workspaceId: ws.id });
      const foreign = await member(Role.RegularUser, (await t.factories.workspace()).id);
      for (const body of [{ user_id: viewer.userId }, { user_id: foreign.userId }, {}, { user_id: 'abc' }, { user_id: 0 }]) {
        const res = await http
          .post(path(`/${team.id}/managers`), ws.owner.token)
          .send(body)
          .expect(422);
        expect(Object.keys(res.body.errors)).toEqual(['user_id']);
      }
      expect(await rows(team.id)).toEqual([]);
    });

    it('refuses a Team manager (403), a read-only token (403) and callers without a token (401)', async () => {
      const lead = await member(Role.TeamManager);
      const team = await t.factories.teams.create({ workspaceId: ws.id, manager: lead });
      const dev = await member();
      await http
        .post(path(`/${team.id}/members`), lead.token)
        .send({ user_id: dev.userId })
        .expect(403);
      const readOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http
        .post(path(`/${team.id}/members`), readOnly.token)
        .send({ user_id: dev.userId })
        .expect(403);
      await http.delete(path(`/${team.id}/managers/${lead.userId}`)).expect(401);
      expect(await rows(team.id)).toEqual([{ user_id: lead.userId, is_manager: true }]);
    });
  });

  describe('the Team-manager scope follows the teams', () => {
    it('gives a Team manager the projects of managed teams’ members, and takes them away again', async () => {
      const own = await t.factories.workspace();
      const lead = await member(Role.TeamManager, own.id);
      const dev = await member(Role.RegularUser, own.id);
      const project = await t.factories.projects.create({ workspaceId: own.id, name: 'Dev work' });
      await t.factories.contracts.create({ workspaceId: own.id, projectId: project.id, userId: dev.userId });
      const names = async (): Promise<string[]> =>
        (await http.get(`/api/v2/projects?workspace_id=${own.id}`, lead.token).expect(200)).body.data.map((p: { name: string }) => p.name);
      expect(await names()).toEqual([]);

      const team = (
        await http
          .post(path('', own.id), own.owner.token)
          .send({ name: 'Devs', members: [dev.userId] })
          .expect(201)
      ).body.data;
      expect(await names()).toEqual([]);
      await http
        .post(path(`/${team.id}/managers`, own.id), own.owner.token)
        .send({ user_id: lead.userId })
        .expect(200);
      expect(await names()).toEqual(['Dev work']);
      await http.get(`/api/v2/projects/${project.id}?workspace_id=${own.id}`, lead.token).expect(200);
      await http.delete(path(`/${team.id}/members/${dev.userId}`, own.id), own.owner.token).expect(200);
      expect(await names()).toEqual([]);
      await http.get(`/api/v2/projects/${project.id}?workspace_id=${own.id}`, lead.token).expect(404);
    });
  });
});

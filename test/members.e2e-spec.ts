import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';
import { TestWorkspace } from './support/factories';

const MEMBER_FIELDS = [
  'id',
  'email',
  'firstname',
  'lastname',
  'avatar',
  'current_role',
  'timezone',
  'status',
  'team_name',
  'title',
  'rate',
  'rate_type',
  'rate_status',
  'weekly_hours_limit',
  'screenshots',
  'is_blocked',
  'created_at',
  'updated_at',
  'deleted_at',
];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('Members (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/members${suffix}?workspace_id=${workspaceId}`;
  const events = async (type: string, workspaceId: number): Promise<{ payload: Record<string, unknown> }[]> =>
    t.dataSource.query('SELECT payload FROM outbox_events WHERE type = $1 AND workspace_id = $2 ORDER BY id', [type, workspaceId]);
  const membership = async (workspaceId: number, userId: number): Promise<Record<string, unknown> | undefined> =>
    (await t.dataSource.query('SELECT * FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]))[0];

  describe('GET /members (listMembers)', () => {
    it('lists the members by user id with the documented Member fields and pagination', async () => {
      const own = await t.factories.workspace();
      const user = await t.factories.users.create({ firstname: 'John', lastname: 'Doe', timezone: 'America/New_York' });
      await t.factories.members.create({ workspaceId: own.id, role: 'Regular User', userId: user.id, rate: '25.50' });
      await t.factories.teams.create({ workspaceId: own.id, members: [user.id], name: 'Development Team' });
      const res = await http.get(`${path('', own.id)}&per_page=1&page=2`, own.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Members retrieved successfully', meta: { api_version: '2.0.0' } });
      expect(res.body.meta.pagination).toEqual({ total: 2, per_page: 1, current_page: 2, last_page: 2, from: 2, to: 2 });
      expect(Object.keys(res.body.data[0])).toEqual(MEMBER_FIELDS);
      expect(res.body.data[0]).toMatchObject({
        id: user.id,
        email: user.email,
        firstname: 'John',
        lastname: 'Doe',
        avatar: null,
        current_role: 'Regular User',
        timezone: 'America/New_York',
        status: 'active',
        team_name: 'Development Team',
        title: null,
        rate: 25.5,
        rate_type: null,
        rate_status: 0,
        weekly_hours_limit: null,
        screenshots: null,
        is_blocked: false,
        deleted_at: null,
      });
      expect(res.body.data[0].created_at).toMatch(TIMESTAMP);
      const first = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(first.body.data.map((m: { id: number }) => m.id)).toEqual([own.owner.userId, user.id].sort((a, b) => a - b));
    });

    it('filters by exact email (case-insensitive), status and role', async () => {
      const own = await t.factories.workspace();
      const pm = await t.factories.members.create({ workspaceId: own.id, role: 'Project manager' });
      const invited = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User', status: 'inactive' });
      const left = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User', status: 'left', deleted: true });
      const [{ email }] = await t.dataSource.query('SELECT email FROM users WHERE id = $1', [pm.userId]);
      const ids = async (query: string): Promise<number[]> =>
        (await http.get(`${path('', own.id)}&${query}`, own.owner.token).expect(200)).body.data.map((m: { id: number }) => m.id);
      expect(await ids(`email=${encodeURIComponent(email.toUpperCase())}`)).toEqual([pm.userId]);
      expect(await ids(`email=${encodeURIComponent(email.slice(1))}`)).toEqual([]);
      expect(await ids('status=inactive')).toEqual([invited.userId]);
      expect(await ids('status=left')).toEqual([left.userId]);
      expect(await ids('status=unknown')).toEqual([]);
      expect(await ids(`role=${encodeURIComponent('Project manager')}`)).toEqual([pm.userId]);
      expect(await ids(`role=Owner&status=active`)).toEqual([own.owner.userId]);
      expect(await ids('email=&status=&role=')).toHaveLength(4);
    });

    it('shows each role its person scope: a Regular User sees only themself; a Team manager their team', async () => {
      const own = await t.factories.workspace();
      const ru = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User' });
      const tm = await t.factories.members.create({ workspaceId: own.id, role: 'Team manager' });
      const mate = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User' });
      await t.factories.teams.create({ workspaceId: own.id, manager: tm.userId, members: [mate.userId] });
      const list = async (token: string): Promise<number[]> =>
        (await http.get(path('', own.id), token).expect(200)).body.data.map((m: { id: number }) => m.id);
      expect(await list(ru.token)).toEqual([ru.userId]);
      expect(await list(tm.token)).toEqual([tm.userId, mate.userId]);
      await http.get(path(`/${mate.userId}`, own.id), ru.token).expect(404);
      await http.get(path(`/${mate.userId}`, own.id), tm.token).expect(200);
    });

    it('leaves rate fields out for callers who may not view rates', async () => {
      const own = await t.factories.workspace();
      const em = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      const res = await http.get(path('', own.id), em.token).expect(200);
      expect(res.body.data[0]).not.toHaveProperty('rate');
      expect(res.body.data[0]).not.toHaveProperty('rate_type');
      const seer = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager', rateStatus: 1 });
      expect((await http.get(path('', own.id), seer.token).expect(200)).body.data[0]).toHaveProperty('rate', 0);
    });

    it.each([
      ['status=gone', 'status'],
      ['role=Client', 'role'],
      ['role=regular%20user', 'role'],
      ['email=not-an-email', 'email'],
      ['per_page=101', 'per_page'],
      ['page=0', 'page'],
    ])('rejects %s with 422 on %s', async (query, field) => {
      const res = await http.get(`${path()}&${query}`, ws.owner.token).expect(422);
      expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
      expect(res.body.errors[field]).toEqual([expect.any(String)]);
    });

    it('answers 401 without a token, 403 outside the workspace, 422 without workspace_id', async () => {
      const res = await http.get(path()).expect(401);
      expect(res.body).toMatchObject({ success: false, message: 'Unauthenticated.' });
      const other = await t.factories.workspace();
      expect((await http.get(path('', other.id), ws.owner.token).expect(403)).body.message).toBe('You are not a member of this workspace.');
      await http.get('/api/v2/members', ws.owner.token).expect(422);
    });
  });

  describe('GET /members/{memberId} (getMember)', () => {
    it('returns one member with the documented body', async () => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Team manager' });
      const res = await http.get(path(`/${member.userId}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Member retrieved successfully',
        data: { id: member.userId, current_role: 'Team manager' },
      });
      expect(Object.keys(res.body.data)).toEqual(MEMBER_FIELDS);
    });

    it('answers 404 for an unknown, malformed or foreign id, 401 and 403 as usual', async () => {
      const other = await t.factories.workspace();
      for (const id of ['999999', '0x2', 'abc', String(other.owner.userId)]) {
        const res = await http.get(path(`/${id}`), ws.owner.token).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Member not found.', error: 'Not Found' });
      }
      await http.get(path(`/${ws.owner.userId}`)).expect(401);
      await http.get(path(`/${other.owner.userId}`, other.id), ws.owner.token).expect(403);
    });
  });

  describe('POST /members (inviteMember)', () => {
    it('invites a new user: 201 with user_id and the link, an inactive membership, member.invited in the outbox', async () => {
      const own = await t.factories.workspace();
      const res = await http
        .post(path('', own.id), own.owner.token)
        .send({ email: 'New.Person@Example.com', firstname: 'New', lastname: 'Person', role: 'Regular User' })
        .expect(201);
      expect(res.body).toMatchObject({ success: true, message: 'Member invited successfully', data: { user_id: expect.any(Number) } });
      expect(Object.keys(res.body.data)).toEqual(['user_id', 'invitation_link']);
      expect(res.body.data.invitation_link).toMatch(/^http:\/\/localhost:3000\/dashboard\/accept-invitation\/wwinv_[\w-]{43}$/);
      const [user] = await t.dataSource.query('SELECT email, firstname, password_hash FROM users WHERE id = $1', [res.body.data.user_id]);
      expect(user).toEqual({ email: 'new.person@example.com', firstname: 'New', password_hash: null });
      expect(await membership(own.id, res.body.data.user_id)).toMatchObject({
        status: 'inactive',
        role: 'Regular User',
        activated_at: null,
      });
      const token = res.body.data.invitation_link.split('/').pop();
      const [stored] = await t.dataSource.query('SELECT token_hash FROM invitations WHERE user_id = $1', [res.body.data.user_id]);
      expect(stored.token_hash).not.toContain(token);
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
      const [event] = await events('member.invited', own.id);
      expect(event.payload).toMatchObject({
        id: res.body.data.user_id,
        status: 'inactive',
        current_role: 'Regular User',
        invitation_link: res.body.data.invitation_link,
      });
      const listed = await http.get(`${path('', own.id)}&status=inactive`, own.owner.token).expect(200);
      expect(listed.body.data.map((m: { id: number }) => m.id)).toEqual([res.body.data.user_id]);
    });

    it('invites an existing user without touching their name or password; workspace_id may be in the body', async () => {
      const own = await t.factories.workspace();
      const user = await t.factories.users.create({ firstname: 'Kept', password: 'an existing long password' });
      const res = await http
        .post('/api/v2/members', own.owner.token)
        .send({ workspace_id: own.id, email: user.email, firstname: 'Other', lastname: 'Name', role: 'Project manager' })
        .expect(201);
      expect(res.body.data.user_id).toBe(user.id);
      const [row] = await t.dataSource.query('SELECT firstname, password_hash IS NOT NULL AS has_password FROM users WHERE id = $1', [
        user.id,
      ]);
      expect(row).toEqual({ firstname: 'Kept', has_password: true });
    });

    it('answers 409 for an active or inactive member and re-invites a left one as inactive with a new link', async () => {
      const own = await t.factories.workspace();
      const body = { email: `dup-${Date.now()}@example.com`, firstname: 'D', lastname: 'Up', role: 'Regular User' };
      const first = await http.post(path('', own.id), own.owner.token).send(body).expect(201);
      const again = await http.post(path('', own.id), own.owner.token).send(body).expect(409);
      expect(again.body).toMatchObject({ success: false, message: 'Member already exists in this workspace.', error: 'Conflict' });
      const [{ email: ownerEmail }] = await t.dataSource.query('SELECT email FROM users WHERE id = $1', [own.owner.userId]);
      await http
        .post(path('', own.id), own.owner.token)
        .send({ ...body, email: ownerEmail })
        .expect(409);
      await t.dataSource.query(
        `UPDATE workspace_members SET status = 'left', deleted_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [own.id, first.body.data.user_id],
      );
      const re = await http
        .post(path('', own.id), own.owner.token)
        .send({ ...body, role: 'Team manager' })
        .expect(201);
      expect(re.body.data.user_id).toBe(first.body.data.user_id);
      expect(re.body.data.invitation_link).not.toBe(first.body.data.invitation_link);
      expect(await membership(own.id, re.body.data.user_id)).toMatchObject({ status: 'inactive', role: 'Team manager', deleted_at: null });
      const links = await t.dataSource.query('SELECT revoked_at IS NOT NULL AS revoked FROM invitations WHERE user_id = $1 ORDER BY id', [
        re.body.data.user_id,
      ]);
      expect(links).toEqual([{ revoked: true }, { revoked: false }]);
    });

    it('logs the invitation link when SMTP_URL is not set', async () => {
      const log = jest.spyOn(Logger.prototype, 'log');
      try {
        const res = await http
          .post(path(), ws.owner.token)
          .send({ email: `logged-${Date.now()}@example.com`, firstname: 'L', lastname: 'G', role: 'Regular User' })
          .expect(201);
        expect(log.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining(res.body.data.invitation_link));
      } finally {
        log.mockRestore();
      }
    });

    it('lets an Executive manager invite, also as Executive manager', async () => {
      const em = await t.factories.members.create({ workspaceId: ws.id, role: 'Executive manager' });
      await http
        .post(path(), em.token)
        .send({ email: `em-invite-${Date.now()}@example.com`, firstname: 'E', lastname: 'M', role: 'Executive manager' })
        .expect(201);
    });

    it.each([
      [{}, ['email', 'firstname', 'lastname', 'role']],
      [{ email: 'nope', firstname: 'A', lastname: 'B', role: 'Regular User' }, ['email']],
      [{ email: 'a@example.com', firstname: ' ', lastname: 'B', role: 'Regular User' }, ['firstname']],
      [{ email: 'a@example.com', firstname: 'A', lastname: 'x'.repeat(256), role: 'Regular User' }, ['lastname']],
      [{ email: 'a@example.com', firstname: 'A', lastname: 'B', role: 'Owner' }, ['role']],
      [{ email: 'a@example.com', firstname: 'A', lastname: 'B', role: 'regular user' }, ['role']],
    ])('rejects %j with 422 and writes nothing', async (body, fields) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM workspace_members');
      const res = await http.post(path(), ws.owner.token).send(body).expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM workspace_members')).toEqual(before);
    });

    it('answers 401 without a token and 403 for other roles, a read-only token or another workspace', async () => {
      const body = { email: 'x@example.com', firstname: 'A', lastname: 'B', role: 'Regular User' };
      await http.post(path()).send(body).expect(401);
      for (const role of [Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer]) {
        const member = await t.factories.members.create({ workspaceId: ws.id, role });
        expect((await http.post(path(), member.token).send(body).expect(403)).body.message).toBe('This action is unauthorized.');
      }
      const readOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      const res = await http.post(path(), readOnly.token).send(body).expect(403);
      expect(res.body.message).toBe('Invalid scope(s) provided. This action requires the "admin" scope.');
      const other = await t.factories.workspace();
      await http.post(path('', other.id), ws.owner.token).send(body).expect(403);
    });
  });

  describe('PUT /members/{memberId} (updateMember)', () => {
    it('updates profile, role, rate_status, weekly limit, time zone and avatar; answers the Member; records member.updated', async () => {
      const own = await t.factories.workspace();
      const user = await t.factories.users.create({ avatar: 'face.png' });
      await t.factories.members.create({ workspaceId: own.id, role: 'Regular User', userId: user.id });
      const res = await http
        .put(path(`/${user.id}`, own.id), own.owner.token)
        .send({
          email: `Renamed-${user.id}@Example.com`,
          firstname: 'Jane',
          lastname: 'Roe',
          timezone: 'Europe/Berlin',
          role: 'Team manager',
          rate_status: 1,
          weekly_hours_limit: 40,
          remove_avatar: 1,
        })
        .expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Member updated successfully',
        data: {
          id: user.id,
          email: `renamed-${user.id}@example.com`,
          firstname: 'Jane',
          lastname: 'Roe',
          timezone: 'Europe/Berlin',
          current_role: 'Team manager',
          rate_status: 1,
          weekly_hours_limit: 40,
          avatar: null,
        },
      });
      expect(Object.keys(res.body.data)).toEqual(MEMBER_FIELDS);
      const [event] = await events('member.updated', own.id);
      expect(event.payload).toMatchObject({ id: user.id, current_role: 'Team manager', rate_status: 1 });
      const partial = await http
        .put(path(`/${user.id}`, own.id), own.owner.token)
        .type('form')
        .send('weekly_hours_limit=0')
        .expect(200);
      expect(partial.body.data).toMatchObject({ weekly_hours_limit: 0, firstname: 'Jane', current_role: 'Team manager' });
    });

    it('applies a role change to the member’s very next request', async () => {
      const own = await t.factories.workspace();
      const em = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      const body = { email: `next-${em.userId}@example.com`, firstname: 'A', lastname: 'B', role: 'Regular User' };
      await http.get(path('', own.id), em.token).expect(200);
      await http
        .put(path(`/${em.userId}`, own.id), own.owner.token)
        .send({ role: 'Regular User' })
        .expect(200);
      await http.post(path('', own.id), em.token).send(body).expect(403);
    });

    it('keeps the Owner’s role (409) and the Owner-only limits of roles.md (403)', async () => {
      const own = await t.factories.workspace();
      const em = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      const otherEm = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      const ru = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User' });
      const owner = own.owner.userId;
      const res = await http
        .put(path(`/${owner}`, own.id), own.owner.token)
        .send({ role: 'Executive manager' })
        .expect(409);
      expect(res.body).toMatchObject({ message: "The workspace owner's role cannot be changed.", error: 'Conflict' });
      await http
        .put(path(`/${owner}`, own.id), own.owner.token)
        .send({ firstname: 'Still Owner' })
        .expect(200);
      await http
        .put(path(`/${owner}`, own.id), em.token)
        .send({ firstname: 'Hijack' })
        .expect(403);
      await http
        .put(path(`/${ru.userId}`, own.id), em.token)
        .send({ rate_status: 1 })
        .expect(403);
      await http
        .put(path(`/${otherEm.userId}`, own.id), em.token)
        .send({ role: 'Regular User' })
        .expect(403);
      await http
        .put(path(`/${ru.userId}`, own.id), em.token)
        .send({ role: 'Executive manager', weekly_hours_limit: 20 })
        .expect(200);
      await http
        .put(path(`/${otherEm.userId}`, own.id), own.owner.token)
        .send({ role: 'Regular User' })
        .expect(200);
      expect(await membership(own.id, owner)).toMatchObject({ role: 'Owner' });
    });

    it.each([
      [{ role: 'Owner' }, 'role'],
      [{ rate_status: 2 }, 'rate_status'],
      [{ weekly_hours_limit: 169 }, 'weekly_hours_limit'],
      [{ weekly_hours_limit: 1.5 }, 'weekly_hours_limit'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ email: 'nope' }, 'email'],
      [{ firstname: '' }, 'firstname'],
      [{ remove_avatar: 3 }, 'remove_avatar'],
    ])('rejects %j with 422 on %s', async (body, field) => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User' });
      const res = await http
        .put(path(`/${member.userId}`), ws.owner.token)
        .send(body)
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('answers 422 for an email of another user', async () => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User' });
      const [{ email }] = await t.dataSource.query('SELECT email FROM users WHERE id = $1', [ws.owner.userId]);
      const res = await http
        .put(path(`/${member.userId}`), ws.owner.token)
        .send({ email })
        .expect(422);
      expect(res.body.errors).toEqual({ email: ['The email has already been taken.'] });
    });

    it('answers 401, 403 for other roles, 404 for unknown or foreign members', async () => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User' });
      await http
        .put(path(`/${member.userId}`))
        .send({ firstname: 'X' })
        .expect(401);
      await http
        .put(path(`/${ws.owner.userId}`), member.token)
        .send({ firstname: 'X' })
        .expect(403);
      const other = await t.factories.workspace();
      expect(
        (
          await http
            .put(path(`/${other.owner.userId}`), ws.owner.token)
            .send({ firstname: 'X' })
            .expect(404)
        ).body.message,
      ).toBe('Member not found.');
      await http.put(path('/999999'), ws.owner.token).send({ firstname: 'X' }).expect(404);
    });
  });

  describe('DELETE /members/{memberId} (archiveMember)', () => {
    it('archives: status left, deleted_at set, member.archived, data null', async () => {
      const own = await t.factories.workspace();
      const member = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User' });
      const res = await http.delete(path(`/${member.userId}`, own.id), own.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Member archived successfully', data: null });
      expect(await membership(own.id, member.userId)).toMatchObject({ status: 'left', deleted_at: expect.any(Date) });
      const [event] = await events('member.archived', own.id);
      expect(event.payload).toMatchObject({ id: member.userId, status: 'left', deleted_at: expect.stringMatching(TIMESTAMP) });
      const shown = await http.get(path(`/${member.userId}`, own.id), own.owner.token).expect(200);
      expect(shown.body.data).toMatchObject({ status: 'left' });
    });

    it('refuses an archived member’s personal access token on the very next request, in that workspace only', async () => {
      const own = await t.factories.workspace();
      const elsewhere = await t.factories.workspace();
      const member = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      await t.factories.members.create({ workspaceId: elsewhere.id, role: 'Regular User', userId: member.userId });
      await http.get(path('', own.id), member.token).expect(200);
      await http.delete(path(`/${member.userId}`, own.id), own.owner.token).expect(200);
      const refused = await http.get(path('', own.id), member.token).expect(403);
      expect(refused.body.message).toBe('You are not a member of this workspace.');
      const workspaces = await http.get('/api/v2/workspaces', member.token).expect(200);
      expect(workspaces.body.data.map((w: { id: number }) => w.id)).toEqual([elsewhere.id]);
      await http.get(path('', elsewhere.id), member.token).expect(200);
    });

    it('kills the pending invitation link of an invited member', async () => {
      const own = await t.factories.workspace();
      const invite = await http
        .post(path('', own.id), own.owner.token)
        .send({ email: `kill-${Date.now()}@example.com`, firstname: 'K', lastname: 'L', role: 'Regular User' })
        .expect(201);
      await http.delete(path(`/${invite.body.data.user_id}`, own.id), own.owner.token).expect(200);
      const [row] = await t.dataSource.query('SELECT revoked_at FROM invitations WHERE user_id = $1', [invite.body.data.user_id]);
      expect(row.revoked_at).toBeInstanceOf(Date);
    });

    it('answers 409 for the Owner, yourself and an archived member', async () => {
      const own = await t.factories.workspace();
      const em = await t.factories.members.create({ workspaceId: own.id, role: 'Executive manager' });
      const gone = await t.factories.members.create({ workspaceId: own.id, role: 'Regular User', status: 'left', deleted: true });
      const owner = await http.delete(path(`/${own.owner.userId}`, own.id), em.token).expect(409);
      expect(owner.body).toMatchObject({ message: 'The workspace owner cannot be archived.', error: 'Conflict' });
      expect((await http.delete(path(`/${em.userId}`, own.id), em.token).expect(409)).body.message).toBe('You cannot archive yourself.');
      expect((await http.delete(path(`/${gone.userId}`, own.id), em.token).expect(409)).body.message).toBe('Member is already archived.');
      expect(await membership(own.id, own.owner.userId)).toMatchObject({ status: 'active', deleted_at: null });
    });

    it('answers 401, 403 for other roles and 404 for unknown or foreign members', async () => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Project manager' });
      const victim = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User' });
      await http.delete(path(`/${victim.userId}`)).expect(401);
      await http.delete(path(`/${victim.userId}`), member.token).expect(403);
      const other = await t.factories.workspace();
      await http.delete(path(`/${other.owner.userId}`), ws.owner.token).expect(404);
      await http.delete(path('/abc'), ws.owner.token).expect(404);
      expect(await membership(ws.id, victim.userId)).toMatchObject({ status: 'active' });
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { FormBrowser, hiddenFields } from './support/oauth-browser';
import { api } from './support/http';
import { decodedBody, SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver';
import { createListeningTestApp, TestApp } from './support/test-app';
import { TestWorkspace } from './support/factories';

const PASSWORD = 'a long enough passphrase';
const unique = (): string => `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;

describe('Invitations (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let http: ReturnType<typeof api>;
  let smtp: SmtpReceiver;
  let ws: TestWorkspace;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createListeningTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Acme Time <time@acme.test>', PUBLIC_URL: 'https://time.acme.test' });
    http = api(t);
    ws = await t.factories.workspaces.create({ name: 'Acme Corp' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const invite = async (
    body: Record<string, unknown> = {},
    workspace: TestWorkspace = ws,
  ): Promise<{ userId: number; link: string; email: string }> => {
    const email = `invitee-${unique()}@example.com`;
    const res = await http
      .post(`/api/v2/members?workspace_id=${workspace.id}`, workspace.owner.token)
      .send({ email, firstname: 'Ivy', lastname: 'Invitee', role: 'Regular User', ...body })
      .expect(201);
    return { userId: res.body.data.user_id, link: res.body.data.invitation_link, email: (body.email as string | undefined) ?? email };
  };
  const pagePath = (link: string): string => new URL(link).pathname;
  const membership = async (userId: number, workspaceId = ws.id): Promise<{ status: string; activated_at: Date | null }> =>
    (
      await t.dataSource.query('SELECT status, activated_at FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
      ])
    )[0];

  describe('the invitation e-mail', () => {
    it('goes through SMTP_URL to the invitee, from MAIL_FROM, with the link built on PUBLIC_URL', async () => {
      const { link, email } = await invite();
      expect(link).toMatch(/^https:\/\/time\.acme\.test\/dashboard\/accept-invitation\/wwinv_[\w-]{43}$/);
      const mail = await smtp.waitFor(email);
      expect(mail.from).toBe('time@acme.test');
      expect(mail.raw).toMatch(/^From: Acme Time <time@acme\.test>\r?$/m);
      expect(mail.raw).toMatch(/^Subject: Invitation to Acme Corp on WebWork\r?$/m);
      expect(decodedBody(mail.raw)).toContain(link);
      expect(decodedBody(mail.raw)).toContain('expires in 7 days');
    });

    it('is sent for createProjectViewer too', async () => {
      const email = `viewer-${unique()}@example.com`;
      await http
        .post('/api/v2/project-viewers', ws.owner.token)
        .send({ workspace_id: ws.id, email, firstname: 'V', lastname: 'W' })
        .expect(201);
      const [{ id }] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [email]);
      const mail = await smtp.waitFor(email);
      expect(decodedBody(mail.raw)).toMatch(/https:\/\/time\.acme\.test\/dashboard\/accept-invitation\/wwinv_[\w-]{43}/);
      expect(await membership(id)).toMatchObject({ status: 'inactive' });
    });
  });

  describe('POST /project-viewers (createProjectViewer)', () => {
    const path = (workspace: TestWorkspace = ws): string => `/api/v2/project-viewers?workspace_id=${workspace.id}`;

    it('creates an inactive viewer with the documented body and records member.invited with the link', async () => {
      const own = await t.factories.workspace();
      const email = `viewer-${unique()}@example.com`;
      const res = await http
        .post('/api/v2/project-viewers', own.owner.token)
        .send({ workspace_id: own.id, email: email.toUpperCase(), firstname: 'John', lastname: 'Doe' })
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Project viewer created successfully',
        data: { id: expect.any(Number), email, firstname: 'John', lastname: 'Doe', status: 'inactive', projects: [] },
      });
      expect(Object.keys(res.body.data)).toEqual(['id', 'email', 'firstname', 'lastname', 'status', 'member_since', 'projects']);
      expect(res.body.data.member_since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const [row] = await t.dataSource.query('SELECT role, status FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
        own.id,
        res.body.data.id,
      ]);
      expect(row).toEqual({ role: 'Project viewer', status: 'inactive' });
      const [event] = await t.dataSource.query(`SELECT payload FROM outbox_events WHERE workspace_id = $1 AND type = 'member.invited'`, [
        own.id,
      ]);
      expect(event.payload).toMatchObject({
        id: res.body.data.id,
        current_role: 'Project viewer',
        invitation_link: expect.stringContaining('wwinv_'),
      });
    });

    it('creates one user and one membership when two invites of a new e-mail race', async () => {
      const email = `race-${unique()}@example.com`;
      const send = () => http.post(path(), ws.owner.token).send({ email, firstname: 'R', lastname: 'C' });
      const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
      const rows = await t.dataSource.query(
        'SELECT m.status FROM users u JOIN workspace_members m ON m.user_id = u.id AND m.workspace_id = $2 WHERE u.email = $1',
        [email, ws.id],
      );
      expect(rows).toEqual([{ status: 'inactive' }]);
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email = $1 AND i.revoked_at IS NULL',
        [email],
      );
      expect(n).toBe(1);
    });

    it('answers 409 for an e-mail with a membership that is not left', async () => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role: 'Regular User' });
      const [{ email }] = await t.dataSource.query('SELECT email FROM users WHERE id = $1', [member.userId]);
      const res = await http.post(path(), ws.owner.token).send({ email, firstname: 'A', lastname: 'B' }).expect(409);
      expect(res.body).toMatchObject({ success: false, message: 'User is already a member of this workspace.', error: 'Conflict' });
      expect(await membership(member.userId)).toMatchObject({ status: 'active' });
    });

    it.each([
      [{}, ['email', 'firstname', 'lastname']],
      [{ email: 'not-mail', firstname: 'A', lastname: 'B' }, ['email']],
      [{ email: 'ok@example.com', firstname: '', lastname: 'B' }, ['firstname']],
    ])('rejects %j with 422', async (body, fields) => {
      const res = await http.post(path(), ws.owner.token).send(body).expect(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(fields);
    });

    it('answers 422 without workspace_id, 401 without a token, 403 for other roles, scopes and workspaces', async () => {
      const body = { email: `nobody-${unique()}@example.com`, firstname: 'A', lastname: 'B' };
      await http.post('/api/v2/project-viewers', ws.owner.token).send(body).expect(422);
      await http.post(path()).send(body).expect(401);
      for (const role of [Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer]) {
        const member = await t.factories.members.create({ workspaceId: ws.id, role });
        await http.post(path(), member.token).send(body).expect(403);
      }
      const writeOnly = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      await http.post(path(), writeOnly.token).send(body).expect(403);
      await http
        .post(path(await t.factories.workspace()), ws.owner.token)
        .send(body)
        .expect(403);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [body.email]);
      expect(n).toBe(0);
    });
  });

  describe('the accept-invitation page', () => {
    it('shows the form to a new user, refuses a bad password, then activates with the chosen password', async () => {
      const { link, userId, email } = await invite();
      const browser = new FormBrowser(t.baseUrl);
      const page = await browser.get(pagePath(link));
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await page.text();
      expect(html).toContain('Join Acme Corp');
      expect(html).toContain(email);
      expect(html).toContain('name="password_confirmation"');
      const fields = hiddenFields(html);

      const short = await browser.postForm(pagePath(link), { ...fields, password: 'short', password_confirmation: 'short' });
      expect(short.status).toBe(422);
      expect(await short.text()).toContain('at least 12 characters');
      const mismatch = await browser.postForm(pagePath(link), { ...fields, password: PASSWORD, password_confirmation: `${PASSWORD}!` });
      expect(mismatch.status).toBe(422);
      expect(await membership(userId)).toMatchObject({ status: 'inactive' });

      const accepted = await browser.postForm(pagePath(link), { ...fields, password: PASSWORD, password_confirmation: PASSWORD });
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toContain('Welcome to Acme Corp');
      expect(await membership(userId)).toMatchObject({ status: 'active', activated_at: expect.any(Date) });
      const [invitation] = await t.dataSource.query('SELECT accepted_at FROM invitations WHERE user_id = $1', [userId]);
      expect(invitation.accepted_at).toBeInstanceOf(Date);
      const [event] = await t.dataSource.query(
        `SELECT payload FROM outbox_events WHERE type = 'member.activated' AND payload->>'id' = $1`,
        [String(userId)],
      );
      expect(event.payload).toMatchObject({ status: 'active' });
      const signIn = await t.app
        .get((await import('../apps/api/src/modules/oauth/sign-in.service')).SignInService)
        .signIn(email, PASSWORD, '127.0.0.9');
      expect(signIn.ok).toBe(true);

      const reused = await browser.get(pagePath(link));
      expect(reused.status).toBe(410);
      expect(await reused.text()).toContain('already been accepted');
      const reposted = await browser.postForm(pagePath(link), {
        ...fields,
        password: 'another long password',
        password_confirmation: 'another long password',
      });
      expect(reposted.status).toBe(410);
    });

    it('lets an existing user with a password accept without choosing one', async () => {
      const user = await t.factories.users.create({ password: PASSWORD });
      const { link } = await invite({ email: user.email });
      const browser = new FormBrowser(t.baseUrl);
      const html = await (await browser.get(pagePath(link))).text();
      expect(html).not.toContain('name="password"');
      const accepted = await browser.postForm(pagePath(link), hiddenFields(html));
      expect(accepted.status).toBe(200);
      expect(await membership(user.id)).toMatchObject({ status: 'active' });
    });

    it('refuses a form without the CSRF cookie and token, and changes nothing', async () => {
      const { link, userId } = await invite();
      const html = await (await new FormBrowser(t.baseUrl).get(pagePath(link))).text();
      const stranger = new FormBrowser(t.baseUrl);
      const res = await stranger.postForm(pagePath(link), { ...hiddenFields(html), password: PASSWORD, password_confirmation: PASSWORD });
      expect(res.status).toBe(403);
      expect(await membership(userId)).toMatchObject({ status: 'inactive' });
    });

    it('refuses expired, superseded, archived-member and unknown links with a clear page', async () => {
      const expired = await invite();
      await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [expired.userId]);
      const browser = new FormBrowser(t.baseUrl);
      const expiredPage = await browser.get(pagePath(expired.link));
      expect(expiredPage.status).toBe(410);
      expect(await expiredPage.text()).toContain('has expired');

      const first = await invite();
      await t.dataSource.query(
        `UPDATE workspace_members SET status = 'left', deleted_at = now() WHERE workspace_id = $1 AND user_id = $2`,
        [ws.id, first.userId],
      );
      const second = await invite({ email: first.email });
      expect((await browser.get(pagePath(first.link))).status).toBe(410);
      expect((await browser.get(pagePath(second.link))).status).toBe(200);

      const archived = await invite();
      await http.delete(`/api/v2/members/${archived.userId}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
      expect(await (await browser.get(pagePath(archived.link))).text()).toContain('no longer valid');

      for (const token of [`wwinv_${'A'.repeat(43)}`, 'not-a-token', 'wwinv_short']) {
        const unknown = await browser.get(`/dashboard/accept-invitation/${token}`);
        expect(unknown.status).toBe(404);
        expect(await unknown.text()).toContain('not valid');
      }
    });

    it('accepts a link once when two submissions race', async () => {
      const { link, userId } = await invite();
      const browser = new FormBrowser(t.baseUrl);
      const fields = hiddenFields(await (await browser.get(pagePath(link))).text());
      const form = { ...fields, password: PASSWORD, password_confirmation: PASSWORD };
      const statuses = (await Promise.all([browser.postForm(pagePath(link), form), browser.postForm(pagePath(link), form)])).map(
        (r) => r.status,
      );
      expect(statuses.sort()).toEqual([200, 410]);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'member.activated' AND payload->>'id' = $1`,
        [String(userId)],
      );
      expect(n).toBe(1);
    });

    it('never stores the token, only its SHA-256 hash', async () => {
      const { link, userId } = await invite();
      const token = link.split('/').pop() as string;
      const rows = await t.dataSource.query('SELECT * FROM invitations WHERE user_id = $1', [userId]);
      expect(JSON.stringify(rows)).not.toContain(token);
      const { createHash } = await import('node:crypto');
      expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    });
  });
});

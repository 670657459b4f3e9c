import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { WEBHOOK_EVENT_TYPES } from '@app/database';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { TestWorkspace } from './support/factories';
import { WebhooksFactory } from './support/factories/webhooks.factory';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const WEBHOOK_FIELDS = ['events', 'id', 'token', 'url'];
const ID = /^[A-Za-z0-9_-]{12,32}$/;
const TOKEN = /^whsec_[A-Za-z0-9+/]{43}=$/;
const NON_PUBLIC = 'The url must not point to a private, loopback or link-local address.';
const URL_SAMPLE = 'https://example.com/webhook/endpoint';
// RFC 6761: `.invalid` never resolves, so this host is accepted (unresolvable) wherever the tests run.
const UNRESOLVABLE = 'https://hooks.webwork.invalid/in';

interface WebhookBody {
  id: string;
  url: string;
  events: string[];
  token: string;
}

describe('Webhooks (e2e)', () => {
  const secretKey = randomBytes(32);
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let webhooks: WebhooksFactory;
  let ws: TestWorkspace;
  let other: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_SECRET_KEY: secretKey.toString('hex'), WEBHOOK_WORKER: 'false' });
    http = api(t);
    webhooks = new WebhooksFactory(t.dataSource);
    ws = await t.factories.workspace();
    other = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/webhooks${suffix}?workspace_id=${workspaceId}`;
  const create = (body: object, token = ws.owner.token) => http.post(path(), token).send(body);
  const expectValidation = (res: { body: { errors?: Record<string, string[]> } }, fields: Record<string, string | RegExp>) => {
    expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
    const expected = Object.fromEntries(
      Object.entries(fields).map(([field, message]) => [field, [typeof message === 'string' ? message : expect.stringMatching(message)]]),
    );
    expect(res.body.errors).toEqual(expected);
  };
  const rowCount = async (workspaceId = ws.id): Promise<number> =>
    Number(
      ((await t.dataSource.query('SELECT count(*) AS n FROM webhooks WHERE workspace_id = $1', [workspaceId])) as { n: string }[])[0].n,
    );
  const seeded = (extra: { url?: string; events?: string[]; createdAt?: Date; workspace?: TestWorkspace } = {}) => {
    const workspace = extra.workspace ?? ws;
    return webhooks.create({ workspaceId: workspace.id, createdBy: workspace.owner, secretKey, ...extra });
  };

  describe('POST /webhooks (createWebhook)', () => {
    it('creates a webhook with 200 and the documented body, the token sealed in the row', async () => {
      const res = await create({
        workspace_id: ws.id,
        url: URL_SAMPLE,
        events: ['tracker.started', 'member.invited', 'project.created'],
      }).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Webhook created successfully' });
      const data = res.body.data as WebhookBody;
      expect(Object.keys(data).sort()).toEqual(WEBHOOK_FIELDS);
      expect(data).toEqual({
        id: expect.stringMatching(ID),
        url: URL_SAMPLE,
        events: ['tracker.started', 'member.invited', 'project.created'],
        token: expect.stringMatching(TOKEN),
      });
      expect(Buffer.from(data.token.slice('whsec_'.length), 'base64')).toHaveLength(32);

      const row = await webhooks.row(data.id);
      expect(row).toMatchObject({ url: URL_SAMPLE, events: data.events, created_by: ws.owner.userId });
      expect(row?.sealed_token).toMatch(/^enc:v1:/);
      expect(row?.sealed_token).not.toContain(data.token);
      expect(row?.sealed_token).not.toContain(data.token.slice('whsec_'.length, 30));
    });

    it('issues a distinct id and token per webhook, and lets an Executive manager create one too', async () => {
      const em = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
      const first = (await create({ url: URL_SAMPLE, events: ['tracker.stopped'] }).expect(200)).body.data as WebhookBody;
      const second = (await create({ url: URL_SAMPLE, events: ['tracker.stopped'] }, em.token).expect(200)).body.data as WebhookBody;
      expect(second.id).not.toBe(first.id);
      expect(second.token).not.toBe(first.token);
      expect((await webhooks.row(second.id))?.created_by).toBe(em.userId);
    });

    it('accepts every documented event at once', async () => {
      const res = await create({ url: URL_SAMPLE, events: [...WEBHOOK_EVENT_TYPES] }).expect(200);
      expect(res.body.data.events).toEqual([...WEBHOOK_EVENT_TYPES]);
    });

    it.each([
      [
        'repeated fields',
        `url=${encodeURIComponent(URL_SAMPLE)}&events=tracker.started&events=project.created`,
        ['tracker.started', 'project.created'],
      ],
      [
        'the bracket form',
        `url=${encodeURIComponent(URL_SAMPLE)}&events%5B%5D=member.updated&events%5B%5D=member.archived`,
        ['member.updated', 'member.archived'],
      ],
      ['a single field', `url=${encodeURIComponent(URL_SAMPLE)}&events=tracker.stopped`, ['tracker.stopped']],
      ['a single bracket field', `url=${encodeURIComponent(URL_SAMPLE)}&events%5B%5D=project.deleted`, ['project.deleted']],
    ])('accepts a form-encoded body with the events as %s', async (_, form, events) => {
      const res = await http.post(path(), ws.owner.token).type('form').send(`workspace_id=${ws.id}&${form}`).expect(200);
      expect(res.body.data).toMatchObject({ url: URL_SAMPLE, events, token: expect.stringMatching(TOKEN) });
    });

    it('takes workspace_id from the body alone', async () => {
      const res = await http
        .post('/api/v2/webhooks', ws.owner.token)
        .send({ workspace_id: ws.id, url: URL_SAMPLE, events: ['tracker.started'] })
        .expect(200);
      expect((await webhooks.row(res.body.data.id))?.created_by).toBe(ws.owner.userId);
    });

    it('accepts a host name that does not resolve (yet): every delivery attempt checks the target again', async () => {
      await create({ url: UNRESOLVABLE, events: ['tracker.started'] }).expect(200);
    });

    it.each([
      ['http://127.0.0.1/hook'],
      ['http://127.0.0.1:8080/hook'],
      ['https://10.0.0.5/hook'],
      ['http://10.255.1.1/'],
      ['http://172.16.0.1/'],
      ['http://192.168.1.10/'],
      ['http://169.254.169.254/latest/meta-data/'],
      ['http://100.64.0.1/'],
      ['http://0.0.0.0/'],
      ['http://[::1]/hook'],
      ['http://[::ffff:127.0.0.1]/'],
      ['http://[fd00::1]/'],
      ['http://[fe80::1]/'],
      ['http://localhost/hook'],
      ['http://localhost:3000/hook'],
      ['http://api.localhost/'],
      ['http://2130706433/'],
      ['http://0x7f.0.0.1/'],
      ['http://0177.0.0.1/'],
      ['http://metadata.google.internal/computeMetadata/v1/'],
    ])('refuses the non-public target %s with 422 errors.url, and stores nothing', async (url) => {
      const before = await rowCount();
      const res = await create({ url, events: ['tracker.started'] }).expect(422);
      expectValidation(res, { url: NON_PUBLIC });
      expect(await rowCount()).toBe(before);
    });

    it.each([
      ['missing', {}, 'The url field is required.'],
      ['empty', { url: '' }, 'The url field is required.'],
      ['not a string', { url: 42 }, 'The url must be a string.'],
      ['relative', { url: '/webhook' }, 'The url must be an absolute http or https URL.'],
      ['without a scheme', { url: 'example.com/webhook' }, 'The url must be an absolute http or https URL.'],
      ['another scheme', { url: 'ftp://example.com/webhook' }, 'The url must be an absolute http or https URL.'],
      ['a javascript: URL', { url: 'javascript:alert(1)' }, 'The url must be an absolute http or https URL.'],
      ['longer than 2048', { url: `https://example.com/${'a'.repeat(2029)}` }, 'The url must not be greater than 2048 characters.'],
    ])('answers 422 errors.url for a url that is %s', async (_, url, message) => {
      const res = await create({ events: ['tracker.started'], ...url }).expect(422);
      expectValidation(res, { url: message });
    });

    it('accepts a url of exactly 2048 characters', async () => {
      const url = `https://example.com/${'a'.repeat(2028)}`;
      expect(url).toHaveLength(2048);
      await create({ url, events: ['tracker.started'] }).expect(200);
    });

    it.each([
      ['missing', {}, { events: 'The events field is required.' }],
      ['empty', { events: [] }, { events: 'The events must have at least 1 item.' }],
      ['not a list', { events: 7 }, { events: 'The events must be an array.' }],
      ['an unknown name', { events: ['tracker.started', 'tracker.paused'] }, { 'events.1': /^The selected events\.1 is invalid\./ }],
      ['a non-string entry', { events: [5] }, { 'events.0': /^The selected events\.0 is invalid\./ }],
      [
        'a repeated name',
        { events: ['tracker.started', 'project.created', 'tracker.started'] },
        { 'events.2': 'The events.2 field has a duplicate value.' },
      ],
      [
        'several bad entries',
        { events: ['nope', 'member.updated', 'member.updated', 'project.deleted', ''] },
        {
          'events.0': /^The selected events\.0 is invalid\. Valid events: tracker\.started, /,
          'events.2': 'The events.2 field has a duplicate value.',
          'events.4': /^The selected events\.4 is invalid\./,
        },
      ],
    ])('answers 422 for events that are %s', async (_, events, errors) => {
      const before = await rowCount();
      const res = await create({ url: URL_SAMPLE, ...events }).expect(422);
      expectValidation(res, errors);
      expect(await rowCount()).toBe(before);
    });

    it('reports the target and the events together', async () => {
      const res = await create({ url: 'http://10.1.2.3/', events: ['tracker.started', 'bogus'] }).expect(422);
      expectValidation(res, { url: NON_PUBLIC, 'events.1': /invalid/ });
    });

    it('answers 401 without a token', async () => {
      const res = await http
        .post(path())
        .send({ url: URL_SAMPLE, events: ['tracker.started'] })
        .expect(401);
      expect(res.body.message).toBe('Unauthenticated.');
    });

    it.each([Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer])('answers 403 to a %s', async (role) => {
      const member = await t.factories.members.create({ workspaceId: ws.id, role });
      const before = await rowCount();
      const res = await create({ url: URL_SAMPLE, events: ['tracker.started'] }, member.token).expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
      expect(await rowCount()).toBe(before);
    });

    it('answers 403 insufficient_scope to an Owner token without the admin scope', async () => {
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      const res = await create({ url: URL_SAMPLE, events: ['tracker.started'] }, token).expect(403);
      expect(res.headers['www-authenticate']).toContain('insufficient_scope');
      expect(res.headers['www-authenticate']).toContain('admin');
    });

    it('answers 403 to a member of another workspace', async () => {
      await create({ url: URL_SAMPLE, events: ['tracker.started'] }, other.owner.token).expect(403);
    });
  });

  describe('GET /webhooks (listWebhooks)', () => {
    it('lists only the workspace’s webhooks, oldest first, each with its token, paginated', async () => {
      const workspace = await t.factories.workspace();
      const base = Date.parse('2025-01-01T00:00:00Z');
      const made = [];
      for (const i of [2, 0, 1]) made[i] = await seeded({ workspace, createdAt: new Date(base + i * 60_000), events: ['project.updated'] });
      await seeded({ workspace: other });
      const res = await http.get(path('', workspace.id), workspace.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Webhooks retrieved successfully',
        meta: { pagination: { total: 3, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 3 } },
      });
      expect(res.body.data).toEqual(made.map(({ id, url, events, token }) => ({ id, url, events, token })));

      const page = await http.get(`${path('', workspace.id)}&per_page=2&page=2`, workspace.owner.token).expect(200);
      expect(page.body.data.map((hook: WebhookBody) => hook.id)).toEqual([made[2].id]);
      expect(page.body.meta.pagination).toEqual({ total: 3, per_page: 2, current_page: 2, last_page: 2, from: 3, to: 3 });
      const past = await http.get(`${path('', workspace.id)}&page=9`, workspace.owner.token).expect(200);
      expect(past.body.data).toEqual([]);
      expect(past.body.meta.pagination).toMatchObject({ total: 3, from: null, to: null });
    });

    it('answers an empty page for a workspace without webhooks', async () => {
      const workspace = await t.factories.workspace();
      const res = await http.get(path('', workspace.id), workspace.owner.token).expect(200);
      expect(res.body.data).toEqual([]);
      expect(res.body.meta.pagination).toEqual({ total: 0, per_page: 20, current_page: 1, last_page: 1, from: null, to: null });
    });

    it.each(['per_page=0', 'per_page=101', 'page=0', 'page=x'])('answers 422 for %s', async (query) => {
      await http.get(`${path()}&${query}`, ws.owner.token).expect(422);
    });

    it('answers 401, 403 to other roles and to a token without admin, 422 without workspace_id', async () => {
      await http.get(path()).expect(401);
      for (const role of [Role.TeamManager, Role.ProjectManager, Role.RegularUser, Role.ProjectViewer]) {
        const member = await t.factories.members.create({ workspaceId: ws.id, role });
        await http.get(path(), member.token).expect(403);
      }
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      await http.get(path(), token).expect(403);
      await http.get('/api/v2/webhooks', ws.owner.token).expect(422);
    });
  });

  describe('GET /webhooks/{webhookId} (getWebhook)', () => {
    it('returns one webhook with its token', async () => {
      const hook = await seeded({ events: ['member.activated', 'member.deleted'] });
      const res = await http.get(path(`/${hook.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Webhook retrieved successfully' });
      expect(res.body.data).toEqual({ id: hook.id, url: hook.url, events: ['member.activated', 'member.deleted'], token: hook.token });
    });

    it('opens tokens stored before a key was configured', async () => {
      const hook = await webhooks.create({ workspaceId: ws.id, createdBy: ws.owner });
      expect((await webhooks.row(hook.id))?.sealed_token).toBe(`plain:${hook.token}`);
      expect((await http.get(path(`/${hook.id}`), ws.owner.token).expect(200)).body.data.token).toBe(hook.token);
    });

    it('answers 404 for an unknown, malformed or other workspace’s id', async () => {
      const foreign = await seeded({ workspace: other });
      for (const id of ['abcdefghijkl', 'short', 'has.dot.in.it', 'x'.repeat(33), foreign.id]) {
        const res = await http.get(path(`/${id}`), ws.owner.token).expect(404);
        expect(res.body).toMatchObject({ success: false, message: 'Webhook not found.', error: 'Not Found' });
      }
      // The foreign workspace's Owner asking for workspace A's webhook under their own workspace_id.
      const mine = await seeded();
      await http.get(path(`/${mine.id}`, other.id), other.owner.token).expect(404);
    });

    it('answers 401 and 403 before looking the id up', async () => {
      const hook = await seeded();
      await http.get(path(`/${hook.id}`)).expect(401);
      const ru = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
      await http.get(path('/unknown-id-xyz'), ru.token).expect(403);
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read'] });
      await http.get(path(`/${hook.id}`), token).expect(403);
    });
  });

  describe('PUT /webhooks/{webhookId} (updateWebhook)', () => {
    it('replaces the url and the whole set of events, keeping the id and token', async () => {
      const hook = await seeded({ events: ['tracker.started', 'tracker.stopped'] });
      const res = await http
        .put(path(`/${hook.id}`), ws.owner.token)
        .send({ workspace_id: ws.id, url: 'https://example.org/new', events: ['tracker.stopped'] })
        .expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Webhook updated successfully' });
      expect(res.body.data).toEqual({ id: hook.id, url: 'https://example.org/new', events: ['tracker.stopped'], token: hook.token });
      expect(await webhooks.row(hook.id)).toMatchObject({ url: 'https://example.org/new', events: ['tracker.stopped'] });
    });

    it('keeps the events when none are given', async () => {
      const hook = await seeded({ events: ['project.created', 'project.deleted'] });
      const res = await http
        .put(path(`/${hook.id}`), ws.owner.token)
        .send({ url: 'https://example.org/kept' })
        .expect(200);
      expect(res.body.data).toEqual({
        id: hook.id,
        url: 'https://example.org/kept',
        events: ['project.created', 'project.deleted'],
        token: hook.token,
      });
    });

    it('re-seals a token stored before the key was configured, without changing it', async () => {
      const hook = await webhooks.create({ workspaceId: ws.id, createdBy: ws.owner });
      const res = await http
        .put(path(`/${hook.id}`), ws.owner.token)
        .send({ url: hook.url })
        .expect(200);
      expect(res.body.data.token).toBe(hook.token);
      const row = await webhooks.row(hook.id);
      expect(row?.sealed_token).toMatch(/^enc:v1:/);
      expect(row?.sealed_token).not.toContain(hook.token);
    });

    it('accepts a form-encoded body', async () => {
      const hook = await seeded();
      const res = await http
        .put(path(`/${hook.id}`), ws.owner.token)
        .type('form')
        .send(`url=${encodeURIComponent('https://example.org/form')}&events=member.invited&events=member.updated`)
        .expect(200);
      expect(res.body.data).toMatchObject({ url: 'https://example.org/form', events: ['member.invited', 'member.updated'] });
    });

    it.each([
      ['no url', { events: ['tracker.started'] }, { url: 'The url field is required.' }],
      ['a private target', { url: 'http://192.168.0.2/hook' }, { url: NON_PUBLIC }],
      ['the metadata address', { url: 'http://169.254.169.254/' }, { url: NON_PUBLIC }],
      ['[::1]', { url: 'http://[::1]:8080/' }, { url: NON_PUBLIC }],
      ['localhost', { url: 'http://localhost/' }, { url: NON_PUBLIC }],
      ['empty events', { url: URL_SAMPLE, events: [] }, { events: 'The events must have at least 1 item.' }],
      ['null events', { url: URL_SAMPLE, events: null }, { events: 'The events must be an array.' }],
      ['an unknown event', { url: URL_SAMPLE, events: ['member.promoted'] }, { 'events.0': /invalid/ }],
      [
        'a duplicate event',
        { url: URL_SAMPLE, events: ['member.invited', 'member.invited'] },
        { 'events.1': 'The events.1 field has a duplicate value.' },
      ],
    ])('answers 422 for %s and changes nothing', async (_, body, errors) => {
      const hook = await seeded();
      const res = await http
        .put(path(`/${hook.id}`), ws.owner.token)
        .send(body)
        .expect(422);
      expectValidation(res, errors);
      expect(await webhooks.row(hook.id)).toMatchObject({ url: hook.url, events: hook.events });
    });

    it('answers 404 for an unknown or foreign id, before checking the body', async () => {
      const foreign = await seeded({ workspace: other });
      for (const id of ['abcdefghijklmnop', foreign.id, 'no']) {
        await http
          .put(path(`/${id}`), ws.owner.token)
          .send({ url: 'http://127.0.0.1/' })
          .expect(404);
      }
      expect(await webhooks.row(foreign.id)).toMatchObject({ url: foreign.url });
    });

    it('answers 401 and 403', async () => {
      const hook = await seeded();
      await http
        .put(path(`/${hook.id}`))
        .send({ url: URL_SAMPLE })
        .expect(401);
      const pm = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectManager });
      await http
        .put(path(`/${hook.id}`), pm.token)
        .send({ url: URL_SAMPLE })
        .expect(403);
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      await http
        .put(path(`/${hook.id}`), token)
        .send({ url: URL_SAMPLE })
        .expect(403);
      expect(await webhooks.row(hook.id)).toMatchObject({ url: hook.url });
    });
  });

  describe('DELETE /webhooks/{webhookId} (deleteWebhook)', () => {
    it('deletes the webhook and answers data null; a second delete is 404', async () => {
      const hook = await seeded();
      const res = await http.delete(path(`/${hook.id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Webhook deleted successfully', data: null });
      expect(await webhooks.row(hook.id)).toBeUndefined();
      await http.delete(path(`/${hook.id}`), ws.owner.token).expect(404);
      await http.get(path(`/${hook.id}`), ws.owner.token).expect(404);
    });

    it('takes workspace_id from a JSON body', async () => {
      const hook = await seeded();
      await http.delete(`/api/v2/webhooks/${hook.id}`, ws.owner.token).send({ workspace_id: ws.id }).expect(200);
      expect(await webhooks.row(hook.id)).toBeUndefined();
    });

    it('answers 404 for another workspace’s webhook and leaves it', async () => {
      const foreign = await seeded({ workspace: other });
      await http.delete(path(`/${foreign.id}`), ws.owner.token).expect(404);
      expect(await webhooks.row(foreign.id)).toBeDefined();
    });

    it('answers 401 and 403, deleting nothing', async () => {
      const hook = await seeded();
      await http.delete(path(`/${hook.id}`)).expect(401);
      for (const role of [Role.TeamManager, Role.RegularUser, Role.ProjectViewer]) {
        const member = await t.factories.members.create({ workspaceId: ws.id, role });
        await http.delete(path(`/${hook.id}`), member.token).expect(403);
      }
      const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, scopes: ['read', 'write'] });
      await http.delete(path(`/${hook.id}`), token).expect(403);
      expect(await webhooks.row(hook.id)).toBeDefined();
    });
  });

  it('issues a token a Standard Webhooks receiver verifies (the README snippet’s scheme)', async () => {
    const { token } = (await create({ url: URL_SAMPLE, events: ['tracker.started'] }).expect(200)).body.data as WebhookBody;
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: 'tracker.started', timestamp: new Date().toISOString(), workspace_id: ws.id, data: {} });
    const key = Buffer.from(token.slice('whsec_'.length), 'base64');
    const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    const verified = new StandardWebhook(token).verify(body, {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    });
    expect(verified).toMatchObject({ type: 'tracker.started' });
  });
});

describe('Webhooks with an allow-list (WEBHOOK_ALLOWED_TARGETS) and no secret key', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOWED_TARGETS: '127.0.0.1, 10.20.0.0/16', WEBHOOK_WORKER: 'false' });
    http = api(t);
    ws = await t.factories.workspace();
  });
  afterAll(async () => t.close());

  const path = (suffix = ''): string => `/api/v2/webhooks${suffix}?workspace_id=${ws.id}`;

  it.each(['http://127.0.0.1:9999/hook', 'http://[::ffff:127.0.0.1]:9999/hook', 'http://10.20.30.40/hook'])(
    'accepts the allowed target %s, storing the token plain',
    async (url) => {
      const res = await http
        .post(path(), ws.owner.token)
        .send({ url, events: ['tracker.started'] })
        .expect(200);
      expect(res.body.data).toMatchObject({ url, token: expect.stringMatching(TOKEN) });
      const [row] = (await t.dataSource.query('SELECT sealed_token FROM webhooks WHERE id = $1', [res.body.data.id])) as {
        sealed_token: string;
      }[];
      expect(row.sealed_token).toBe(`plain:${res.body.data.token}`);
    },
  );

  it('lets an update move a webhook to an allowed target', async () => {
    const created = await http
      .post(path(), ws.owner.token)
      .send({ url: URL_SAMPLE, events: ['tracker.started'] })
      .expect(200);
    const res = await http
      .put(path(`/${created.body.data.id}`), ws.owner.token)
      .send({ url: 'http://127.0.0.1:4000/in' })
      .expect(200);
    expect(res.body.data).toMatchObject({ url: 'http://127.0.0.1:4000/in', token: created.body.data.token });
  });

  it.each([
    ['another loopback address', 'http://127.0.0.2/'],
    ['a private address outside the range', 'http://10.21.0.1/'],
    ['the metadata address', 'http://169.254.169.254/'],
    // localhost is 127.0.0.1 and ::1; ::1 is not allowed, and every address must be.
    ['localhost', 'http://localhost:9999/'],
  ])('still refuses %s', async (_, url) => {
    const res = await http
      .post(path(), ws.owner.token)
      .send({ url, events: ['tracker.started'] })
      .expect(422);
    expect(res.body.errors).toEqual({ url: [NON_PUBLIC] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { TestMember } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

/** Regression tests for hostile input that used to answer 500, a framework body or a bare 422. */
describe('Hostile input gets a clear error and changes nothing (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let owner: TestMember;
  let workspaceId: number;

  const projectCount = async (): Promise<number> => {
    const [{ count }] = (await t.dataSource.query('SELECT count(*)::int AS count FROM projects WHERE workspace_id = $1', [
      workspaceId,
    ])) as { count: number }[];
    return count;
  };

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    const workspace = await t.factories.workspace();
    owner = workspace.owner;
    workspaceId = workspace.id;
  });
  afterAll(async () => t.close());

  describe('deeply nested JSON', () => {
    const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

    it.each([
      ['a 4 KB body nested 2,000 levels', nested(2000)],
      ['an 800 KB body of nested arrays', `{"name":"x","notes":${'['.repeat(400_000)}${']'.repeat(400_000)}}`],
    ])('rejects %s with 400 in the envelope before validation', async (_, body) => {
      const before = await projectCount();
      const res = await http
        .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ success: false, error: 'Bad Request', message: expect.stringContaining('nested') });
      expect(await projectCount()).toBe(before);
    });

    it('rejects deep nesting on the credential extension any role may call', async () => {
      await http.post('/api/v2/personal-access-tokens', owner.token).set('Content-Type', 'application/json').send(nested(100)).expect(400);
    });

    it('still accepts nesting up to the limit, and brackets inside strings do not count', async () => {
      const res = await http
        .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
        .send({ name: 'Brackets {[{[', notes: '['.repeat(100), extra: JSON.parse(nested(30)) as unknown })
        .expect(201);
      expect(res.body.data.name).toBe('Brackets {[{[');
    });
  });

  describe('numbers in any notation', () => {
    it.each([1e-7, 1e-300, 5e-324, 0.001, 1e21, 1.5e3 + 0.001])(
      'answers estimation %p with 422 on the field, never 500',
      async (estimation) => {
        const before = await projectCount();
        const res = await http
          .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
          .send({ name: 'x', estimation })
          .expect(422);
        expect(res.body.errors).toHaveProperty('estimation');
        expect(await projectCount()).toBe(before);
      },
    );

    it('accepts exponent notation that is a valid two-decimal value', async () => {
      const res = await http
        .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
        .set('Content-Type', 'application/json')
        .send('{"name":"Exponent","estimation":1.5e2,"budget":12.5e-1}')
        .expect(201);
      expect(res.body.data).toMatchObject({ estimation: 150, budget_estimation: 1.25 });
    });

    it('answers 1e-7 on PUT with 422 too', async () => {
      const project = await t.factories.project(workspaceId);
      const res = await http
        .put(`/api/v2/projects/${project.id}?workspace_id=${workspaceId}`, owner.token)
        .send({ budget: 1e-7 })
        .expect(422);
      expect(res.body.errors).toHaveProperty('budget');
    });
  });

  describe('path ids are canonical decimal integers only', () => {
    it.each(['0x2', '+2', '2.0', '2e0', '%202', '2%20', '1.9999999999999999', '02', '-2', '0', '2147483648', '9'.repeat(20), '２'])(
      'treats /projects/%s as not found, for GET, PUT and DELETE',
      async (spelling) => {
        const project = await t.factories.project(workspaceId);
        const path = `/api/v2/projects/${spelling.replace('2', String(project.id))}?workspace_id=${workspaceId}`;
        await http.get(path, owner.token).expect(404);
        await http.put(path, owner.token).send({ name: 'renamed' }).expect(404);
        await http.delete(path, owner.token).expect(404);
        const live = await http.get(`/api/v2/projects/${project.id}?workspace_id=${workspaceId}`, owner.token).expect(200);
        expect(live.body.data.name).toBe(project.name);
      },
    );

    it('answers a path parameter over 100 characters with the 404 envelope and a request id', async () => {
      const res = await http.get(`/api/v2/projects/${'1'.repeat(150)}?workspace_id=${workspaceId}`, owner.token).expect(404);
      expect(res.body).toMatchObject({ success: false, error: 'Not Found' });
      expect(res.headers['x-request-id']).toBeDefined();
      expect(JSON.stringify(res.body)).not.toContain('1111111111');
    });

    it.each(['1 ', ' 1', '01', '1.0', '0x1', '+1'])('refuses workspace_id=%p with 422', async (spelling) => {
      const res = await http.get(`/api/v2/projects?workspace_id=${encodeURIComponent(spelling)}`, owner.token).expect(422);
      expect(res.body.errors).toHaveProperty('workspace_id');
    });

    it.each(['01', '1.0', '+1', '0x1'])('refuses page=%p with 422', async (spelling) => {
      const res = await http
        .get(`/api/v2/projects?workspace_id=${workspaceId}&page=${encodeURIComponent(spelling)}`, owner.token)
        .expect(422);
      expect(res.body.errors).toHaveProperty('page');
    });
  });

  describe('strings and dates the database would refuse are field errors', () => {
    it.each([
      ['a NUL byte in the name', { name: 'a\u0000b' }, 'name'],
      ['a NUL byte in the notes', { name: 'ok', notes: 'x\u0000' }, 'notes'],
      ['year 0000', { name: 'ok', start_date: '0000-01-01' }, 'start_date'],
      ['year 10000-like overflow', { name: 'ok', deadline: '99999-01-01' }, 'deadline'],
    ])('answers %s with 422 and errors on the field', async (_, body, field) => {
      const before = await projectCount();
      const res = await http.post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token).send(body).expect(422);
      expect(res.body.errors).toHaveProperty(field);
      expect(await projectCount()).toBe(before);
    });

    it.each([
      ['inviteMember', 'POST', 'members', ', "role": "Regular User"'],
      ['createProjectViewer', 'POST', 'project-viewers', ''],
      ['updateMember', 'PUT', 'members/MEMBER', ''],
    ])('answers %s with an e-mail holding a lone surrogate with 422 on email, not a 500', async (_, method, path, extra) => {
      const member = await t.factories.members.create({ workspaceId, role: Role.RegularUser });
      const url = `/api/v2/${path.replace('MEMBER', String(member.userId))}?workspace_id=${workspaceId}`;
      for (const email of ['\\ud800', 'a\\udc00@example.com', 'a@example.com\\ud83d']) {
        const res = await (method === 'POST' ? http.post(url, owner.token) : http.put(url, owner.token))
          .set('Content-Type', 'application/json')
          .send(`{"email": "${email}", "firstname": "Ann", "lastname": "Lee"${extra}}`)
          .expect(422);
        expect(res.body.errors).toEqual({ email: ['The email must be a valid email address.'] });
      }
    });

    it('answers ?name=%00 with 422 and errors.name', async () => {
      const res = await http.get(`/api/v2/projects?workspace_id=${workspaceId}&name=%00`, owner.token).expect(422);
      expect(res.body.errors).toHaveProperty('name');
    });
  });

  describe('bodies that are not JSON objects', () => {
    it('answers a text/plain body with one clear 400 naming the accepted content types', async () => {
      const res = await http
        .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
        .set('Content-Type', 'text/plain')
        .send('name=x')
        .expect(400);
      expect(res.body).toMatchObject({ success: false, error: 'Bad Request' });
      expect(res.body.message).toContain('application/json');
      expect(res.body.message).toContain('application/x-www-form-urlencoded');
      expect(res.body.errors).toBeUndefined();
    });

    it.each(['null', '[]', '"text"', '42', 'true'])(
      'answers a JSON %s body on PUT with 422, leaving the project as it was',
      async (body) => {
        const project = await t.factories.project(workspaceId);
        const res = await http
          .put(`/api/v2/projects/${project.id}?workspace_id=${workspaceId}`, owner.token)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(422);
        expect(res.body.errors).toHaveProperty('body');
        const [row] = (await t.dataSource.query('SELECT updated_at FROM projects WHERE id = $1', [project.id])) as { updated_at: Date }[];
        expect(row.updated_at.getTime()).toBe(project.updatedAt.getTime());
      },
    );

    it('still accepts form-encoded bodies', async () => {
      const res = await http
        .post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)
        .type('form')
        .send('name=Form%20project&estimation=1.5')
        .expect(201);
      expect(res.body.data).toMatchObject({ name: 'Form project', estimation: 1.5 });
    });
  });

  describe('the OAuth endpoints answer RFC 6749 errors whoever fails', () => {
    it.each([
      ['a deeply nested body', 'application/json', `${'['.repeat(100)}${']'.repeat(100)}`, 400],
      ['a JSON body that is not an object', 'application/json', 'true', 400],
      ['an unsupported content type', 'text/xml', '<token/>', 400],
    ])('answers %s on /oauth/token and /oauth/revoke with invalid_request, uncached', async (_, type, body, status) => {
      for (const path of ['/oauth/token', '/oauth/revoke']) {
        const res = await http.raw().post(path).set('Content-Type', type).send(body).expect(status);
        expect(res.body).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
        expect(res.body.success).toBeUndefined();
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('refuses a token_type_hint outside the documented two', async () => {
      const app = await t.factories.oauthApp(owner.userId, { confidential: false });
      const res = await http
        .raw()
        .post('/oauth/revoke')
        .type('form')
        .send({ client_id: app.client.clientId, token: 'x', token_type_hint: 'id_token' })
        .expect(400);
      expect(res.body.error).toBe('invalid_request');
    });
  });

  describe('framework responses', () => {
    it('answers a bare OPTIONS without a framework body', async () => {
      const res = await http.raw().options('/api/v2/projects');
      expect(res.status).toBeLessThan(300);
      expect(res.text).toBe('');
    });

    it('answers a request whose headers are too large with the 431 envelope and a request id', async () => {
      const res = await http.get(`/api/v2/projects?workspace_id=${workspaceId}&name=${'x'.repeat(20_000)}`, owner.token);
      expect(res.status).toBe(431);
      expect(res.body).toMatchObject({ success: false, error: 'Request Header Fields Too Large', meta: { api_version: '2.0.0' } });
      expect(res.headers['x-request-id']).toBeDefined();
    });

    it.each([
      ['GET', '/oauth/authorize'],
      ['POST', '/oauth/token'],
      ['POST', '/oauth/revoke'],
    ])('answers %s %s with headers too large in the RFC 6749 form, never the envelope', async (method, path) => {
      const res = await (method === 'GET' ? http.raw().get(path) : http.raw().post(path)).query({ state: 'x'.repeat(20_000) });
      expect(res.status).toBe(431);
      expect(res.body).toEqual({ error: 'invalid_request', error_description: expect.any(String), message: expect.any(String) });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-request-id']).toBeDefined();
    });
  });

  describe('headers', () => {
    it('sends X-Content-Type-Options: nosniff on successes, errors and framework answers', async () => {
      for (const res of [
        await http.get(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token),
        await http.get('/api/v2/projects'),
        await http.get('/api/v2/nothing'),
        await http.raw().patch('/api/v2/projects'),
        await http.get('/health'),
      ]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('exposes the rate-limit headers and Retry-After to browsers', async () => {
      const res = await http.get(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token).set('Origin', 'https://example.org');
      const exposed = String(res.headers['access-control-expose-headers']).toLowerCase();
      for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'retry-after', 'x-request-id']) expect(exposed).toContain(header);
    });
  });

  it('keeps a Regular User out of other workspaces through the same checks', async () => {
    const other = await t.factories.workspace();
    const member = await t.factories.member(other.id, Role.RegularUser);
    await http.get(`/api/v2/projects?workspace_id=${workspaceId}`, member.token).expect(403);
  });
});

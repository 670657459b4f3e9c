import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

describe('Platform behaviour (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
    http = api(t);
  });
  afterAll(async () => t.close());

  it('serves GET /health outside the prefix, checking the database', async () => {
    const res = await http.get('/health').expect(200);
    expect(res.body).toMatchObject({ success: true, data: { status: 'ok', database: 'up' }, meta: { api_version: '2.0.0' } });
  });

  it('returns an x-request-id, honouring a sane incoming one', async () => {
    const minted = await http.get('/health').expect(200);
    expect(minted.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await http.raw().get('/health').set('x-request-id', 'trace-abc.123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await http.raw().get('/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('answers an unknown route with 404 in the envelope', async () => {
    const res = await http.get('/api/v2/nothing-here').expect(404);
    expect(res.body).toMatchObject({ success: false, message: 'Not found.', error: 'Not Found', meta: { api_version: '2.0.0' } });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await http.raw().patch('/api/v2/projects').expect(405);
    expect(res.headers.allow).toBe('GET, POST');
    expect(res.body).toMatchObject({ success: false, message: 'Method not allowed.', error: 'Method Not Allowed' });
  });

  it('answers an oversized body with 413 in the envelope', async () => {
    const { owner, id } = await t.factories.workspace();
    const res = await http
      .post(`/api/v2/projects?workspace_id=${id}`, owner.token)
      .send({ name: 'x', notes: 'y'.repeat(4096) })
      .expect(413);
    expect(res.body).toMatchObject({ success: false, error: 'Payload Too Large' });
  });

  it('answers unparsable JSON with 400 in the envelope', async () => {
    const res = await http.raw().post('/api/v2/projects').set('Content-Type', 'application/json').send('{oops').expect(400);
    expect(res.body).toMatchObject({ success: false, message: 'Malformed request body.', error: 'Bad Request' });
  });

  it('allows any origin without credentials (CORS)', async () => {
    const res = await http
      .raw()
      .options('/api/v2/projects')
      .set('Origin', 'https://example.org')
      .set('Access-Control-Request-Method', 'GET')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const spec = await http.get('/api/v2/openapi.json').expect(200);
    expect(spec.body.paths['/api/v2/projects'].get.operationId).toBe('listProjects');
    const ui = await http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });
});

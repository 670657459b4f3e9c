import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

describe('Credential management extensions (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
  });
  afterAll(async () => t.close());

  describe('personal access tokens', () => {
    it('creates a token shown once, lists it without the secret, and revokes it', async () => {
      const ws = await t.factories.workspace();
      const created = await http.post('/api/v2/personal-access-tokens', ws.owner.token).send({ name: 'CI reporting' }).expect(201);
      expect(created.body).toMatchObject({
        success: true,
        message: 'Token created successfully',
        data: { name: 'CI reporting', scopes: ['read', 'write', 'admin'] },
      });
      const token = created.body.data.token as string;
      expect(token).toMatch(/^wwpat_/);
      await http.get('/api/v2/workspaces', token).expect(200);

      const listed = await http.get('/api/v2/personal-access-tokens', ws.owner.token).expect(200);
      expect(listed.body.data.map((row: { name: string }) => row.name)).toEqual(['test', 'CI reporting']);
      expect(JSON.stringify(listed.body)).not.toContain(token);

      await http.delete(`/api/v2/personal-access-tokens/${created.body.data.id}`, ws.owner.token).expect(200);
      await http.get('/api/v2/workspaces', token).expect(401);
    });

    it('stores only a SHA-256 hash of the token', async () => {
      const ws = await t.factories.workspace();
      const created = await http.post('/api/v2/personal-access-tokens', ws.owner.token).send({ name: 'hashed' }).expect(201);
      const rows: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM personal_access_tokens WHERE id = $1', [
        created.body.data.id,
      ]);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].token_hash).not.toContain(created.body.data.token);
    });

    it('validates, finds only the caller’s own tokens, and needs a token', async () => {
      const ws = await t.factories.workspace();
      const other = await t.factories.workspace();
      await http.post('/api/v2/personal-access-tokens', ws.owner.token).send({ name: '' }).expect(422);
      await http.delete(`/api/v2/personal-access-tokens/${other.owner.tokenId}`, ws.owner.token).expect(404);
      await http.delete('/api/v2/personal-access-tokens/abc', ws.owner.token).expect(404);
      await http.get('/api/v2/personal-access-tokens').expect(401);
    });
  });

  describe('who may manage credentials', () => {
    async function adminOAuthToken() {
      const ws = await t.factories.workspace();
      const app = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const issued = await request(t.http)
        .post('/oauth/token')
        .send({
          grant_type: 'client_credentials',
          client_id: app.client.clientId,
          client_secret: app.clientSecret,
          scope: 'read write admin',
        })
        .expect(200);
      return { ws, app, accessToken: issued.body.access_token as string };
    }

    it('refuses OAuth access tokens, even with the admin scope, on every credential endpoint', async () => {
      const { ws, app, accessToken } = await adminOAuthToken();
      const attempts = [
        http.post('/api/v2/personal-access-tokens', accessToken).send({ name: 'minted by an app' }),
        http.get('/api/v2/personal-access-tokens', accessToken),
        http.delete(`/api/v2/personal-access-tokens/${ws.owner.tokenId}`, accessToken),
        http.post('/api/v2/oauth-apps', accessToken).send({ name: 'minted by an app', grant_type: 'client_credentials' }),
        http.get('/api/v2/oauth-apps', accessToken),
        http.delete(`/api/v2/oauth-apps/${app.client.clientId}`, accessToken),
      ];
      for (const attempt of attempts) {
        const res = await attempt;
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          success: false,
          error: 'Forbidden',
          message: 'Credentials can only be managed with a personal access token, not an OAuth access token.',
        });
      }
      const pats: { name: string }[] = await t.dataSource.query('SELECT name FROM personal_access_tokens WHERE user_id = $1', [
        ws.owner.userId,
      ]);
      expect(pats.map((row) => row.name)).toEqual(['test']);
      await http.get('/api/v2/workspaces', ws.owner.token).expect(200);
      const apps = await http.get('/api/v2/oauth-apps', ws.owner.token).expect(200);
      expect(apps.body.data.map((row: { name: string }) => row.name)).toEqual(['Test App']);
    });

    it('marks every response carrying a secret as not storable', async () => {
      const ws = await t.factories.workspace();
      for (const res of [
        await http.post('/api/v2/personal-access-tokens', ws.owner.token).send({ name: 'CI' }).expect(201),
        await http.post('/api/v2/oauth-apps', ws.owner.token).send({ name: 'Job', grant_type: 'client_credentials' }).expect(201),
      ]) {
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers.pragma).toBe('no-cache');
      }
    });
  });

  describe('OAuth apps', () => {
    it('registers a confidential app (secret shown once), lists and deletes it, revoking its tokens', async () => {
      const ws = await t.factories.workspace();
      const created = await http
        .post('/api/v2/oauth-apps', ws.owner.token)
        .send({ name: 'Server job', grant_type: 'client_credentials' })
        .expect(201);
      const { client_id, client_secret } = created.body.data as { client_id: string; client_secret: string };
      expect(client_secret).toMatch(/^wwcs_/);
      expect(created.body.data).toMatchObject({ confidential: true, grant_types: ['client_credentials'] });

      const issued = await request(t.http)
        .post('/oauth/token')
        .send({ grant_type: 'client_credentials', client_id, client_secret })
        .expect(200);
      await http.get('/api/v2/workspaces', issued.body.access_token).expect(200);

      const listed = await http.get('/api/v2/oauth-apps', ws.owner.token).expect(200);
      expect(listed.body.data).toHaveLength(1);
      expect(JSON.stringify(listed.body)).not.toContain(client_secret);

      await http.delete(`/api/v2/oauth-apps/${client_id}`, ws.owner.token).expect(200);
      await http.get('/api/v2/workspaces', issued.body.access_token).expect(401);
      await http.delete(`/api/v2/oauth-apps/${client_id}`, ws.owner.token).expect(404);
    });

    it('registers a public app without a secret', async () => {
      const ws = await t.factories.workspace();
      const created = await http
        .post('/api/v2/oauth-apps', ws.owner.token)
        .send({ name: 'SPA', grant_type: 'authorization_code', redirect_uris: ['https://spa.example/cb'], confidential: false })
        .expect(201);
      expect(created.body.data).toMatchObject({
        client_secret: null,
        confidential: false,
        grant_types: ['authorization_code', 'refresh_token'],
      });
    });

    it.each([
      [{ name: 'x', grant_type: 'implicit' }, 'grant_type'],
      [{ name: 'x', grant_type: 'authorization_code', redirect_uris: ['not a url'] }, 'redirect_uris'],
      [{ name: 'x', grant_type: 'authorization_code' }, 'redirect_uris'],
      [{ name: 'x', grant_type: 'client_credentials', confidential: false }, 'confidential'],
    ])('rejects %j with 422 on %s', async (body, field) => {
      const ws = await t.factories.workspace();
      const res = await http.post('/api/v2/oauth-apps', ws.owner.token).send(body).expect(422);
      expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('needs the admin scope', async () => {
      const ws = await t.factories.workspace();
      const app = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const readToken = await request(t.http)
        .post('/oauth/token')
        .send({ grant_type: 'client_credentials', client_id: app.client.clientId, client_secret: app.clientSecret, scope: 'read write' })
        .expect(200);
      await http.get('/api/v2/oauth-apps', readToken.body.access_token).expect(403);
    });
  });
});

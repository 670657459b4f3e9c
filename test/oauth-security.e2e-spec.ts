import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import request from 'supertest';
import { FormBrowser } from './support/oauth-browser';
import { pkcePair } from './support/pkce';
import { createListeningTestApp, TestApp } from './support/test-app';

const REDIRECT = 'http://127.0.0.1:9/callback';
const PASSWORD = 'a long and unguessable passphrase';

describe('OAuth2 authorization server: negative cases (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let baseUrl: string;

  beforeAll(async () => {
    t = await createListeningTestApp();
    baseUrl = t.baseUrl;
  });
  afterAll(async () => t.close());

  async function signedInUser() {
    const ws = await t.factories.workspace();
    const user = await t.factories.user();
    await t.factories.addMembership(ws.id, user.id, Role.ExecutiveManager);
    await t.factories.password(user.id, PASSWORD);
    return { ws, user };
  }

  function authorizeUrl(params: Record<string, string>): string {
    return `/oauth/authorize?${new URLSearchParams({ response_type: 'code', redirect_uri: REDIRECT, ...params })}`;
  }

  /** Runs the browser flow and returns the code from the redirect. */
  async function obtainCode(clientId: string, extra: Record<string, string> = {}) {
    const { user } = await signedInUser();
    const callback = await new FormBrowser(baseUrl).authorize(authorizeUrl({ client_id: clientId, state: 's1', ...extra }), {
      email: user.email,
      password: PASSWORD,
    });
    return { code: callback.searchParams.get('code')!, user };
  }

  const token = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    request(t.http).post('/oauth/token').type('form').set(headers).send(fields);

  const basic = (id: string, secret: string) => ({ Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

  describe('authorize endpoint', () => {
    it('shows a 400 page and never redirects for an unknown client', async () => {
      const res = await request(t.http)
        .get(authorizeUrl({ client_id: 'nope' }))
        .expect(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.text).toContain('Unknown client_id.');
    });

    it('shows a 400 page and never redirects for a redirect URI that does not match exactly', async () => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId);
      const res = await request(t.http)
        .get(authorizeUrl({ client_id: client.clientId, redirect_uri: `${REDIRECT}/extra` }))
        .expect(400);
      expect(res.headers.location).toBeUndefined();
    });

    it.each([
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'read superuser' }, 'invalid_scope'],
      [{ code_challenge: pkcePair().challenge, code_challenge_method: 'plain' }, 'invalid_request'],
    ])('redirects %j back with %s and the state', async (params, error) => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId);
      const res = await request(t.http)
        .get(authorizeUrl({ client_id: client.clientId, state: 'xyz', ...params }))
        .expect(302);
      const location = new URL(res.headers.location);
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('xyz');
    });

    it('requires PKCE from a public client', async () => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId, { confidential: false });
      const res = await request(t.http)
        .get(authorizeUrl({ client_id: client.clientId }))
        .expect(302);
      expect(new URL(res.headers.location).searchParams.get('error')).toBe('invalid_request');
    });

    it('rejects the sign-in form without its CSRF token', async () => {
      const { user } = await signedInUser();
      await request(t.http).post('/oauth/login').type('form').send({ email: user.email, password: PASSWORD }).expect(403);
    });
  });

  describe('token endpoint', () => {
    it('refuses an unknown client and a bad secret with 401 invalid_client', async () => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const unknown = await token({ grant_type: 'client_credentials', client_id: 'nope', client_secret: 'x' }).expect(401);
      expect(unknown.body).toMatchObject({ error: 'invalid_client' });
      const wrong = await token({ grant_type: 'client_credentials' }, basic(client.clientId, 'wwcs_wrong')).expect(401);
      expect(wrong.body.error).toBe('invalid_client');
      expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);
    });

    it('issues client-credentials tokens from JSON bodies, without a refresh token, acting as the app owner', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const res = await request(t.http)
        .post('/oauth/token')
        .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret })
        .expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 1296000, scope: 'read' });
      expect(res.body).not.toHaveProperty('refresh_token');
      const workspaces = await request(t.http)
        .get('/api/v2/workspaces')
        .set('Authorization', `Bearer ${res.body.access_token}`)
        .expect(200);
      expect(workspaces.body.data.map((w: { id: number }) => w.id)).toEqual([ws.id]);
    });

    it('refuses a grant the app is not registered for (unauthorized_client)', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const res = await token({ grant_type: 'client_credentials' }, basic(client.clientId, clientSecret!)).expect(400);
      expect(res.body.error).toBe('unauthorized_client');
      const unsupported = await token({ grant_type: 'password' }, basic(client.clientId, clientSecret!)).expect(400);
      expect(unsupported.body.error).toBe('unsupported_grant_type');
    });

    it('accepts a code once only', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const { code } = await obtainCode(client.clientId);
      const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
      await token(fields, basic(client.clientId, clientSecret!)).expect(200);
      const replay = await token(fields, basic(client.clientId, clientSecret!)).expect(400);
      expect(replay.body.error).toBe('invalid_grant');
    });

    it('refuses an expired code', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const { code } = await obtainCode(client.clientId);
      await t.dataSource.query(`UPDATE oauth_authorization_codes SET expires_at = now() - interval '1 second' WHERE client_id = $1`, [
        client.id,
      ]);
      const res = await token(
        { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
        basic(client.clientId, clientSecret!),
      ).expect(400);
      expect(res.body.error).toBe('invalid_grant');
    });

    it('refuses a code sent with another redirect URI', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, {
        redirectUris: [REDIRECT, 'http://127.0.0.1:9/other'],
      });
      const { code } = await obtainCode(client.clientId);
      const res = await token(
        { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/other' },
        basic(client.clientId, clientSecret!),
      ).expect(400);
      expect(['invalid_grant', 'invalid_request']).toContain(res.body.error);
    });

    it('checks the PKCE verifier (mismatch and missing) for a public client', async () => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId, { confidential: false });
      const pkce = pkcePair();
      const extra = { code_challenge: pkce.challenge, code_challenge_method: 'S256' };
      const first = await obtainCode(client.clientId, extra);
      const mismatch = await token({
        grant_type: 'authorization_code',
        code: first.code,
        redirect_uri: REDIRECT,
        client_id: client.clientId,
        code_verifier: pkcePair().verifier,
      }).expect(400);
      expect(mismatch.body.error).toBe('invalid_grant');
      const second = await obtainCode(client.clientId, extra);
      const missing = await token({
        grant_type: 'authorization_code',
        code: second.code,
        redirect_uri: REDIRECT,
        client_id: client.clientId,
      });
      expect(missing.status).toBeGreaterThanOrEqual(400);
      expect(['invalid_grant', 'invalid_request']).toContain(missing.body.error);
      const third = await obtainCode(client.clientId, extra);
      const ok = await token({
        grant_type: 'authorization_code',
        code: third.code,
        redirect_uri: REDIRECT,
        client_id: client.clientId,
        code_verifier: pkce.verifier,
      }).expect(200);
      expect(ok.body.refresh_token).toMatch(/^wwrt_/);
    });

    it('revokes the whole family when a rotated refresh token is replayed', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const { code } = await obtainCode(client.clientId);
      const first = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, auth).expect(200)).body;
      const second = (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, auth).expect(200)).body;
      const replay = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, auth).expect(400);
      expect(replay.body).toMatchObject({ error: 'invalid_grant', message: 'The refresh token is invalid.' });
      await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${second.access_token}`).expect(401);
      const afterFamily = await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token }, auth).expect(400);
      expect(afterFamily.body.error).toBe('invalid_grant');
    });

    it('never widens scope on refresh', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const { code } = await obtainCode(client.clientId, { scope: 'read' });
      const issued = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, auth).expect(200)).body;
      const res = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, scope: 'read write' }, auth).expect(400);
      expect(res.body.error).toBe('invalid_scope');
    });
  });

  describe('authorization-code reuse (RFC 6749 §4.1.2)', () => {
    const call = (accessToken: string) => request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${accessToken}`);

    it('revokes every token issued from a code, rotated descendants included, when the code is used again', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const { code } = await obtainCode(client.clientId);
      const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
      const first = (await token(fields, auth).expect(200)).body;
      const rotated = (await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, auth).expect(200)).body;
      await call(rotated.access_token).expect(200);

      const replay = await token(fields, auth).expect(400);
      expect(replay.body.error).toBe('invalid_grant');
      await call(rotated.access_token).expect(401);
      const refresh = await token({ grant_type: 'refresh_token', refresh_token: rotated.refresh_token }, auth).expect(400);
      expect(refresh.body.error).toBe('invalid_grant');
    });

    it('leaves tokens from other codes of the same user and client alone', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const one = await obtainCode(client.clientId);
      const two = await obtainCode(client.clientId);
      const fromOne = (await token({ grant_type: 'authorization_code', code: one.code, redirect_uri: REDIRECT }, auth).expect(200)).body;
      const fromTwo = (await token({ grant_type: 'authorization_code', code: two.code, redirect_uri: REDIRECT }, auth).expect(200)).body;
      await token({ grant_type: 'authorization_code', code: one.code, redirect_uri: REDIRECT }, auth).expect(400);
      await call(fromOne.access_token).expect(401);
      await call(fromTwo.access_token).expect(200);
    });

    it('lets at most one of two concurrent exchanges succeed, and no token from the code survives them', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const { code } = await obtainCode(client.clientId);
      const fields = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
      const results = await Promise.all([token(fields, auth), token(fields, auth)]);
      const issued = results.filter((res) => res.status === 200);
      expect(issued.length).toBeLessThanOrEqual(1);
      for (const res of results.filter((r) => r.status !== 200)) expect(res.body.error).toBe('invalid_grant');
      for (const res of issued) await call(res.body.access_token).expect(401);
    });
  });

  describe('refresh validation happens before rotation', () => {
    async function issuedPair(scope = 'read write') {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId);
      const auth = basic(client.clientId, clientSecret!);
      const { code } = await obtainCode(client.clientId, { scope });
      const issued = (await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, auth).expect(200)).body;
      return { auth, issued };
    }

    it.each(['read admin', 'superuser', 'read\u0001'])(
      'answers invalid_scope for scope %j and keeps the refresh token usable',
      async (scope) => {
        const { auth, issued } = await issuedPair();
        const refused = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, scope }, auth).expect(400);
        expect(refused.body.error).toBe('invalid_scope');
        await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${issued.access_token}`).expect(200);
        const retried = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, scope: 'read' }, auth).expect(200);
        expect(retried.body.scope).toBe('read');
        await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${retried.body.access_token}`).expect(200);
      },
    );

    it('keeps the refresh token usable after another client presented it', async () => {
      const { ws } = await signedInUser();
      const { auth, issued } = await issuedPair();
      const other = await t.factories.oauthApp(ws.owner.userId);
      const stolen = await token(
        { grant_type: 'refresh_token', refresh_token: issued.refresh_token },
        basic(other.client.clientId, other.clientSecret!),
      ).expect(400);
      expect(stolen.body.error).toBe('invalid_grant');
      await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token }, auth).expect(200);
    });
  });

  describe('client authentication', () => {
    const b64 = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
    const ENDPOINTS = [
      ['/oauth/token', { grant_type: 'client_credentials' }],
      ['/oauth/revoke', { token: 'wwat_unknown' }],
    ] as const;
    const MALFORMED_BASIC: [string, (clientId: string) => string][] = [
      ['bad percent-encoding (%zz:%zz)', () => 'Basic JXp6OiV6eg=='],
      ['bad percent-encoding in the secret only', (id) => b64(`${id}:%E0%A4%A`)],
      ['not base64', () => 'Basic !!!not*base64!!!'],
      ['padding inside the base64', (id) => `${b64(`${id}:`)}=${Buffer.from('x').toString('base64')}`],
      ['an empty credential', () => 'Basic '],
      ['no colon', (id) => b64(id)],
      ['an empty client id', () => b64(':wwcs_secret')],
      ['an over-long client id', () => b64(`${'a'.repeat(5000)}:x`)],
      ['an over-long secret', (id) => b64(`${id}:${'x'.repeat(5000)}`)],
      ['control characters', (id) => b64(`${id}:sec\u0001ret`)],
      ['invalid UTF-8', (id) => `Basic ${Buffer.concat([Buffer.from(`${id}:`), Buffer.from([0xc3, 0x28])]).toString('base64')}`],
    ];

    it.each(ENDPOINTS.flatMap(([path, fields]) => MALFORMED_BASIC.map(([name, header]) => [path, name, fields, header] as const)))(
      '%s answers 401 invalid_client with a Basic challenge for %s',
      async (path, _name, fields, header) => {
        const { ws } = await signedInUser();
        const { client } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
        const res = await request(t.http).post(path).type('form').set('Authorization', header(client.clientId)).send(fields);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error: 'invalid_client', error_description: expect.any(String), message: expect.any(String) });
        expect(res.headers['www-authenticate']).toMatch(/^Basic/);
      },
    );

    it.each(ENDPOINTS)('%s answers 401 invalid_client without a Basic challenge for malformed body credentials', async (path, fields) => {
      const { ws } = await signedInUser();
      const { client } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      for (const credentials of [
        { client_id: client.clientId, client_secret: 'sec\u0001ret' },
        { client_id: 'a'.repeat(5000), client_secret: 'x' },
        { client_id: client.clientId, client_secret: 'x'.repeat(5000) },
      ]) {
        const res = await request(t.http)
          .post(path)
          .type('form')
          .send({ ...fields, ...credentials });
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('invalid_client');
        expect(res.headers['www-authenticate']).toBeUndefined();
      }
    });

    it.each(ENDPOINTS)('%s form-decodes Basic credentials (RFC 6749 §2.3.1)', async (path, fields) => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const encoded = encodeURIComponent(clientSecret!).replace(/_/g, '%5F');
      expect(encoded).not.toBe(clientSecret);
      const res = await request(t.http)
        .post(path)
        .type('form')
        .set('Authorization', b64(`${client.clientId}:${encoded}`))
        .send(fields);
      expect(res.status).toBe(200);
    });

    it('refuses two client authentication methods in one request', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const res = await token(
        { grant_type: 'client_credentials', client_id: client.clientId, client_secret: clientSecret! },
        basic(client.clientId, clientSecret!),
      ).expect(401);
      expect(res.body.error).toBe('invalid_client');
    });
  });

  describe('access tokens at the API', () => {
    it('answers 401 for a revoked or expired access token', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const issue = async () =>
        (await token({ grant_type: 'client_credentials' }, basic(client.clientId, clientSecret!)).expect(200)).body.access_token;
      const revoked = await issue();
      await request(t.http)
        .post('/oauth/revoke')
        .type('form')
        .set(basic(client.clientId, clientSecret!))
        .send({ token: revoked })
        .expect(200);
      await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${revoked}`).expect(401);
      const expired = await issue();
      await t.dataSource.query(`UPDATE oauth_tokens SET access_token_expires_at = now() - interval '1 second' WHERE client_id = $1`, [
        client.id,
      ]);
      const res = await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(res.body.message).toBe('Unauthenticated.');
    });

    it('answers 403 naming the missing scope', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      const readOnly = (await token({ grant_type: 'client_credentials', scope: 'read' }, basic(client.clientId, clientSecret!)).expect(200))
        .body;
      const res = await request(t.http)
        .post(`/api/v2/projects?workspace_id=${ws.id}`)
        .set('Authorization', `Bearer ${readOnly.access_token}`)
        .send({ name: 'Nope' })
        .expect(403);
      expect(res.body.message).toContain('"write"');
      expect(res.headers['www-authenticate']).toContain('insufficient_scope');
      await request(t.http)
        .get(`/api/v2/projects?workspace_id=${ws.id}`)
        .set('Authorization', `Bearer ${readOnly.access_token}`)
        .expect(200);
    });

    it('revocation answers 200 for unknown tokens and 401 for a failed client authentication', async () => {
      const { ws } = await signedInUser();
      const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { grantType: 'client_credentials', redirectUris: [] });
      await request(t.http)
        .post('/oauth/revoke')
        .type('form')
        .set(basic(client.clientId, clientSecret!))
        .send({ token: 'wwat_unknown' })
        .expect(200);
      const res = await request(t.http)
        .post('/oauth/revoke')
        .type('form')
        .set(basic(client.clientId, 'bad'))
        .send({ token: 'x' })
        .expect(401);
      expect(res.body.error).toBe('invalid_client');
    });
  });

  it('publishes RFC 8414 metadata with every required field', async () => {
    const res = await request(t.http).get('/.well-known/oauth-authorization-server').expect(200);
    const metadata = res.body as Record<string, unknown>;
    // RFC 8414 §2: issuer and response_types_supported are REQUIRED; the endpoints are required for the code grant.
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'response_types_supported'])
      expect(metadata).toHaveProperty(field);
    const issuer = new URL(String(metadata.issuer));
    expect(issuer.search).toBe('');
    expect(issuer.hash).toBe('');
    expect(metadata).toMatchObject({
      scopes_supported: ['read', 'write', 'admin'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      revocation_endpoint: `${metadata.issuer}/oauth/revoke`,
    });
  });
});

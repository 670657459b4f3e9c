import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { Strategy as OAuth2Strategy, VerifyCallback } from 'passport-oauth2';
import { FormBrowser } from './support/oauth-browser';
import { createListeningTestApp, TestApp } from './support/test-app';

interface StrategyOutcome {
  redirect?: string;
  user?: { accessToken: string; refreshToken: string; params: Record<string, unknown> };
  failure?: unknown;
}

/** Runs one passport `authenticate` step outside Express, resolving on redirect, success, failure or error. */
function runStrategy(strategy: OAuth2Strategy, request: Record<string, unknown>): Promise<StrategyOutcome> {
  return new Promise((resolve, reject) => {
    const step = Object.create(strategy) as OAuth2Strategy & Record<string, unknown>;
    step.redirect = (url: string) => resolve({ redirect: url });
    step.success = (user: unknown) => resolve({ user: user as StrategyOutcome['user'] });
    step.fail = (failure: unknown) => resolve({ failure });
    step.error = (error: Error) => reject(error);
    step.authenticate(request as never, {});
  });
}

function refresh(strategy: OAuth2Strategy, refreshToken: string): Promise<{ accessToken: string; refreshToken: string }> {
  const oauth2 = (strategy as unknown as { _oauth2: { getOAuthAccessToken: (...args: unknown[]) => void } })._oauth2;
  return new Promise((resolve, reject) =>
    oauth2.getOAuthAccessToken(refreshToken, { grant_type: 'refresh_token' }, (error: unknown, accessToken: string, newRefresh: string) =>
      error ? reject(error) : resolve({ accessToken, refreshToken: newRefresh }),
    ),
  );
}

describe('OAuth2 authorization-code flow driven by passport-oauth2 (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let baseUrl: string;

  beforeAll(async () => {
    t = await createListeningTestApp();
    baseUrl = t.baseUrl;
  });
  afterAll(async () => t.close());

  it('authorize → sign-in/consent → callback → token → API call → refresh → revoke', async () => {
    const ws = await t.factories.workspace();
    const user = await t.factories.user({ email: `flow-${Date.now()}@example.com` });
    await t.factories.addMembership(ws.id, user.id, Role.RegularUser);
    await t.factories.password(user.id, 'correct horse battery staple');
    const redirectUri = 'http://127.0.0.1:9/callback';
    const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { redirectUris: [redirectUri] });

    const strategy = new OAuth2Strategy(
      {
        authorizationURL: `${baseUrl}/oauth/authorize`,
        tokenURL: `${baseUrl}/oauth/token`,
        clientID: client.clientId,
        clientSecret: clientSecret!,
        callbackURL: redirectUri,
        scope: ['read', 'write'],
        state: true,
        pkce: true,
      },
      (accessToken: string, refreshToken: string, params: Record<string, unknown>, _profile: unknown, done: VerifyCallback) =>
        done(null, { accessToken, refreshToken, params }),
    );
    const session = {};

    const start = await runStrategy(strategy, { query: {}, session });
    expect(start.redirect).toContain('/oauth/authorize?');
    const authorizeUrl = new URL(start.redirect!);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');

    const callback = await new FormBrowser(baseUrl).authorize(authorizeUrl.toString(), {
      email: user.email,
      password: 'correct horse battery staple',
    });
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe(authorizeUrl.searchParams.get('state'));

    const done = await runStrategy(strategy, { query: Object.fromEntries(callback.searchParams), session });
    expect(done.user?.accessToken).toMatch(/^wwat_/);
    expect(done.user?.refreshToken).toMatch(/^wwrt_/);
    expect(done.user?.params).toMatchObject({ token_type: 'Bearer', expires_in: 1296000, scope: 'read write' });

    const call = (token: string) => fetch(`${baseUrl}/api/v2/workspaces`, { headers: { Authorization: `Bearer ${token}` } });
    const workspaces = await call(done.user!.accessToken);
    expect(workspaces.status).toBe(200);
    expect(((await workspaces.json()) as { data: { id: number }[] }).data.map((w) => w.id)).toEqual([ws.id]);

    const refreshed = await refresh(strategy, done.user!.refreshToken);
    expect(refreshed.refreshToken).not.toBe(done.user!.refreshToken);
    expect((await call(refreshed.accessToken)).status).toBe(200);
    // Rotation retires the old pair.
    expect((await call(done.user!.accessToken)).status).toBe(401);

    const revoked = await fetch(`${baseUrl}/oauth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.clientId}:${clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: refreshed.accessToken, token_type_hint: 'access_token' }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect((await call(refreshed.accessToken)).status).toBe(401);
    await expect(refresh(strategy, refreshed.refreshToken)).rejects.toBeDefined();
  });
});

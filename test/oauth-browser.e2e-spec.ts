import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Role } from '@app/auth';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, describeWithChromium, hasChromium, launchChromium } from './support/chromium';
import { pkcePair } from './support/pkce';
import { createListeningTestApp, TestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
// Chromium starts slowly on small CI machines.
const TIMEOUT = 60_000;

const describeIfChromium = describeWithChromium('oauth-browser.e2e-spec');

/** A stand-in for the client application's redirect endpoint: records every query it receives. */
interface CallbackServer {
  url: string;
  received: URLSearchParams[];
  close(): Promise<void>;
}

async function startCallbackServer(): Promise<CallbackServer> {
  const received: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/callback') received.push(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describeIfChromium(`OAuth2 sign-in and consent pages in headless Chromium (e2e)${hasChromium ? '' : ` [skipped: no ${CHROMIUM}]`}`, () => {
  let t: TestApp & { baseUrl: string };
  let baseUrl: string;
  let browser: Browser;
  let callback: CallbackServer;

  beforeAll(async () => {
    t = await createListeningTestApp();
    baseUrl = t.baseUrl;
    callback = await startCallbackServer();
    browser = await launchChromium();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await callback?.close();
    await t?.close();
  }, TIMEOUT);

  async function setup() {
    const ws = await t.factories.workspace();
    const user = await t.factories.user({ email: `browser-${randomBytes(4).toString('hex')}@example.com` });
    await t.factories.addMembership(ws.id, user.id, Role.RegularUser);
    await t.factories.password(user.id, PASSWORD);
    const appName = `Browser App ${randomBytes(3).toString('hex')}`;
    const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { name: appName, redirectUris: [callback.url] });
    const pkce = pkcePair();
    const state = randomBytes(12).toString('base64url');
    const authorizeUrl = `${baseUrl}/oauth/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: callback.url,
      scope: 'read write',
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    })}`;
    return { ws, user, client, clientSecret: clientSecret!, appName, pkce, state, authorizeUrl };
  }

  /** Runs `body` with a fresh page in its own context, so no session cookie leaks between tests. */
  async function withPage(body: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    try {
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  async function signIn(page: Page, authorizeUrl: string, email: string, password: string) {
    await page.goto(authorizeUrl);
    await page.fill('#email', email);
    await page.fill('#password', password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/oauth/login'),
      page.click('#sign-in'),
    ]);
    await page.waitForLoadState();
    return response;
  }

  async function decide(page: Page, button: '#approve' | '#deny'): Promise<URLSearchParams> {
    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.url)), page.click(button)]);
    expect(await page.textContent('body')).toBe('ok');
    return new URL(page.url()).searchParams;
  }

  it(
    'signs in, approves, and the code from the callback buys a working token',
    async () => {
      const flow = await setup();
      await withPage(async (page) => {
        await signIn(page, flow.authorizeUrl, flow.user.email, PASSWORD);
        await page.waitForSelector('#approve');
        expect(await page.textContent('h1')).toBe(`Authorize ${flow.appName}`);
        const scopes = await page.locator('li strong').allTextContents();
        expect(scopes).toEqual(['read', 'write']);

        const query = await decide(page, '#approve');
        expect(query.get('state')).toBe(flow.state);
        const code = query.get('code');
        expect(code).toBeTruthy();
        expect(callback.received.some((q) => q.get('code') === code && q.get('state') === flow.state)).toBe(true);

        const token = await fetch(`${baseUrl}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code: code!,
            redirect_uri: callback.url,
            client_id: flow.client.clientId,
            client_secret: flow.clientSecret,
            code_verifier: flow.pkce.verifier,
          }).toString(),
        });
        expect(token.status).toBe(200);
        const { access_token: accessToken, scope } = (await token.json()) as { access_token: string; scope: string };
        expect(scope).toBe('read write');

        const workspaces = await fetch(`${baseUrl}/api/v2/workspaces`, { headers: { Authorization: `Bearer ${accessToken}` } });
        expect(workspaces.status).toBe(200);
        expect(((await workspaces.json()) as { data: { id: number }[] }).data.map((w) => w.id)).toEqual([flow.ws.id]);
      });
    },
    TIMEOUT,
  );

  it(
    'sends access_denied and the state to the callback when the user denies',
    async () => {
      const flow = await setup();
      await withPage(async (page) => {
        await signIn(page, flow.authorizeUrl, flow.user.email, PASSWORD);
        await page.waitForSelector('#deny');
        const query = await decide(page, '#deny');
        expect(query.get('error')).toBe('access_denied');
        expect(query.get('state')).toBe(flow.state);
        expect(query.get('code')).toBeNull();
      });
    },
    TIMEOUT,
  );

  it(
    'shows an error for a wrong password and issues no code',
    async () => {
      const flow = await setup();
      await withPage(async (page) => {
        const response = await signIn(page, flow.authorizeUrl, flow.user.email, 'not the password');
        expect(response.status()).toBe(401);
        expect(await page.textContent('[role=alert]')).toBe('Invalid email or password, or too many attempts.');
        expect(await page.locator('#approve').count()).toBe(0);
        expect(new URL(page.url()).pathname).toBe('/oauth/login');
      });
      expect(callback.received.filter((q) => q.get('state') === flow.state)).toEqual([]);
      const [{ codes }] = (await t.dataSource.query('SELECT count(*)::int AS codes FROM oauth_authorization_codes WHERE client_id = $1', [
        flow.client.id,
      ])) as { codes: number }[];
      expect(codes).toBe(0);
    },
    TIMEOUT,
  );
});

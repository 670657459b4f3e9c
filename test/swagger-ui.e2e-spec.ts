import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Role } from '@app/auth';
import type { Browser, Page } from 'playwright-core';
import { describeWithChromium, hasChromium, launchChromium } from './support/chromium';
import { swaggerUiRedirectUri } from '../apps/api/src/swagger-ui';
import { createListeningTestApp, freePort, TestApp } from './support/test-app';

const PASSWORD = 'correct horse battery staple';
// Chromium starts slowly on small CI machines, and this test walks a whole OAuth flow.
const TIMEOUT = 90_000;

const describeIfChromium = describeWithChromium('swagger-ui.e2e-spec');

describeIfChromium(`Swagger UI: Authorize with OAuth (code + PKCE), then Try it out (e2e)${hasChromium ? '' : ` [skipped]`}`, () => {
  // The client id is configured before the app exists, so the factory registers the client under it.
  const clientId = `swagger-ui-${randomBytes(6).toString('hex')}`;
  let t: TestApp & { baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    // PUBLIC_URL must be the address the browser uses: the redirect URI is built from it.
    const port = await freePort();
    t = await createListeningTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}`, SWAGGER_OAUTH_CLIENT_ID: clientId }, { port });
    browser = await launchChromium();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  }, TIMEOUT);

  async function setup() {
    const ws = await t.factories.workspace();
    const user = await t.factories.user({ email: `swagger-${randomBytes(4).toString('hex')}@example.com` });
    await t.factories.addMembership(ws.id, user.id, Role.ExecutiveManager);
    await t.factories.password(user.id, PASSWORD);
    const project = await t.factories.project(ws.id, { name: 'Website relaunch' });
    await t.factories.oauthApp(
      ws.owner.userId,
      { name: 'Swagger UI', confidential: false, redirectUris: [swaggerUiRedirectUri(t.baseUrl)] },
      { clientId },
    );
    return { ws, user, project };
  }

  /** Runs Swagger UI's Authorize dialog for the authorization-code flow; the popup signs in and approves. */
  async function authorize(page: Page, email: string): Promise<URL> {
    await page.click('.auth-wrapper .authorize');
    // One block per scheme and flow; the code flow's block names its flow (and keeps it once authorized).
    const flow = page.locator('.auth-container', { hasText: 'authorizationCode' });
    await expect(flow.locator('#client_id_authorizationCode').inputValue()).resolves.toBe(clientId);
    const [popup] = await Promise.all([page.waitForEvent('popup'), flow.locator('button.authorize').click()]);
    const authorizeUrl = new URL(popup.url());
    await popup.fill('#email', email);
    await popup.fill('#password', PASSWORD);
    await popup.click('#sign-in');
    await popup.waitForSelector('#approve');
    const [token] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/oauth/token'),
      popup.click('#approve'),
    ]);
    expect(token.status()).toBe(200);
    await flow.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await expect(flow.locator('h6').textContent()).resolves.toBe('Authorized');
    await flow.locator('.btn-done').click();
    return authorizeUrl;
  }

  /** Opens an operation, clicks "Try it out", optionally fills parameters, and executes it. */
  async function tryItOut(page: Page, operationDomId: string, path: string, fill: Record<string, string> = {}) {
    const operation = page.locator(`#${operationDomId}`);
    await operation.locator('.opblock-summary').click();
    await operation.locator('.try-out__btn').click();
    for (const [name, value] of Object.entries(fill)) {
      await operation.locator(`tr[data-param-name="${name}"] input`).fill(value);
    }
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === path),
      operation.locator('button.execute').click(),
    ]);
    await operation.locator('.live-responses-table tbody .response-col_status').first().waitFor();
    return {
      response,
      status: (await operation.locator('.live-responses-table tbody .response-col_status').first().textContent())?.trim(),
    };
  }

  it(
    'signs in and approves in the popup, comes back authorized, and Try it out lists the workspace; no filter is pre-filled',
    async () => {
      const { ws, user, project } = await setup();
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${t.baseUrl}/docs`);
        await page.waitForSelector('.auth-wrapper .authorize');

        const authorizeUrl = await authorize(page, user.email);
        expect(authorizeUrl.pathname).toBe('/oauth/authorize');
        expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: `${t.baseUrl}/docs/oauth2-redirect.html`,
          scope: 'read write',
          code_challenge_method: 'S256',
        });
        expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

        const workspaces = await tryItOut(page, 'operations-Workspaces-listWorkspaces', '/api/v2/workspaces');
        expect(workspaces.status).toBe('200');
        expect(workspaces.response.request().headers().authorization).toMatch(/^Bearer wwat_/);
        const listed = (await workspaces.response.json()) as { data: { id: number }[] };
        expect(listed.data.map((workspace) => workspace.id)).toEqual([ws.id]);

        const projects = await tryItOut(page, 'operations-Projects-listProjects', '/api/v2/projects', { workspace_id: String(ws.id) });
        expect(projects.status).toBe('200');
        const query = new URL(projects.response.url()).searchParams;
        expect(query.has('name')).toBe(false);
        expect(query.get('workspace_id')).toBe(String(ws.id));
        const found = (await projects.response.json()) as { data: { id: number }[] };
        expect(found.data.map((p) => p.id)).toEqual([project.id]);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});

import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, describeWithChromium, hasChromium, launchChromium } from './support/chromium';
import { pkcePair } from './support/pkce';
import { decodedBody, SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver';
import { createListeningTestApp, freePort, TestApp } from './support/test-app';
import { TestWorkspace } from './support/factories';

const PASSWORD = 'invited and now with a password';
// Chromium starts slowly on small CI machines.
const TIMEOUT = 60_000;

const describeIfChromium = describeWithChromium('invitation-browser.e2e-spec');

/** The client application's redirect endpoint: answers "ok" and keeps the last query. */
async function startCallbackServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callback`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describeIfChromium(`Accepting an invitation in headless Chromium (e2e)${hasChromium ? '' : ` [skipped: no ${CHROMIUM}]`}`, () => {
  let t: TestApp & { baseUrl: string };
  let browser: Browser;
  let smtp: SmtpReceiver;
  let callback: { url: string; close(): Promise<void> };
  let ws: TestWorkspace;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    callback = await startCallbackServer();
    // PUBLIC_URL must name the listening server, so the e-mailed link opens in the browser.
    const port = await freePort();
    t = await createListeningTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
    browser = await launchChromium();
    ws = await t.factories.workspaces.create({ name: 'Browser Works' });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await callback?.close();
    await smtp?.close();
  }, TIMEOUT);

  async function withPage(body: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext();
    try {
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** inviteMember through the API, then the link as the invitee's mailbox shows it. */
  async function inviteByMail(): Promise<{ email: string; userId: number; link: string }> {
    const email = `browser-${randomBytes(4).toString('hex')}@example.com`;
    const res = await fetch(`${t.baseUrl}/api/v2/members?workspace_id=${ws.id}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ws.owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email, firstname: 'Bea', lastname: 'Browser', role: 'Regular User' }),
    });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { user_id: number; invitation_link: string } };
    const mail = await smtp.waitFor(email);
    const link = decodedBody(mail.raw).match(/http:\/\/127\.0\.0\.1:\d+\/dashboard\/accept-invitation\/wwinv_[\w-]{43}/)?.[0];
    expect(link).toBe(data.invitation_link);
    return { email, userId: data.user_id, link: link as string };
  }

  /** The OAuth authorization-code flow with PKCE, signing in with the new password: a token the API accepts. */
  async function tokenBySignIn(page: Page, email: string): Promise<string> {
    const { client, clientSecret } = await t.factories.oauthApp(ws.owner.userId, { redirectUris: [callback.url] });
    const pkce = pkcePair();
    await page.goto(
      `${t.baseUrl}/oauth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: callback.url,
        scope: 'read',
        state: 'invited',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      })}`,
    );
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForSelector('#approve'), page.click('#sign-in')]);
    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.url)), page.click('#approve')]);
    const code = new URL(page.url()).searchParams.get('code') as string;
    const token = await fetch(`${t.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: callback.url,
        client_id: client.clientId,
        client_secret: clientSecret as string,
        code_verifier: pkce.verifier,
      }).toString(),
    });
    expect(token.status).toBe(200);
    return ((await token.json()) as { access_token: string }).access_token;
  }

  it(
    'opens the e-mailed link, sets a password, and the new member signs in to a token that works',
    async () => {
      const invited = await inviteByMail();
      await withPage(async (page) => {
        const shown = await page.goto(invited.link);
        expect(shown?.status()).toBe(200);
        expect(await page.textContent('h1')).toBe('Join Browser Works');
        expect(await page.textContent('#email')).toBe(invited.email);
        await page.fill('#password', PASSWORD);
        await page.fill('#password_confirmation', PASSWORD);
        await Promise.all([page.waitForSelector('#accepted'), page.click('#accept')]);
        expect(await page.textContent('#accepted')).toBe('Welcome to Browser Works');

        const accessToken = await tokenBySignIn(page, invited.email);
        const workspaces = await fetch(`${t.baseUrl}/api/v2/workspaces`, { headers: { Authorization: `Bearer ${accessToken}` } });
        expect(((await workspaces.json()) as { data: { id: number }[] }).data.map((w) => w.id)).toEqual([ws.id]);
        const me = await fetch(`${t.baseUrl}/api/v2/members/${invited.userId}?workspace_id=${ws.id}`, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        expect(me.status).toBe(200);
        expect(((await me.json()) as { data: { status: string } }).data.status).toBe('active');

        const again = await page.goto(invited.link);
        expect(again?.status()).toBe(410);
        expect(await page.textContent('#refused')).toContain('already been accepted');
        expect(await page.locator('#accept').count()).toBe(0);
      });
    },
    TIMEOUT,
  );

  it(
    'refuses an expired link with a clear page and leaves the membership inactive',
    async () => {
      const invited = await inviteByMail();
      await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [invited.userId]);
      await withPage(async (page) => {
        const shown = await page.goto(invited.link);
        expect(shown?.status()).toBe(410);
        expect(await page.textContent('#refused')).toContain('This invitation link has expired.');
        expect(await page.locator('#password').count()).toBe(0);
      });
      const [row] = await t.dataSource.query('SELECT status FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [
        ws.id,
        invited.userId,
      ]);
      expect(row.status).toBe('inactive');
    },
    TIMEOUT,
  );

  it(
    'refuses a link that expires between showing the form and submitting it',
    async () => {
      const invited = await inviteByMail();
      await withPage(async (page) => {
        await page.goto(invited.link);
        await page.fill('#password', PASSWORD);
        await page.fill('#password_confirmation', PASSWORD);
        await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [invited.userId]);
        await Promise.all([page.waitForSelector('#refused'), page.click('#accept')]);
        expect(await page.textContent('#refused')).toContain('has expired');
      });
      const [user] = await t.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [invited.userId]);
      expect(user.password_hash).toBeNull();
    },
    TIMEOUT,
  );
});

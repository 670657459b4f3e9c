import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '@app/auth';
import argon2 from 'argon2';
import { FormBrowser, hiddenFields } from './support/oauth-browser';
import { createListeningTestApp, TestApp } from './support/test-app';

const REDIRECT = 'http://127.0.0.1:9/callback';
const PASSWORD = 'a long and unguessable passphrase';
const GENERIC = 'Invalid email or password, or too many attempts.';

/**
 * Sign-in on the authorization pages: one answer for every failure (unknown account, wrong password, throttled),
 * the same argon2 work on every path, and throttling per (account, IP) and per IP, so a stranger cannot lock
 * a victim out. Behind TRUST_PROXY, X-Forwarded-For sets the client address.
 */
describe('Sign-in page: no account enumeration, throttled per account and address (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let authorizeUrl: string;
  let addresses = 0;
  const freshAddress = (): string => `198.51.${Math.floor(++addresses / 250)}.${addresses % 250}`;

  beforeAll(async () => {
    t = await createListeningTestApp({ TRUST_PROXY: 'true' });
    const ws = await t.factories.workspace();
    const { client } = await t.factories.oauthApp(ws.owner.userId);
    authorizeUrl = `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.clientId, redirect_uri: REDIRECT })}`;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => t.close());

  async function account(): Promise<string> {
    const ws = await t.factories.workspace();
    const user = await t.factories.user();
    await t.factories.addMembership(ws.id, user.id, Role.RegularUser);
    await t.factories.password(user.id, PASSWORD);
    return user.email;
  }

  /** A browser at one client address, holding the sign-in form's hidden fields. */
  async function browserAt(address: string) {
    const browser = new FormBrowser(t.baseUrl, { 'x-forwarded-for': address });
    const fields = hiddenFields(await (await browser.get(authorizeUrl)).text());
    return async (email: string, password: string) => {
      const res = await browser.postForm('/oauth/login', { ...fields, email, password });
      return { status: res.status, body: await res.text() };
    };
  }

  const unknownEmail = (): string => `nobody-${addresses}-${Date.now()}@example.com`;

  it('answers an unknown account, a wrong password and a throttled account alike, with one argon2 verification each', async () => {
    const verify = jest.spyOn(argon2, 'verify');
    const known = await account();
    const unknown = unknownEmail();
    const signIn = await browserAt(freshAddress());
    const attempt = async (email: string, password: string) => {
      const before = verify.mock.calls.length;
      const result = await signIn(email, password);
      expect(verify.mock.calls.length - before).toBe(1);
      return result;
    };

    const unknownAnswer = await attempt(unknown, 'wrong password');
    expect(unknownAnswer.status).toBe(401);
    expect(unknownAnswer.body).toContain(GENERIC);
    expect(await attempt(known, 'wrong password')).toEqual(unknownAnswer);
    for (let failure = 1; failure < 5; failure++) {
      expect(await attempt(known, 'wrong password')).toEqual(unknownAnswer);
      expect(await attempt(unknown, 'wrong password')).toEqual(unknownAnswer);
    }
    // Both pairs are throttled now: even the right password gets the same answer, with the same work.
    expect(await attempt(known, PASSWORD)).toEqual(unknownAnswer);
    expect(await attempt(unknown, 'wrong password')).toEqual(unknownAnswer);
    expect(unknownAnswer.body).not.toMatch(/locked/i);
  }, 60_000);

  it("lets a victim sign in from another address after a stranger's failures, while the stranger's address is throttled", async () => {
    const victim = await account();
    const attacker = await browserAt(freshAddress());
    for (let failure = 0; failure < 8; failure++) expect((await attacker(victim, `guess ${failure}`)).status).toBe(401);
    expect((await attacker(victim, PASSWORD)).status).toBe(401);

    const fromHome = await browserAt(freshAddress());
    const signedIn = await fromHome(victim, PASSWORD);
    expect(signedIn.status).toBe(303);
  }, 60_000);

  it('throttles an address that fails against many accounts, for every account, from that address only', async () => {
    const attacker = await browserAt(freshAddress());
    for (let failure = 0; failure < 20; failure++) expect((await attacker(unknownEmail() + failure, 'guess')).status).toBe(401);
    const bystander = await account();
    expect((await attacker(bystander, PASSWORD)).status).toBe(401);
    expect((await (await browserAt(freshAddress()))(bystander, PASSWORD)).status).toBe(303);
  }, 60_000);

  it('forgets the failures of an (account, address) pair once it signs in', async () => {
    const email = await account();
    const signIn = await browserAt(freshAddress());
    for (let round = 0; round < 2; round++) {
      for (let failure = 0; failure < 4; failure++) expect((await signIn(email, 'typo')).status).toBe(401);
      expect((await signIn(email, PASSWORD)).status).toBe(303);
    }
  }, 60_000);

  it('blocks an account for everyone only after failures from many addresses (global ceiling)', async () => {
    const victim = await account();
    // 20 addresses × 5 failures reach the ceiling of 100; no single address can contribute more than 5.
    const attackers = await Promise.all(Array.from({ length: 20 }, () => browserAt(freshAddress())));
    for (const attacker of attackers) {
      for (let failure = 0; failure < 7; failure++) await attacker(victim, 'guess');
    }
    expect((await (await browserAt(freshAddress()))(victim, PASSWORD)).status).toBe(401);
  }, 180_000);
});

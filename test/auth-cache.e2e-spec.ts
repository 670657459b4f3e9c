import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { AUTH_LISTENER_APPLICATION_NAME, AuthCache, Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { freePort, RunningServer, startServer, waitForHealth } from './support/server-process';

/** The PAT trigger, switched off in a test to show that an unannounced change is not seen while cached. */
const PAT_UPDATE_TRIGGER = 'personal_access_tokens_auth_notify_update';

async function lastUsedAt(tokenId: number): Promise<Date | null> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM personal_access_tokens WHERE id = $1', [
      tokenId,
    ]);
    return rows[0].last_used_at;
  } finally {
    await client.end();
  }
}

describe('Authentication cache in one process', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_CACHE_TTL_SECONDS: '0' });
  });
  afterAll(async () => t.close());

  it('with AUTH_CACHE_TTL_SECONDS=0 reads every token from the database, even a change no trigger announces', async () => {
    const ws = await t.factories.workspace();
    const call = () => request(t.http).get(`/api/v2/projects?workspace_id=${ws.id}`).set('Authorization', `Bearer ${ws.owner.token}`);
    await call().expect(200);
    expect(t.app.get(AuthCache).serving).toBe(false);
    await t.dataSource.query(`ALTER TABLE personal_access_tokens DISABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    try {
      await t.dataSource.query('UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1', [ws.owner.tokenId]);
      await call().expect(401);
    } finally {
      await t.dataSource.query(`ALTER TABLE personal_access_tokens ENABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    }
  });

  it('with AUTH_CACHE_TTL_SECONDS=0 sees a role change on the next request', async () => {
    const ws = await t.factories.workspace();
    const manager = await t.factories.member(ws.id, Role.ExecutiveManager);
    const create = () =>
      request(t.http).post('/api/v2/projects').set('Authorization', `Bearer ${manager.token}`).send({ workspace_id: ws.id });
    await create().expect(422); // admitted by the guard, refused by validation
    await t.dataSource.query('UPDATE workspace_members SET role = $1 WHERE workspace_id = $2 AND user_id = $3', [
      Role.RegularUser,
      ws.id,
      manager.userId,
    ]);
    await create().expect(403);
  });

  it('writes last_used_at off the request path, at shutdown at the latest', async () => {
    const app = await createTestApp();
    const ws = await app.factories.workspace();
    await request(app.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${ws.owner.token}`).expect(200);
    await request(app.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${ws.owner.token}`).expect(200);
    expect(await lastUsedAt(ws.owner.tokenId)).toBeNull();
    await app.close();
    expect(await lastUsedAt(ws.owner.tokenId)).toBeInstanceOf(Date);
  });

  const onEmbeddedDatabase = process.env.DATABASE_URL ? it.skip : it;
  onEmbeddedDatabase('turns itself off on the embedded database, whose other sessions cannot notify', async () => {
    const app = await createTestApp({ AUTH_CACHE_TTL_SECONDS: '30' });
    try {
      await sleep(2_500);
      expect(app.app.get(AuthCache).serving).toBe(false);
    } finally {
      await app.close();
    }
  });
});

/** Polls (at most `withinMs`) until `url` answers `status` for `token`; returns the last status seen. */
async function statusWithin(url: string, token: string, status: number, withinMs: number, init: RequestInit = {}): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const { status: seen } = await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
    if (seen === status || Date.now() >= deadline) return seen;
    await sleep(50);
  }
}

// Two real server processes need one database they can both reach: a PostgreSQL server (DATABASE_URL).
const onServerDatabase = process.env.DATABASE_URL ? describe : describe.skip;
onServerDatabase('Authentication cache across two server processes', () => {
  let t: TestApp;
  let servers: RunningServer[] = [];
  let ports: number[] = [];
  const a = (path: string) => `http://127.0.0.1:${ports[0]}${path}`;
  const b = (path: string) => `http://127.0.0.1:${ports[1]}${path}`;

  async function waitUntilCacheLive(server: RunningServer, times = 1): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (server.output().split('authentication cache is live').length - 1 >= times) return;
      await sleep(100);
    }
    throw new Error(`the authentication cache did not go live:\n${server.output()}`);
  }

  beforeAll(async () => {
    t = await createTestApp({ AUTH_CACHE_TTL_SECONDS: '0' });
    ports = [await freePort(), await freePort()];
    // A long TTL: within these tests only an invalidation can make a process forget.
    servers = ports.map((port) =>
      startServer({ PORT: String(port), DATABASE_URL: process.env.TEST_DATABASE_URL!, AUTH_CACHE_TTL_SECONDS: '300', SEED_DEMO: 'false' }),
    );
    await Promise.all(servers.map((server, i) => waitForHealth(ports[i], server)));
    await Promise.all(servers.map((server) => waitUntilCacheLive(server)));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await t?.close();
  });

  it('serves a warm token from memory: a change the triggers do not announce is not seen', async () => {
    const ws = await t.factories.workspace();
    const url = b(`/api/v2/projects?workspace_id=${ws.id}`);
    expect(await statusWithin(url, ws.owner.token, 200, 0)).toBe(200);
    await t.dataSource.query(`ALTER TABLE personal_access_tokens DISABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    try {
      await t.dataSource.query('UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1', [ws.owner.tokenId]);
      expect(await statusWithin(url, ws.owner.token, 200, 0)).toBe(200);
    } finally {
      await t.dataSource.query(`ALTER TABLE personal_access_tokens ENABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    }
  });

  it("refuses on B a personal access token revoked through A's API", async () => {
    const ws = await t.factories.workspace();
    const victim = await t.factories.tokens.create({ userId: ws.owner.userId });
    const url = `/api/v2/projects?workspace_id=${ws.id}`;
    expect(await statusWithin(a(url), victim.token, 200, 0)).toBe(200);
    expect(await statusWithin(b(url), victim.token, 200, 0)).toBe(200);
    const revoked = await fetch(a(`/api/v2/personal-access-tokens/${victim.tokenId}`), {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${ws.owner.token}` },
    });
    expect(revoked.status).toBe(200);
    expect(await statusWithin(b(url), victim.token, 401, 1_000)).toBe(401);
    expect(await statusWithin(a(url), victim.token, 401, 1_000)).toBe(401);
  });

  it('refuses a token on the very next request of the process that revoked it, without waiting for the notification', async () => {
    const ws = await t.factories.workspace();
    const victim = await t.factories.tokens.create({ userId: ws.owner.userId });
    const url = a(`/api/v2/projects?workspace_id=${ws.id}`);
    expect(await statusWithin(url, victim.token, 200, 0)).toBe(200);
    // No NOTIFY for this revocation: only the revoking process's own eviction can make it forget the warm token.
    await t.dataSource.query(`ALTER TABLE personal_access_tokens DISABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    try {
      const revoked = await fetch(a(`/api/v2/personal-access-tokens/${victim.tokenId}`), {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${ws.owner.token}` },
      });
      expect(revoked.status).toBe(200);
      expect(await statusWithin(url, victim.token, 401, 0)).toBe(401);
    } finally {
      await t.dataSource.query(`ALTER TABLE personal_access_tokens ENABLE TRIGGER ${PAT_UPDATE_TRIGGER}`);
    }
  });

  it('answers 403 on B after a role change made in SQL', async () => {
    const ws = await t.factories.workspace();
    const manager = await t.factories.member(ws.id, Role.ExecutiveManager);
    const create = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workspace_id: ws.id }) };
    expect(await statusWithin(b('/api/v2/projects'), manager.token, 422, 0, create)).toBe(422);
    await t.dataSource.query('UPDATE workspace_members SET role = $1 WHERE workspace_id = $2 AND user_id = $3', [
      Role.RegularUser,
      ws.id,
      manager.userId,
    ]);
    expect(await statusWithin(b('/api/v2/projects'), manager.token, 403, 1_000, create)).toBe(403);
  });

  it('answers 403 on B once the membership is blocked, and 401 once the user is disabled', async () => {
    const ws = await t.factories.workspace();
    const member = await t.factories.member(ws.id, Role.RegularUser);
    const url = b(`/api/v2/projects?workspace_id=${ws.id}`);
    expect(await statusWithin(url, member.token, 200, 0)).toBe(200);
    await t.dataSource.query('UPDATE workspace_members SET is_blocked = true WHERE workspace_id = $1 AND user_id = $2', [
      ws.id,
      member.userId,
    ]);
    expect(await statusWithin(url, member.token, 403, 1_000)).toBe(403);

    const owner = b(`/api/v2/projects?workspace_id=${ws.id}`);
    expect(await statusWithin(owner, ws.owner.token, 200, 0)).toBe(200);
    await t.dataSource.query('UPDATE users SET is_disabled = true WHERE id = $1', [ws.owner.userId]);
    expect(await statusWithin(owner, ws.owner.token, 401, 1_000)).toBe(401);
  });

  it('serves nothing stale while the listener is down, and caches again once it is back', async () => {
    const ws = await t.factories.workspace();
    const first = await t.factories.tokens.create({ userId: ws.owner.userId });
    const url = b(`/api/v2/projects?workspace_id=${ws.id}`);
    expect(await statusWithin(url, first.token, 200, 0)).toBe(200);

    await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [AUTH_LISTENER_APPLICATION_NAME],
    );
    // pg_terminate_backend only signals: wait until the listeners' sessions are gone (their FATAL sent).
    for (let attempt = 0; attempt < 50; attempt++) {
      const [{ count }] = (await t.dataSource.query(
        `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [AUTH_LISTENER_APPLICATION_NAME],
      )) as { count: number }[];
      if (count === 0) break;
      await sleep(20);
    }
    // Revoked right after the kill, with no listener to hear it: refused at once.
    await t.factories.tokens.revoke(first);
    expect(await statusWithin(url, first.token, 401, 0)).toBe(401);

    // Reconnected (backoff starts at 250 ms), B caches and is invalidated again.
    await waitUntilCacheLive(servers[1], 2);
    const second = await t.factories.tokens.create({ userId: ws.owner.userId });
    expect(await statusWithin(url, second.token, 200, 0)).toBe(200);
    await t.factories.tokens.revoke(second);
    expect(await statusWithin(url, second.token, 401, 1_000)).toBe(401);
  });
});

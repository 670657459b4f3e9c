import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';
import { freePort, RunningServer, startServer, waitForHealth } from './support/server-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

describe('Rate limiting (in memory, one process)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_WINDOW_SECONDS: '2' });
  });
  afterAll(async () => t.close());

  it('counts per principal, answers 429 with Retry-After, and recovers after the window', async () => {
    const ws = await t.factories.workspace();
    const call = () => request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${ws.owner.token}`);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call().expect(200);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await call().expect(429);
    expect(limited.body).toMatchObject({ success: false, message: 'Too Many Attempts.', error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');

    // Another principal has its own budget.
    const other = await t.factories.workspace();
    await request(t.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${other.owner.token}`).expect(200);

    await sleep(Number(limited.headers['retry-after']) * 1000 + 100);
    await call().expect(200);
  });

  it('limits before checking scope or input (401 → 429 → 403 → 422)', async () => {
    const ws = await t.factories.workspace();
    const bad = () => request(t.http).post('/api/v2/projects').set('Authorization', `Bearer ${ws.owner.token}`).send({});
    for (let i = 0; i < 3; i++) await bad().expect(422);
    await bad().expect(429);
    await request(t.http).post('/api/v2/projects').send({}).expect(401);
  });

  it('limits the token endpoint per client IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await request(t.http).post('/oauth/token').type('form').send({ grant_type: 'client_credentials' })).status);
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});

const SHARED_LIMIT = { REDIS_URL, RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_WINDOW_SECONDS: '30' };

async function forgetCounter(userId: number): Promise<void> {
  const redis = new Redis(REDIS_URL);
  await redis.del(`webwork:ratelimit:user:${userId}`);
  redis.disconnect();
}

describe('Rate limiting shared through Redis', () => {
  let available = false;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) {
      if (process.env.CI === 'true') throw new Error(`Redis is required in CI (${REDIS_URL})`);
      process.stdout.write(`\nskipping the shared-limit tests: no Redis at ${REDIS_URL}\n`);
      return;
    }
    first = await createTestApp(SHARED_LIMIT);
    second = await createTestApp(SHARED_LIMIT);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('spends one budget across two app instances', async () => {
    if (!available) return;
    const ws = await first.factories.workspace();
    await forgetCounter(ws.owner.userId);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? first : second;
      statuses.push((await request(app.http).get('/api/v2/workspaces').set('Authorization', `Bearer ${ws.owner.token}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  // Two real server processes need one database they can both reach: a PostgreSQL server (DATABASE_URL).
  const onServerDatabase = process.env.DATABASE_URL ? it : it.skip;
  onServerDatabase(
    'spends one budget across two server processes',
    async () => {
      if (!available) return;
      const ws = await first.factories.workspace();
      await forgetCounter(ws.owner.userId);
      const ports = [await freePort(), await freePort()];
      const servers: RunningServer[] = ports.map((port) =>
        startServer({ ...SHARED_LIMIT, PORT: String(port), DATABASE_URL: process.env.TEST_DATABASE_URL!, LOG_LEVEL: 'warn' }),
      );
      try {
        await Promise.all(servers.map((server, i) => waitForHealth(ports[i], server)));
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/v2/workspaces`, {
            headers: { Authorization: `Bearer ${ws.owner.token}` },
          });
          statuses.push(res.status);
        }
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      } finally {
        for (const server of servers) server.child.kill('SIGTERM');
        await Promise.all(servers.map((server) => server.exited));
      }
    },
    60_000,
  );
});

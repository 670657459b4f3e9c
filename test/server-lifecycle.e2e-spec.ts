import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { MIGRATIONS } from '@app/database/migrations';
import { freePort, RunningServer, startServer, waitForHealth } from './support/server-process';

// Two processes on one database need a PostgreSQL server (DATABASE_URL); PGlite serves one process.
const onServerDatabase = process.env.DATABASE_URL ? it : it.skip;

describe('Server process lifecycle (e2e)', () => {
  const servers: RunningServer[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const start = (env: Record<string, string>): RunningServer => {
    const server = startServer({ LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '30000', ...env });
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    for (const cleanup of cleanups) await cleanup();
  });

  /** A database for one server process: the test server's when there is one, else a fresh embedded one. */
  const databaseEnv = async (): Promise<Record<string, string>> => {
    if (process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) return { DATABASE_URL: process.env.TEST_DATABASE_URL };
    const dataDir = await mkdtemp(join(tmpdir(), 'webwork-lifecycle-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    return { DATABASE_URL: '', DATA_DIR: dataDir, SEED_DEMO: 'false' };
  };

  onServerDatabase(
    'boots several processes at once on an empty database: one migrates, all serve',
    async () => {
      const name = `webwork_boot_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      cleanups.push(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      });
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;

      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      const trio = ports.map((port) => start({ DATABASE_URL: url.toString(), PORT: String(port) }));
      await Promise.all(trio.map((server, i) => waitForHealth(ports[i], server)));

      const database = new pg.Client({ connectionString: url.toString() });
      await database.connect();
      const { rows } = await database.query('SELECT count(*)::int AS applied FROM typeorm_migrations');
      await database.end();
      expect((rows[0] as { applied: number }).applied).toBe(MIGRATIONS.length);
      for (const server of trio) expect(server.output()).not.toMatch(/already exists|Failed to start/);

      for (const server of trio) server.child.kill('SIGTERM');
      expect(await Promise.all(trio.map((server) => server.exited))).toEqual([0, 0, 0]);
    },
    120_000,
  );

  it('exits promptly and cleanly on SIGTERM while a client holds an idle keep-alive connection', async () => {
    const port = await freePort();
    const server = start({ ...(await databaseEnv()), PORT: String(port) });
    await waitForHealth(port, server);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/health', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);

    server.child.kill('SIGTERM');
    // The shutdown deadline (30 s) would exit 1; a clean drain exits 0 with the idle socket closed.
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutdown complete');
    agent.destroy();
  }, 90_000);

  it('answers a request in flight during the drain with the envelope and Connection: close', async () => {
    const port = await freePort();
    const server = start({ ...(await databaseEnv()), PORT: String(port) });
    await waitForHealth(port, server);

    const socket: Socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const body = JSON.stringify({ name: 'in flight' });
    socket.write(
      `POST /api/v2/projects?workspace_id=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 5)}`,
    );
    // The request is on the wire and unfinished when the drain starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(5));
    await closed;

    const [head, payload] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 401/);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(payload)).toMatchObject({ success: false, message: 'Unauthenticated.', meta: { api_version: '2.0.0' } });
    expect(await server.exited).toBe(0);
  }, 90_000);
});

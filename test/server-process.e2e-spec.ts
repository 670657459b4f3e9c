import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort, RunningServer, startServer, waitForHealth } from './support/server-process';

describe('The server process (npm start on the embedded database)', () => {
  const dirs: string[] = [];
  const servers: RunningServer[] = [];
  const start = (env: Record<string, string>): RunningServer => {
    const server = startServer(env);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    // A failed assertion must not leave a server running (it would also keep Jest alive).
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('seeds a demo token once, shuts down gracefully on SIGTERM and keeps its data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webwork-server-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };

    const first = start({ ...env, DATABASE_URL: '' });
    await waitForHealth(port, first);
    const token = /TOKEN=(\S+)/.exec(first.output())?.[1];
    const workspaceId = /WORKSPACE_ID=(\d+)/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const created = await fetch(`http://127.0.0.1:${port}/api/v2/projects?workspace_id=${workspaceId}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Survives restarts' }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: number } };

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutdown complete');

    const second = start({ ...env, DATABASE_URL: '' });
    await waitForHealth(port, second);
    expect(second.output()).not.toContain('TOKEN=');
    const fetched = await fetch(`http://127.0.0.1:${port}/api/v2/projects/${data.id}?workspace_id=${workspaceId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(fetched.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('refuses to start on invalid configuration, naming every bad setting', async () => {
    const server = start({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: '' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be an integer');
    expect(server.output()).toContain('LOG_LEVEL must be one of');
  });
});

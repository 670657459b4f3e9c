import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const MAIN = 'dist/apps/api/src/main.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface RunningServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a user runs it: the built server on the embedded database, no DATABASE_URL. */
function startServer(env: Record<string, string>): RunningServer {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, server: RunningServer): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not become healthy:\n${server.output()}`);
}

describe('The server process (npm start on the embedded database)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('seeds a demo token once, shuts down gracefully on SIGTERM and keeps its data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webwork-server-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port) };

    const first = startServer(env);
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

    const second = startServer(env);
    await waitForHealth(port, second);
    expect(second.output()).not.toContain('TOKEN=');
    const fetched = await fetch(`http://127.0.0.1:${port}/api/v2/projects/${data.id}?workspace_id=${workspaceId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(fetched.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('refuses to start on invalid configuration, naming every bad setting', async () => {
    const server = startServer({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be an integer');
    expect(server.output()).toContain('LOG_LEVEL must be one of');
  });
});

import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { TestWorkspace } from './support/factories';
import { api } from './support/http';
import { freePort, RunningServer, startServer, waitForHealth } from './support/server-process';
import { createTestApp, TestApp } from './support/test-app';
import { insertWebhook, WebhookReceiver, waitFor } from './support/webhook-receiver';

/**
 * Webhook delivery (webhooks.md "Delivery"): a real HTTP receiver on 127.0.0.1 checks every request's Standard
 * Webhooks signature with the independent `standardwebhooks` package. Short settings keep the schedule in seconds.
 */
const FAST = {
  WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
  WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,1,2',
  WEBHOOK_TIMEOUT_MS: '1000',
};

interface DeliveryRow {
  id: string;
  status: string;
  attempt_count: number;
  attempts: {
    number: number;
    trigger: string;
    latency_ms: number | null;
    response_status: number | null;
    error: string | null;
    response_body: string | null;
  }[];
}

async function deliveriesOf(t: TestApp, webhookId: string): Promise<DeliveryRow[]> {
  return t.dataSource.query(
    `SELECT d.id, d.status, d.attempt_count,
            (SELECT COALESCE(json_agg(json_build_object('number', a.number, 'trigger', a.trigger, 'latency_ms', a.latency_ms,
               'response_status', a.response_status, 'error', a.error, 'response_body', a.response_body) ORDER BY a.number), '[]')
               FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id) AS attempts
       FROM webhook_deliveries d WHERE d.webhook_id = $1 ORDER BY d.created_at, d.id`,
    [webhookId],
  );
}

const settled = (rows: DeliveryRow[], count: number): DeliveryRow[] | false =>
  rows.length === count && rows.every((row) => row.status !== 'pending') ? rows : false;

async function createProject(t: TestApp, ws: TestWorkspace, name = `P ${Math.random()}`): Promise<number> {
  const response = await api(t).post(`/api/v2/projects?workspace_id=${ws.id}`, ws.owner.token).send({ name });
  expect(response.status).toBe(201);
  return response.body.data.id as number;
}

describe('Webhook delivery, in-process worker (e2e)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let ws: TestWorkspace;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await createTestApp({ ...FAST, WEBHOOK_WORKER: 'true' });
    ws = await t.factories.workspace();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  afterEach(() => {
    receiver.answer = () => ({ status: 200, body: 'ok' });
    expect(receiver.invalid).toEqual([]);
  });

  const webhook = async (
    name: string,
    createdBy = ws.owner.userId,
    events?: string[],
  ): Promise<{ id: string; path: string; token: string }> => {
    const endpoint = receiver.endpoint(name);
    const id = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy, url: endpoint.url, token: endpoint.token, events });
    return { id, path: `/${name}`, token: endpoint.token };
  };
  const at = (path: string) => receiver.received.filter((delivery) => delivery.path === path);

  it('POSTs the event once, signed per Standard Webhooks, with the documented headers and body', async () => {
    const hook = await webhook('signed');
    const projectId = await createProject(t, ws, 'Signed delivery');
    const [row] = await waitFor(async () => settled(await deliveriesOf(t, hook.id), 1), 20_000, 'the delivery');
    expect(row).toMatchObject({ status: 'succeeded', attempt_count: 1 });
    expect(row.attempts).toEqual([
      expect.objectContaining({ number: 1, trigger: 'scheduled', response_status: 200, response_body: 'ok', error: null }),
    ]);
    expect(row.attempts[0].latency_ms).toEqual(expect.any(Number));

    const [delivery] = at(hook.path);
    expect(at(hook.path)).toHaveLength(1);
    expect(delivery.id).toBe(row.id);
    expect(delivery.id).toMatch(/^msg_[A-Za-z0-9]+$/);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['user-agent']).toBe('WebWork-Webhooks/2.0');
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(Object.keys(delivery.payload)).toEqual(['type', 'timestamp', 'workspace_id', 'data']);
    expect(delivery.payload).toMatchObject({
      type: 'project.created',
      workspace_id: ws.id,
      data: { id: projectId, name: 'Signed delivery', rate: expect.any(Number) },
    });
    expect(delivery.payload.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('leaves rate fields out when the webhook creator may not view rates', async () => {
    const manager = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager, rateStatus: 0 });
    const hidden = await webhook('rates-hidden', manager.userId);
    const shown = await webhook('rates-shown', ws.owner.userId);
    await createProject(t, ws, 'Rates');
    await waitFor(async () => settled(await deliveriesOf(t, hidden.id), 1) && settled(await deliveriesOf(t, shown.id), 1));
    expect(at(hidden.path)[0].payload.data).not.toHaveProperty('rate');
    expect(at(hidden.path)[0].payload.data).toHaveProperty('name', 'Rates');
    expect(at(shown.path)[0].payload.data).toHaveProperty('rate', expect.any(Number));
  });

  it('retries after 500s at the schedule, with the same webhook-id, and records every attempt', async () => {
    const hook = await webhook('retry-500');
    receiver.answer = (delivery, nth) =>
      delivery.path === hook.path && nth < 3 ? { status: 500, body: 'x'.repeat(3000) } : { status: 204 };
    await createProject(t, ws);
    const [row] = await waitFor(async () => settled(await deliveriesOf(t, hook.id), 1), 20_000, 'three attempts');
    expect(row).toMatchObject({ status: 'succeeded', attempt_count: 3 });
    expect(row.attempts.map((attempt) => attempt.response_status)).toEqual([500, 500, 204]);
    expect(row.attempts[0].response_body).toBe('x'.repeat(1024));
    expect(row.attempts.every((attempt) => typeof attempt.latency_ms === 'number')).toBe(true);
    expect(new Set(at(hook.path).map((delivery) => delivery.id))).toEqual(new Set([row.id]));
    expect(at(hook.path)).toHaveLength(3);
  });

  it('retries after a timeout, recording the attempt without a status', async () => {
    const hook = await webhook('retry-timeout');
    receiver.answer = (delivery, nth) => (delivery.path === hook.path && nth === 1 ? 'hang' : { status: 200 });
    await createProject(t, ws);
    const [row] = await waitFor(async () => settled(await deliveriesOf(t, hook.id), 1), 20_000, 'the retry');
    expect(row.status).toBe('succeeded');
    expect(row.attempts[0]).toMatchObject({ response_status: null, error: 'No answer within 1000 ms' });
    expect(row.attempts[1]).toMatchObject({ response_status: 200, error: null });
  });

  it('stops retrying on 410 Gone (failed) and drops the message after the last scheduled attempt', async () => {
    const gone = await webhook('gone');
    const broken = await webhook('broken');
    receiver.answer = (delivery) =>
      delivery.path === gone.path ? { status: 410 } : delivery.path === broken.path ? { status: 503 } : { status: 200 };
    await createProject(t, ws);
    const [dropped] = await waitFor(async () => settled(await deliveriesOf(t, broken.id), 1), 20_000, 'the drop');
    expect(dropped).toMatchObject({ status: 'dropped', attempt_count: 3 });
    expect(dropped.attempts.map((attempt) => attempt.response_status)).toEqual([503, 503, 503]);
    const [failed] = await deliveriesOf(t, gone.id);
    expect(failed).toMatchObject({ status: 'failed', attempt_count: 1 });
    expect(at(gone.path)).toHaveLength(1);
  });

  it('cancels pending deliveries when the webhook is deleted', async () => {
    const hook = await webhook('deleted');
    receiver.answer = (delivery) => (delivery.path === hook.path ? { status: 500 } : { status: 200 });
    await createProject(t, ws);
    await waitFor(async () => (await deliveriesOf(t, hook.id))[0]?.attempts.some((attempt) => attempt.response_status === 500));
    await t.dataSource.query('DELETE FROM webhooks WHERE id = $1', [hook.id]);
    const seen = at(hook.path).length;
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect(at(hook.path)).toHaveLength(seen);
    expect(await t.dataSource.query('SELECT id FROM webhook_deliveries WHERE webhook_id = $1', [hook.id])).toEqual([]);
  });

  it('sends only subscribed events, once per endpoint', async () => {
    const created = await webhook('only-created', ws.owner.userId, ['project.created']);
    const updated = await webhook('only-updated', ws.owner.userId, ['project.updated']);
    const projectId = await createProject(t, ws);
    await api(t).put(`/api/v2/projects/${projectId}?workspace_id=${ws.id}`, ws.owner.token).send({ name: 'Renamed' }).expect(200);
    await waitFor(async () => settled(await deliveriesOf(t, created.id), 1) && settled(await deliveriesOf(t, updated.id), 1));
    expect(at(created.path).map((delivery) => delivery.payload.type)).toEqual(['project.created']);
    expect(at(updated.path).map((delivery) => delivery.payload.type)).toEqual(['project.updated']);
  });

  describe('extension endpoints', () => {
    it("lists a webhook's deliveries newest first with their attempts, and redelivers with a recorded attempt", async () => {
      const hook = await webhook('log');
      await createProject(t, ws, 'First');
      await createProject(t, ws, 'Second');
      await waitFor(async () => settled(await deliveriesOf(t, hook.id), 2));
      const list = await api(t).get(`/api/v2/webhooks/${hook.id}/deliveries?workspace_id=${ws.id}&per_page=1`, ws.owner.token);
      expect(list.status).toBe(200);
      expect(list.body.meta.pagination).toMatchObject({ total: 2, per_page: 1, current_page: 1 });
      const [newest] = list.body.data as { id: string; status: string; attempts: unknown[]; event_type: string }[];
      const rows = await deliveriesOf(t, hook.id);
      expect(newest).toMatchObject({ id: rows[1].id, status: 'succeeded', event_type: 'project.created', webhook_id: hook.id });
      expect(newest.attempts).toEqual([expect.objectContaining({ number: 1, trigger: 'scheduled', response_status: 200 })]);

      const before = at(hook.path).length;
      const redelivered = await api(t).post(
        `/api/v2/webhooks/${hook.id}/deliveries/${newest.id}/redeliver?workspace_id=${ws.id}`,
        ws.owner.token,
      );
      expect(redelivered.status).toBe(200);
      expect(redelivered.body.data.attempts).toEqual([
        expect.objectContaining({ number: 1, trigger: 'scheduled' }),
        expect.objectContaining({ number: 2, trigger: 'redeliver', response_status: 200 }),
      ]);
      expect(at(hook.path)).toHaveLength(before + 1);
      expect(at(hook.path).at(-1)?.id).toBe(newest.id);
    });

    it("answers 404 for another workspace's webhook or delivery, and for malformed ids", async () => {
      const hook = await webhook('foreign');
      await createProject(t, ws);
      const [row] = await waitFor(async () => settled(await deliveriesOf(t, hook.id), 1));
      const other = await t.factories.workspace();
      const path = `/api/v2/webhooks/${hook.id}/deliveries`;
      const list = await api(t).get(`${path}?workspace_id=${other.id}`, other.owner.token);
      expect(list.status).toBe(404);
      expect(list.body.message).toBe('Webhook not found.');
      const redeliver = await api(t).post(`${path}/${row.id}/redeliver?workspace_id=${other.id}`, other.owner.token);
      expect(redeliver.status).toBe(404);
      expect((await api(t).post(`${path}/msg_unknown00000000000000000/redeliver?workspace_id=${ws.id}`, ws.owner.token)).status).toBe(404);
      expect((await api(t).post(`${path}/not-a-message/redeliver?workspace_id=${ws.id}`, ws.owner.token)).status).toBe(404);
      expect((await api(t).get(`/api/v2/webhooks/x/deliveries?workspace_id=${ws.id}`, ws.owner.token)).status).toBe(404);
    });
  });
});

describe('Webhook delivery without an allow-list (e2e)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await createTestApp({ ...FAST, WEBHOOK_ALLOWED_TARGETS: '', WEBHOOK_WORKER: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('refuses a 127.0.0.1 target at attempt time, records why, and never connects', async () => {
    const ws = await t.factories.workspace();
    const endpoint = receiver.endpoint('loopback');
    const id = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy: ws.owner.userId, ...endpoint });
    await createProject(t, ws);
    const [row] = await waitFor(async () => settled(await deliveriesOf(t, id), 1), 20_000, 'the refusals');
    expect(row.status).toBe('dropped');
    expect(row.attempts).toHaveLength(3);
    for (const attempt of row.attempts) {
      expect(attempt.response_status).toBeNull();
      expect(attempt.error).toMatch(/^Target refused: .*\(127\.0\.0\.1\)$/);
    }
    expect(receiver.received).toEqual([]);
  });
});

/** `npm run worker`, as a child process on the test database. */
function startWorker(env: Record<string, string>): RunningServer {
  const child: ChildProcess = spawn(process.execPath, ['dist/apps/api/src/worker.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', DATABASE_URL: process.env.TEST_DATABASE_URL ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('Webhook delivery across processes (e2e)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  const processes: RunningServer[] = [];

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    // The test's own app only writes events: no worker in it.
    t = await createTestApp({ ...FAST, WEBHOOK_WORKER: 'false' });
  });
  afterAll(async () => {
    for (const running of processes) if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await t.close();
    await receiver.close();
  });

  /**
   * "Once" here: every event × endpoint is one message with one webhook-id, and the receiver gets it until one
   * attempt answers 2xx. A worker killed while an attempt is in flight cannot know whether the receiver got it, so
   * that attempt is made again after its lease lapses, with the SAME webhook-id (receivers dedupe on it, as
   * Standard Webhooks asks). So: distinct ids = events × endpoints; each id reaches 2xx exactly once; only the
   * messages in flight at the kill are sent twice; the cut attempt is recorded as interrupted.
   */
  it('a worker killed mid-delivery and restarted delivers each event once per endpoint (duplicates only for the in-flight attempt, same webhook-id)', async () => {
    const ws = await t.factories.workspace();
    const a = receiver.endpoint('kill-a');
    const b = receiver.endpoint('kill-b');
    const hookA = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy: ws.owner.userId, ...a });
    const hookB = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy: ws.owner.userId, ...b });
    let hung: string | undefined;
    receiver.answer = (delivery) => {
      if (hung === undefined && delivery.path === '/kill-a') {
        hung = delivery.id;
        return 'hang';
      }
      return hung === delivery.id && receiver.byId().get(delivery.id)!.length === 1 ? 'hang' : { status: 200 };
    };
    // One attempt at a time, so the hung one is the only attempt in flight when the worker dies.
    const env = {
      ...FAST,
      WEBHOOK_TIMEOUT_MS: '3000',
      WEBHOOK_WORKER_CONCURRENCY: '1',
      WEBHOOK_RETRY_SCHEDULE_SECONDS: '0,1,2,3,4,5,6,7,8,9,10,20,30',
    };
    const first = startWorker(env);
    processes.push(first);
    for (let index = 0; index < 5; index++) await createProject(t, ws);
    await waitFor(() => hung !== undefined, 30_000, 'the first request');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = startWorker(env);
    processes.push(second);
    const all = await waitFor(
      async () => {
        const rows = [...(await deliveriesOf(t, hookA)), ...(await deliveriesOf(t, hookB))];
        return settled(rows, 10);
      },
      60_000,
      'every message to succeed after the restart',
    );
    expect(all.every((row) => row.status === 'succeeded')).toBe(true);
    const byId = receiver.byId();
    expect(byId.size).toBe(10);
    expect(new Set(all.map((row) => row.id))).toEqual(new Set(byId.keys()));
    for (const [id, requests] of byId) {
      expect(new Set(requests.map((request) => request.path)).size).toBe(1);
      // Sent twice only if it was in flight when the worker died (the hung one); every other message once.
      expect(requests).toHaveLength(id === hung ? 2 : 1);
    }
    const cut = all.find((row) => row.id === hung)!;
    expect(cut.attempts[0]).toMatchObject({ trigger: 'scheduled', response_status: null, error: expect.stringMatching(/^Interrupted/) });
    expect(cut.attempts.at(-1)).toMatchObject({ response_status: 200 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('runs the queue on the embedded database (PGlite) too, and stops cleanly', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'webwork-webhooks-'));
    const port = await freePort();
    const server = startServer({ DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false' });
    processes.push(server);
    try {
      await waitForHealth(port, server);
      await waitFor(() => server.output().includes('Webhook worker started'), 30_000, 'the worker on PGlite');
      expect(server.output()).not.toContain('could not start');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('two API processes share one queue without delivering a message twice', async () => {
    const ws = await t.factories.workspace();
    const a = receiver.endpoint('pair-a');
    const b = receiver.endpoint('pair-b');
    const hookA = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy: ws.owner.userId, ...a });
    const hookB = await insertWebhook(t.dataSource, { workspaceId: ws.id, createdBy: ws.owner.userId, ...b });
    receiver.answer = () => ({ status: 200 });
    const ports = [await freePort(), await freePort()];
    const servers = ports.map((port) =>
      startServer({
        ...FAST,
        DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
        PORT: String(port),
        WEBHOOK_WORKER: 'true',
        SEED_DEMO: 'false',
      }),
    );
    processes.push(...servers);
    await Promise.all(servers.map((server, index) => waitForHealth(ports[index], server)));
    const before = receiver.received.length;
    for (let index = 0; index < 12; index++) {
      const port = ports[index % 2];
      const response = await fetch(`http://127.0.0.1:${port}/api/v2/projects?workspace_id=${ws.id}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ws.owner.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Pair ${index}` }),
      });
      expect(response.status).toBe(201);
    }
    const rows = await waitFor(
      async () => settled([...(await deliveriesOf(t, hookA)), ...(await deliveriesOf(t, hookB))], 24),
      60_000,
      'every message',
    );
    expect(rows.every((row) => row.status === 'succeeded' && row.attempts.length === 1)).toBe(true);
    const received = receiver.received.slice(before);
    expect(received).toHaveLength(24);
    expect(new Set(received.map((delivery) => delivery.id)).size).toBe(24);
    for (const server of servers) server.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((server) => server.exited))).toEqual([0, 0]);
  }, 120_000);
});

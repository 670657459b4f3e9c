import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

// Killing backends needs a PostgreSQL server of our own (DATABASE_URL); the embedded database has one backend.
const describeOnServer = process.env.DATABASE_URL ? describe : describe.skip;

interface Outcome {
  method: 'GET' | 'POST';
  status: number;
  retryAfter?: string;
  body: { success?: boolean; error?: string; data?: { id?: number } };
}

describeOnServer('Database connections dropped under load (e2e, PostgreSQL server)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let killer: pg.Client;

  const terminateOurBackends = async (): Promise<number> => {
    const result = await killer.query(
      `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return (result.rows[0] as { killed: number }).killed;
  };

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '4', LOG_LEVEL: 'silent' });
    http = api(t);
    killer = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await killer.connect();
  });
  afterAll(async () => {
    await killer.end();
    await t.close();
  });

  it('answers 503 with Retry-After (never 500) while connections are killed, and loses no acknowledged write', async () => {
    const { id: workspaceId, owner } = await t.factories.workspace();
    const outcomes: Outcome[] = [];
    let stop = false;

    const client = async (n: number): Promise<void> => {
      for (let i = 0; !stop && i < 400; i++) {
        const write = (i + n) % 3 === 0;
        const res = write
          ? await http.post(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token).send({ name: `load ${n}-${i}` })
          : await http.get(`/api/v2/projects?workspace_id=${workspaceId}&per_page=5`, owner.token);
        outcomes.push({
          method: write ? 'POST' : 'GET',
          status: res.status,
          retryAfter: res.headers['retry-after'] as string | undefined,
          body: res.body as Outcome['body'],
        });
      }
    };
    const killing = (async () => {
      let killed = 0;
      for (let round = 0; round < 12; round++) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        killed += await terminateOurBackends();
      }
      stop = true;
      return killed;
    })();

    const [killed] = await Promise.all([killing, ...Array.from({ length: 8 }, (_, n) => client(n))]);
    expect(killed).toBeGreaterThan(0);

    const statuses = [...new Set(outcomes.map((o) => o.status))].sort();
    expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    for (const unavailable of outcomes.filter((o) => o.status === 503)) {
      expect(unavailable.retryAfter).toMatch(/^\d+$/);
      expect(unavailable.body).toMatchObject({ success: false, error: 'Service Unavailable' });
    }
    const created = outcomes.filter((o) => o.status === 201).map((o) => o.body.data!.id!);
    const { rows } = await killer.query('SELECT id FROM projects WHERE id = ANY($1)', [created]);
    expect(rows).toHaveLength(created.length);
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(0);
  }, 120_000);

  it('serves a read on a fresh connection after every pooled connection was terminated', async () => {
    const { id: workspaceId, owner } = await t.factories.workspace();
    await Promise.all(Array.from({ length: 4 }, () => http.get(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token)));
    expect(await terminateOurBackends()).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) await http.get(`/api/v2/projects?workspace_id=${workspaceId}`, owner.token).expect(200);
  });
});

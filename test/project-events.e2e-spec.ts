import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

interface OutboxRow {
  type: string;
  workspace_id: number;
  payload: { id: number; name: string; rate?: number; status: number; deleted_at: string | null };
}

describe('Project events in the outbox (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  // project.* only: a member event's payload id is a user id, which can equal a project id.
  const eventsOf = async (projectId: number): Promise<OutboxRow[]> =>
    (await t.dataSource.query(
      `SELECT type, workspace_id, payload FROM outbox_events WHERE type LIKE 'project.%' AND (payload->>'id')::int = $1 ORDER BY id`,
      [projectId],
    )) as OutboxRow[];

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
  });
  afterAll(async () => t.close());

  it('records project.created, project.updated and project.deleted with the whole Project, rate included', async () => {
    const { id, owner } = await t.factories.workspace();
    const created = await http.post(`/api/v2/projects?workspace_id=${id}`, owner.token).send({ name: 'Evented' }).expect(201);
    const projectId = created.body.data.id as number;
    await http.put(`/api/v2/projects/${projectId}?workspace_id=${id}`, owner.token).send({ name: 'Evented 2' }).expect(200);
    await http.delete(`/api/v2/projects/${projectId}?workspace_id=${id}`, owner.token).expect(200);

    const events = await eventsOf(projectId);
    expect(events.map((event) => event.type)).toEqual(['project.created', 'project.updated', 'project.deleted']);
    expect(events.every((event) => event.workspace_id === id)).toBe(true);
    expect(events[0].payload).toMatchObject({ id: projectId, name: 'Evented', rate: 0, status: 1, deleted_at: null });
    expect(events[1].payload).toMatchObject({ name: 'Evented 2' });
    expect(events[2].payload).toMatchObject({ status: 0, deleted_at: expect.stringMatching(/Z$/) });
  });

  it('records nothing for a write that fails, and nothing for a refused one', async () => {
    const { id, owner } = await t.factories.workspace();
    const project = await t.factories.project(id);
    // A deferred constraint trigger fails the update at COMMIT, after the event row was written in the same
    // transaction: the rollback must take the event with it.
    await t.dataSource.query(`CREATE FUNCTION test_reject_forbidden() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'forbidden' THEN RAISE EXCEPTION 'forbidden name' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE CONSTRAINT TRIGGER test_projects_forbidden AFTER UPDATE ON projects
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_reject_forbidden()`);
    try {
      await http.put(`/api/v2/projects/${project.id}?workspace_id=${id}`, owner.token).send({ name: 'forbidden' }).expect(422);
    } finally {
      await t.dataSource.query('DROP TRIGGER test_projects_forbidden ON projects');
      await t.dataSource.query('DROP FUNCTION test_reject_forbidden()');
    }
    const [row] = (await t.dataSource.query('SELECT name FROM projects WHERE id = $1', [project.id])) as { name: string }[];
    expect(row.name).toBe(project.name);
    await http.put(`/api/v2/projects/${project.id}?workspace_id=${id}`, owner.token).send({ name: '' }).expect(422);
    expect(await eventsOf(project.id)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Membership, Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

describe('Scope, liveness and write consistency (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: '6' });
    http = api(t);
  });
  afterAll(async () => t.close());

  it("does not let a team in another workspace widen a Team manager's project scope", async () => {
    const a = await t.factories.workspace();
    const b = await t.factories.workspace();
    const manager = await t.factories.member(a.id, Role.TeamManager);
    const worker = await t.factories.member(a.id, Role.RegularUser);
    const projectInA = await t.factories.project(a.id);
    await t.factories.contract(a.id, projectInA.id, worker.userId);
    // The manager leads a team in workspace B that the worker also belongs to.
    await t.factories.addMembership(b.id, manager.userId, Role.TeamManager);
    await t.factories.addMembership(b.id, worker.userId, Role.RegularUser);
    await t.factories.team(b.id, manager.userId, [worker.userId]);

    const list = await http.get(`/api/v2/projects?workspace_id=${a.id}`, manager.token).expect(200);
    expect(list.body.data).toEqual([]);
    await http.get(`/api/v2/projects/${projectInA.id}?workspace_id=${a.id}`, manager.token).expect(404);

    // A team of workspace A itself still grants the scope.
    await t.factories.team(a.id, manager.userId, [worker.userId]);
    const scoped = await http.get(`/api/v2/projects?workspace_id=${a.id}`, manager.token).expect(200);
    expect(scoped.body.data.map((p: { id: number }) => p.id)).toEqual([projectInA.id]);
  });

  it('lists only live memberships: a blocked one is neither listed nor usable', async () => {
    const workspace = await t.factories.workspace();
    const member = await t.factories.member(workspace.id, Role.RegularUser);
    const listed = await http.get('/api/v2/workspaces', member.token).expect(200);
    expect(listed.body.data.map((w: { id: number }) => w.id)).toEqual([workspace.id]);

    await t.dataSource.getRepository(Membership).update({ workspaceId: workspace.id, userId: member.userId }, { isBlocked: true });
    const after = await http.get('/api/v2/workspaces', member.token).expect(200);
    expect(after.body.data).toEqual([]);
    expect(after.body.meta.pagination.total).toBe(0);
    await http.get(`/api/v2/projects?workspace_id=${workspace.id}`, member.token).expect(403);
  });

  it('answers a PUT on an archived project with 404 and writes nothing', async () => {
    const { id, owner } = await t.factories.workspace();
    const project = await t.factories.project(id, { deletedAt: new Date() });
    await http.put(`/api/v2/projects/${project.id}?workspace_id=${id}`, owner.token).send({ name: 'ghost' }).expect(404);
    const [row] = (await t.dataSource.query('SELECT name FROM projects WHERE id = $1', [project.id])) as { name: string }[];
    expect(row.name).toBe(project.name);
  });

  it('never answers 4xx for a PUT that committed, nor shows another writer’s state, when PUT races DELETE', async () => {
    const { id, owner } = await t.factories.workspace();
    for (let round = 0; round < 15; round++) {
      const project = await t.factories.project(id);
      const path = `/api/v2/projects/${project.id}?workspace_id=${id}`;
      const name = `raced ${round}`;
      const [put, del] = await Promise.all([http.put(path, owner.token).send({ name }), http.delete(path, owner.token)]);
      expect(del.status).toBe(200);
      const [row] = (await t.dataSource.query('SELECT name FROM projects WHERE id = $1', [project.id])) as { name: string }[];
      if (put.status === 200) {
        expect(put.body.data.name).toBe(name);
        expect(row.name).toBe(name);
      } else {
        expect(put.status).toBe(404);
        expect(row.name).toBe(project.name);
      }
    }
  });

  it('answers each of several concurrent PUTs with the state that PUT wrote', async () => {
    const { id, owner } = await t.factories.workspace();
    const project = await t.factories.project(id);
    const path = `/api/v2/projects/${project.id}?workspace_id=${id}`;
    const names = Array.from({ length: 12 }, (_, i) => `writer ${i}`);
    const responses = await Promise.all(names.map((name) => http.put(path, owner.token).send({ name, notes: `notes of ${name}` })));
    responses.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ name: names[i], notes: `notes of ${names[i]}` });
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** The test kit's factories make the states they promise, as the server sees them. */
describe('Test factories (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
  });
  afterAll(async () => t.close());

  const projects = (workspaceId: number): string => `/api/v2/projects?workspace_id=${workspaceId}`;

  it.each(['personal_access_token', 'oauth'] as const)(
    'makes %s tokens that authenticate, and expired or revoked ones that do not',
    async (kind) => {
      const ws = await t.factories.workspaces.create();
      const live = await t.factories.tokens.create({ userId: ws.owner.userId, kind });
      const expired = await t.factories.tokens.create({ userId: ws.owner.userId, kind, expired: true });
      const revoked = await t.factories.tokens.create({ userId: ws.owner.userId, kind, revoked: true });
      await http.get('/api/v2/workspaces', live.token).expect(200);
      await http.get('/api/v2/workspaces', expired.token).expect(401);
      await http.get('/api/v2/workspaces', revoked.token).expect(401);
    },
  );

  it.each(['personal_access_token', 'oauth'] as const)('limits a %s token to its scopes', async (kind) => {
    const ws = await t.factories.workspaces.create();
    const { token } = await t.factories.tokens.create({ userId: ws.owner.userId, kind, scopes: ['read'] });
    await http.get(projects(ws.id), token).expect(200);
    const res = await http.post(projects(ws.id), token).send({ name: 'Nope' }).expect(403);
    expect(res.headers['www-authenticate']).toContain('insufficient_scope');
  });

  it('makes members whose membership state the guard honours', async () => {
    const ws = await t.factories.workspaces.create();
    const active = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager });
    const inactive = await t.factories.members.create({ workspaceId: ws.id, role: 'Executive manager', status: 'inactive' });
    const blocked = await t.factories.members.create({ workspaceId: ws.id, role: Role.ExecutiveManager, blocked: true });
    expect(active.membership).toMatchObject({ workspaceId: ws.id, userId: active.userId, role: 'Executive manager', status: 'active' });
    await http.get(projects(ws.id), active.token).expect(200);
    await http.get(projects(ws.id), inactive.token).expect(403);
    await http.get(projects(ws.id), blocked.token).expect(403);
  });

  it('builds the project relations roles.md names: managers, viewers, team contracts, tags', async () => {
    const ws = await t.factories.workspaces.create();
    const pm = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectManager });
    const pv = await t.factories.members.create({ workspaceId: ws.id, role: Role.ProjectViewer });
    const tm = await t.factories.members.create({ workspaceId: ws.id, role: Role.TeamManager });
    const mate = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
    await t.factories.teams.create({ workspaceId: ws.id, manager: tm, members: [mate] });
    const project = await t.factories.projects.create({
      workspaceId: ws.id,
      manager: pm,
      viewers: [pv],
      tags: ['Blue', { name: 'Red', color: '#f00' }],
    });
    await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: mate.userId, rate: 25 });
    for (const caller of [pm, pv, tm, mate]) {
      const res = await http.get(`${projects(ws.id)}`, caller.token).expect(200);
      expect(res.body.data.map((p: { id: number }) => p.id)).toEqual([project.id]);
    }
    const own = await http.get(`/api/v2/projects/${project.id}?workspace_id=${ws.id}`, ws.owner.token).expect(200);
    expect(own.body.data).toMatchObject({ contracts_count: 1, tags: [{ name: 'Blue' }, { name: 'Red', color: '#f00' }] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipStatus, Role } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';
import { api } from './support/http';

describe('Workspaces (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
  });
  afterAll(async () => t.close());

  it('lists one row per active membership with the documented fields', async () => {
    const first = await t.factories.workspace();
    const second = await t.factories.workspace();
    const third = await t.factories.workspace();
    await t.factories.addMembership(second.id, first.owner.userId, Role.RegularUser);
    await t.factories.addMembership(third.id, first.owner.userId, Role.RegularUser, { status: MembershipStatus.Left });

    const res = await http.get('/api/v2/workspaces', first.owner.token).expect(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0]).toEqual({
      id: first.id,
      owner_id: first.owner.userId,
      user_id: first.owner.userId,
      workspace_name: expect.any(String),
      role: 'Owner',
      status: 'active',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
      activated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    expect(res.body.data[1]).toMatchObject({ id: second.id, role: 'Regular User', owner_id: second.owner.userId });
    expect(res.body.meta.pagination).toEqual({ total: 2, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 2 });
  });

  it('hides blocked and deleted workspaces', async () => {
    const ws = await t.factories.workspace();
    await t.dataSource.query('UPDATE workspaces SET is_blocked = true WHERE id = $1', [ws.id]);
    const res = await http.get('/api/v2/workspaces', ws.owner.token).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('needs no workspace_id, but validates paging', async () => {
    const ws = await t.factories.workspace();
    await http.get('/api/v2/workspaces?per_page=101', ws.owner.token).expect(422);
  });

  it('requires authentication', async () => {
    await http.get('/api/v2/workspaces').expect(401);
  });
});

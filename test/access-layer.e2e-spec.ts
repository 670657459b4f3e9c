import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuthContext, assertInWorkspace, personScope, projectScope, requireVisible, Role } from '@app/auth';
import { ApiException } from '@app/common';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The access layer's predicates on a real database, role by role: one workspace with one record per relation
 * the rules of roles.md rely on, plus a second workspace whose team, contract and assignments must never count.
 */
describe('Access layer: project and person scope (e2e, real database)', () => {
  let t: TestApp;
  let ws: number;
  const users: Record<string, number> = {};
  const projects: Record<string, number> = {};

  const auth = (role: Role, userId: number, workspaceId = ws): AuthContext => ({
    role,
    userId,
    workspaceId,
    scopes: [],
    tokenKind: 'personal_access_token',
    rateLimitKey: '',
    canViewRates: false,
  });

  const visibleProjects = async (caller: AuthContext): Promise<string[]> => {
    const query = t.dataSource
      .createQueryBuilder()
      .select('p.id', 'id')
      .from('projects', 'p')
      .where('p.workspace_id = :ws', { ws: caller.workspaceId })
      .andWhere('p.deleted_at IS NULL');
    const scope = projectScope(caller, 'p');
    if (scope) query.andWhere(scope.sql, scope.params);
    const ids = (await query.getRawMany<{ id: number }>()).map((row) => row.id);
    return Object.entries(projects)
      .filter(([, id]) => ids.includes(id))
      .map(([name]) => name)
      .sort();
  };

  const visiblePeople = async (caller: AuthContext): Promise<string[]> => {
    const query = t.dataSource
      .createQueryBuilder()
      .select('m.user_id', 'user_id')
      .from('workspace_members', 'm')
      .where('m.workspace_id = :ws', { ws: caller.workspaceId });
    const scope = personScope(caller, 'm.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    const ids = (await query.getRawMany<{ user_id: number }>()).map((row) => row.user_id);
    return Object.entries(users)
      .filter(([, id]) => ids.includes(id))
      .map(([name]) => name)
      .sort();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    const main = await f.workspace();
    const other = await f.workspace();
    ws = main.id;
    users.owner = main.owner.userId;
    for (const [name, role] of [
      ['em', Role.ExecutiveManager],
      ['tm', Role.TeamManager],
      ['pm', Role.ProjectManager],
      ['ru', Role.RegularUser],
      ['pv', Role.ProjectViewer],
      ['teammate', Role.RegularUser],
      ['contractor', Role.RegularUser],
      ['stranger', Role.RegularUser],
      ['foreignTeammate', Role.RegularUser],
    ] as const) {
      users[name] = (await f.member(ws, role)).userId;
    }
    for (const name of [
      'teamProject',
      'managedProject',
      'ownProject',
      'viewedProject',
      'foreignTeamProject',
      'pausedProject',
      'archived',
    ]) {
      projects[name] = (await f.project(ws, name === 'archived' ? { deletedAt: new Date() } : {})).id;
    }
    // TM manages a team of this workspace with `teammate`, who holds a contract on teamProject.
    await f.team(ws, users.tm, [users.teammate]);
    await f.contract(ws, projects.teamProject, users.teammate);
    // PM manages managedProject, on which `contractor` holds a contract.
    await f.projectManager(projects.managedProject, users.pm);
    await f.contract(ws, projects.managedProject, users.contractor);
    // RU holds an active contract on ownProject and a paused one on pausedProject.
    await f.contract(ws, projects.ownProject, users.ru);
    await f.contract(ws, projects.pausedProject, users.ru, 'paused');
    await f.viewerAssignment(projects.viewedProject, users.pv);
    // In ANOTHER workspace, TM manages a team with foreignTeammate, who holds a contract on foreignTeamProject here.
    await f.addMembership(other.id, users.tm, Role.TeamManager);
    await f.addMembership(other.id, users.foreignTeammate, Role.RegularUser);
    await f.team(other.id, users.tm, [users.foreignTeammate]);
    await f.contract(ws, projects.foreignTeamProject, users.foreignTeammate);
  });
  afterAll(async () => t.close());

  const live = ['foreignTeamProject', 'managedProject', 'ownProject', 'pausedProject', 'teamProject', 'viewedProject'];

  it.each([
    ['Owner', Role.Owner, 'owner', live],
    ['Executive manager', Role.ExecutiveManager, 'em', live],
    ['Team manager (teams of this workspace only)', Role.TeamManager, 'tm', ['teamProject']],
    ['Project manager', Role.ProjectManager, 'pm', ['managedProject']],
    ['Regular User (active contracts only)', Role.RegularUser, 'ru', ['ownProject']],
    ['Project viewer', Role.ProjectViewer, 'pv', ['viewedProject']],
  ])('project scope of the %s', async (_, role, user, expected) => {
    expect(await visibleProjects(auth(role, users[user]))).toEqual([...expected].sort());
  });

  const everyone = () => Object.keys(users).sort();

  it.each([
    ['Owner', Role.Owner, 'owner', null],
    ['Executive manager', Role.ExecutiveManager, 'em', null],
    ['Team manager (self and teammates of this workspace)', Role.TeamManager, 'tm', ['teammate', 'tm']],
    ['Project manager (self and contractors on managed projects)', Role.ProjectManager, 'pm', ['contractor', 'pm']],
    ['Regular User', Role.RegularUser, 'ru', ['ru']],
    ['Project viewer', Role.ProjectViewer, 'pv', ['pv']],
  ])('person scope of the %s', async (_, role, user, expected) => {
    expect(await visiblePeople(auth(role, users[user]))).toEqual(expected ?? everyone());
  });

  it('namespaces parameters so two predicates can share one query', async () => {
    const caller = auth(Role.TeamManager, users.tm);
    const projectPredicate = projectScope(caller, 'p')!;
    const personPredicate = personScope(caller, 'c.user_id')!;
    const rows = await t.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .from('contracts', 'c')
      .innerJoin('projects', 'p', 'p.id = c.project_id')
      .where('c.workspace_id = :ws', { ws })
      .andWhere(projectPredicate.sql, projectPredicate.params)
      .andWhere(personPredicate.sql, personPredicate.params)
      .getRawMany();
    expect(rows).toHaveLength(1);
  });

  it('requireVisible: 404 outside the scope, for archived rows and for another workspace', async () => {
    const notFound = () => new ApiException(404, 'Project not found.');
    const load = (caller: AuthContext, id: number) =>
      requireVisible(t.dataSource.manager, caller, { table: 'projects', alias: 'p', id, scope: projectScope(caller, 'p'), notFound });
    await expect(load(auth(Role.RegularUser, users.ru), projects.ownProject)).resolves.toEqual({ id: projects.ownProject });
    await expect(load(auth(Role.RegularUser, users.ru), projects.teamProject)).rejects.toMatchObject({ status: 404 });
    await expect(load(auth(Role.Owner, users.owner), projects.archived)).rejects.toMatchObject({ status: 404 });
    const foreign = await t.factories.workspace();
    await expect(load(auth(Role.Owner, foreign.owner.userId, foreign.id), projects.ownProject)).rejects.toMatchObject({ status: 404 });
  });

  it('requireVisible with lock holds the row until the transaction ends', async () => {
    const caller = auth(Role.Owner, users.owner);
    const notFound = () => new ApiException(404, 'Project not found.');
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const order: string[] = [];
    const first = t.dataSource.transaction(async (manager) => {
      await requireVisible(manager, caller, { table: 'projects', alias: 'p', id: projects.ownProject, scope: null, notFound, lock: true });
      order.push('first locked');
      await firstHolds;
      order.push('first done');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = t.dataSource.transaction(async (manager) => {
      await requireVisible(manager, caller, { table: 'projects', alias: 'p', id: projects.ownProject, scope: null, notFound, lock: true });
      order.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second locked']);
  });

  it('assertInWorkspace: a foreign, archived or unknown id is a 422 on its field', async () => {
    const foreign = await t.factories.workspace();
    const foreignProject = await t.factories.project(foreign.id);
    await expect(
      assertInWorkspace(t.dataSource.manager, ws, [projects.ownProject], { table: 'projects', field: 'project_id' }),
    ).resolves.toBe(undefined);
    await expect(
      assertInWorkspace(t.dataSource.manager, ws, [projects.ownProject, foreignProject.id, projects.archived, 2_000_000_000], {
        table: 'projects',
        field: 'projects',
      }),
    ).rejects.toMatchObject({
      status: 422,
      errors: { 'projects.1': [expect.any(String)], 'projects.2': [expect.any(String)], 'projects.3': [expect.any(String)] },
    });
    await expect(
      assertInWorkspace(t.dataSource.manager, ws, users.stranger, { table: 'workspace_members', idColumn: 'user_id', field: 'user_id' }),
    ).resolves.toBe(undefined);
    await expect(
      assertInWorkspace(t.dataSource.manager, ws, foreign.owner.userId, {
        table: 'workspace_members',
        idColumn: 'user_id',
        field: 'user_id',
      }),
    ).rejects.toMatchObject({ status: 422, errors: { user_id: [expect.any(String)] } });
  });
});

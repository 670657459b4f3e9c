import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { TestMember, TestWorkspace } from './support/factories';
import { ExpensesFactory } from './support/factories/expenses.factory';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const EXPENSE_FIELDS = ['id', 'member', 'expense_date', 'expense_name', 'project', 'category', 'amount', 'note', 'type', 'added_dte'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DISPLAY_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/;

/** Today's date in `timeZone`, written as the API writes display dates. */
const todayIn = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', year: 'numeric' }).format(new Date());

describe('Expenses (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let expenses: ExpensesFactory;
  let ws: TestWorkspace;
  let category: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    expenses = new ExpensesFactory(t.dataSource);
    ws = await t.factories.workspace();
    category = await expenses.category({ workspaceId: ws.id, name: 'Office Supplies' });
  });
  afterAll(async () => t.close());

  const path = (suffix = '', workspaceId: number = ws.id): string => `/api/v2/expenses${suffix}?workspace_id=${workspaceId}`;
  const member = (role: Role = Role.RegularUser, workspaceId = ws.id): Promise<TestMember> =>
    t.factories.members.create({ workspaceId, role });
  const named = async (user: TestMember, firstname: string, lastname: string): Promise<TestMember> => {
    await t.dataSource.query('UPDATE users SET firstname = $2, lastname = $3 WHERE id = $1', [user.userId, firstname, lastname]);
    return user;
  };
  const body = (extra: Record<string, unknown> = {}) => ({
    expense_name: 'Office Supplies',
    date: '2024-01-15',
    amount: 150.5,
    category_id: category.id,
    ...extra,
  });
  const eventsOf = async (id: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    t.dataSource.query(`SELECT type, payload FROM outbox_events WHERE type LIKE 'expense.%' AND payload->>'id' = $1 ORDER BY id`, [id]);
  const expectValidation = (res: { body: { errors?: Record<string, unknown> } }, field: string, message?: string) => {
    expect(res.body).toMatchObject({ success: false, message: 'The given data was invalid.', error: 'Unprocessable Entity' });
    expect(res.body.errors?.[field]).toEqual([message ?? expect.any(String)]);
  };
  const ids = (res: { body: { data: { id: string }[] } }): string[] => res.body.data.map((expense) => expense.id);

  describe('POST /expenses (createExpense)', () => {
    it("creates the caller's expense and answers the documented body", async () => {
      const ru = await named(await member(), 'John', 'Doe');
      const project = await t.factories.projects.create({ workspaceId: ws.id, name: 'Marketing Campaign Q1' });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: project.id, userId: ru.userId });
      const res = await http
        .post(path(), ru.token)
        .send(body({ project_id: project.id, note: 'Purchased office supplies for Q1', is_billable: true }))
        .expect(201);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Expense created successfully',
        data: {
          member: 'John Doe',
          expense_date: 'Jan 15, 2024',
          expense_name: 'Office Supplies',
          project: 'Marketing Campaign Q1',
          category: 'Office Supplies',
          amount: 150.5,
          note: 'Purchased office supplies for Q1',
          type: 'billable',
          added_dte: todayIn('UTC'),
        },
        meta: { api_version: '2.0.0' },
      });
      expect(Object.keys(res.body.data)).toEqual(EXPENSE_FIELDS);
      expect(res.body.data.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await expenses.row(res.body.data.id)).toEqual({
        user_id: ru.userId,
        project_id: project.id,
        category_id: category.id,
        expense_name: 'Office Supplies',
        expense_date: '2024-01-15',
        amount: '150.50',
        note: 'Purchased office supplies for Q1',
        is_billable: true,
      });
      expect(await eventsOf(res.body.data.id)).toEqual([{ type: 'expense.created', payload: res.body.data }]);
    });

    it('defaults to non-billable with no project, and takes `description` when `note` is absent', async () => {
      const res = await http
        .post(path(), ws.owner.token)
        .send(body({ description: 'From the canonical docs' }))
        .expect(201);
      expect(res.body.data).toMatchObject({ project: null, type: 'non-billable', note: 'From the canonical docs' });
      const both = await http
        .post(path(), ws.owner.token)
        .send(body({ note: 'The note', description: 'ignored' }))
        .expect(201);
      expect(both.body.data.note).toBe('The note');
    });

    it('keeps amounts exact to the cent, up to the column maximum', async () => {
      for (const [sent, stored, shown] of [
        [0.01, '0.01', 0.01],
        [0.1, '0.10', 0.1],
        [1.5e2, '150.00', 150],
        [9_999_999_999.99, '9999999999.99', 9_999_999_999.99],
      ] as const) {
        const res = await http
          .post(path(), ws.owner.token)
          .send(body({ amount: sent }))
          .expect(201);
        expect(res.body.data.amount).toBe(shown);
        expect((await expenses.row(res.body.data.id))?.amount).toBe(stored);
      }
    });

    it('reads the workspace from the body too', async () => {
      await http
        .post('/api/v2/expenses', ws.owner.token)
        .send(body({ workspace_id: ws.id }))
        .expect(201);
    });

    it.each([
      ['0.001', 0.001, 'The amount must have at most 2 decimal places.'],
      ['150.555', 150.555, 'The amount must have at most 2 decimal places.'],
      ['0', 0, 'The amount must be greater than 0 and at most 9999999999.99.'],
      ['-1', -1, 'The amount must be greater than 0 and at most 9999999999.99.'],
      ['10000000000', 10_000_000_000, 'The amount must be greater than 0 and at most 9999999999.99.'],
      ['"abc"', 'abc', 'The amount must be a number.'],
      ['true', true, 'The amount must be a number.'],
      ['null', null, 'The amount field is required.'],
    ])('refuses the amount %s with 422', async (_label, amount, message) => {
      const res = await http.post(path(), ws.owner.token).send(body({ amount })).expect(422);
      expectValidation(res, 'amount', message);
    });

    it('refuses 1e309 (not a finite number) with 422', async () => {
      const raw = JSON.stringify(body({ amount: 0 })).replace('"amount":0', '"amount":1e309');
      const res = await http.post(path(), ws.owner.token).set('Content-Type', 'application/json').send(raw).expect(422);
      expectValidation(res, 'amount', 'The amount must be a number.');
    });

    it.each([
      ['expense_name', { expense_name: undefined }, 'The expense name field is required.'],
      ['expense_name', { expense_name: '   ' }, 'The expense name field is required.'],
      ['expense_name', { expense_name: 'x'.repeat(256) }, 'The expense name must not be longer than 255 characters.'],
      ['date', { date: undefined }, 'The date field is required.'],
      ['date', { date: '2024-02-30' }, 'The date must be a valid date in YYYY-MM-DD format.'],
      ['date', { date: '15/01/2024' }, 'The date must be a valid date in YYYY-MM-DD format.'],
      ['amount', { amount: undefined }, 'The amount field is required.'],
      ['category_id', { category_id: undefined }, 'The category id field is required.'],
      ['category_id', { category_id: 'office' }, 'The category id must be a UUID.'],
      ['category_id', { category_id: UNKNOWN_ID }, 'The selected category_id is invalid.'],
      ['project_id', { project_id: 'abc' }, 'The project id must be an integer.'],
      ['project_id', { project_id: null }, 'The project id must be an integer.'],
      ['project_id', { project_id: 2_000_000_000 }, 'The selected project_id is invalid.'],
      ['note', { note: 5 }, 'The note must be a string.'],
      ['description', { description: 'x'.repeat(1001) }, 'The description must not be longer than 1000 characters.'],
      ['is_billable', { is_billable: 'yes' }, 'The is billable field must be true or false.'],
    ])('answers 422 on %s for %j', async (field, extra, message) => {
      const res = await http.post(path(), ws.owner.token).send(body(extra)).expect(422);
      expectValidation(res, field, message);
    });

    it("refuses another workspace's category, and a project outside the caller's project scope", async () => {
      const other = await t.factories.workspace();
      const foreignCategory = await expenses.category({ workspaceId: other.id });
      expectValidation(
        await http
          .post(path(), ws.owner.token)
          .send(body({ category_id: foreignCategory.id }))
          .expect(422),
        'category_id',
      );
      const foreignProject = await t.factories.projects.create({ workspaceId: other.id });
      expectValidation(
        await http
          .post(path(), ws.owner.token)
          .send(body({ project_id: foreignProject.id }))
          .expect(422),
        'project_id',
      );
      const archived = await t.factories.projects.create({ workspaceId: ws.id, archived: true });
      expectValidation(
        await http
          .post(path(), ws.owner.token)
          .send(body({ project_id: archived.id }))
          .expect(422),
        'project_id',
      );
      // A Regular User's project scope is the projects of their active contracts.
      const ru = await member();
      const unassigned = await t.factories.projects.create({ workspaceId: ws.id });
      const res = await http
        .post(path(), ru.token)
        .send(body({ project_id: unassigned.id }))
        .expect(422);
      expectValidation(res, 'project_id', 'The selected project_id is invalid.');
      expect(await t.dataSource.query('SELECT 1 FROM expenses WHERE user_id = $1', [ru.userId])).toEqual([]);
    });

    it('answers 401 without a token, 403 to a Project viewer, 422 without workspace_id', async () => {
      await http.post(path()).send(body()).expect(401);
      const pv = await member(Role.ProjectViewer);
      expect((await http.post(path(), pv.token).send(body()).expect(403)).body.message).toBe('This action is unauthorized.');
      expectValidation(await http.post('/api/v2/expenses', ws.owner.token).send(body()).expect(422), 'workspace_id');
    });
  });

  describe('GET /expenses (listExpenses)', () => {
    it('lists newest first by creation time, with names, display dates and pagination', async () => {
      const own = await t.factories.workspace();
      await t.dataSource.query('UPDATE users SET timezone = $2 WHERE id = $1', [own.owner.userId, 'Asia/Tokyo']);
      const food = await expenses.category({ workspaceId: own.id, name: 'Food' });
      const older = await expenses.create({
        workspaceId: own.id,
        user: own.owner,
        categoryId: food.id,
        createdAt: '2024-01-15T20:00:00Z',
        date: '2024-01-05',
        amount: '12.30',
        billable: true,
      });
      const newer = await expenses.create({ workspaceId: own.id, user: own.owner, categoryId: food.id, createdAt: '2024-02-01T10:00:00Z' });
      const res = await http.get(path('', own.id), own.owner.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Expenses retrieved successfully',
        meta: { pagination: { total: 2, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 2 } },
      });
      expect(ids(res)).toEqual([newer.id, older.id]);
      // Created 2024-01-15T20:00Z: already the 16th in the owner's Tokyo.
      expect(res.body.data[1]).toMatchObject({
        expense_date: 'Jan 5, 2024',
        added_dte: 'Jan 16, 2024',
        amount: 12.3,
        category: 'Food',
        type: 'billable',
        member: 'Test User',
      });
      const second = await http.get(`${path('', own.id)}&per_page=1&page=2`, own.owner.token).expect(200);
      expect(ids(second)).toEqual([older.id]);
      expect(second.body.meta.pagination).toMatchObject({ total: 2, last_page: 2, from: 2, to: 2 });
    });

    it('filters by expense date (inclusive) and by id', async () => {
      const own = await t.factories.workspace();
      const made: Record<string, string> = {};
      for (const date of ['2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01']) {
        made[date] = (await expenses.create({ workspaceId: own.id, user: own.owner, date })).id;
      }
      const res = await http.get(`${path('', own.id)}&date_from=2024-02-01&date_to=2024-02-29`, own.owner.token).expect(200);
      expect(ids(res).sort()).toEqual([made['2024-02-01'], made['2024-02-29']].sort());
      const from = await http.get(`${path('', own.id)}&date_from=2024-02-29`, own.owner.token).expect(200);
      expect(ids(from).sort()).toEqual([made['2024-02-29'], made['2024-03-01']].sort());
      const one = await http.get(`${path('', own.id)}&id=${made['2024-01-31'].toUpperCase()}`, own.owner.token).expect(200);
      expect(ids(one)).toEqual([made['2024-01-31']]);
      expect(ids(await http.get(`${path('', own.id)}&id=&date_from=`, own.owner.token).expect(200))).toHaveLength(4);
    });

    it.each([
      ['date_to', 'date_from=2024-02-01&date_to=2024-01-31'],
      ['date_from', 'date_from=2024-13-01'],
      ['id', 'id=not-a-uuid'],
      ['per_page', 'per_page=101'],
      ['page', 'page=0'],
    ])('answers 422 on %s (%s)', async (field, query) => {
      expectValidation(await http.get(`${path()}&${query}`, ws.owner.token).expect(422), field);
    });

    it('shows a Regular User their own, a Team manager their teams’ too, and refuses a Project viewer', async () => {
      const own = await t.factories.workspace();
      const ru = await member(Role.RegularUser, own.id);
      const mate = await member(Role.RegularUser, own.id);
      const tm = await member(Role.TeamManager, own.id);
      await t.factories.teams.create({ workspaceId: own.id, manager: tm, members: [mate] });
      const byRu = await expenses.create({ workspaceId: own.id, user: ru });
      const byMate = await expenses.create({ workspaceId: own.id, user: mate });
      const byTm = await expenses.create({ workspaceId: own.id, user: tm });
      await expenses.create({ workspaceId: own.id, user: own.owner });
      expect(ids(await http.get(path('', own.id), ru.token).expect(200))).toEqual([byRu.id]);
      expect(ids(await http.get(path('', own.id), tm.token).expect(200)).sort()).toEqual([byMate.id, byTm.id].sort());
      expect(ids(await http.get(path('', own.id), own.owner.token).expect(200))).toHaveLength(4);
      const pv = await member(Role.ProjectViewer, own.id);
      await http.get(path('', own.id), pv.token).expect(403);
      await http.get(path('', own.id)).expect(401);
    });
  });

  describe('PUT /expenses/{expenseId} (updateExpense)', () => {
    it('lets the Owner change any expense partially, keeping what was left out, and records expense.updated', async () => {
      const ru = await member();
      const project = await t.factories.projects.create({ workspaceId: ws.id, name: 'Website' });
      const { id } = await expenses.create({
        workspaceId: ws.id,
        user: ru,
        categoryId: category.id,
        projectId: project.id,
        note: 'Old note',
        billable: true,
      });
      const travel = await expenses.category({ workspaceId: ws.id, name: 'Travel' });
      const res = await http
        .put(path(`/${id}`), ws.owner.token)
        .send({ amount: 160, date: '2024-01-16', category_id: travel.id, project_id: null, description: 'New note' })
        .expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Expense updated successfully',
        data: {
          id,
          expense_name: 'Office Supplies',
          expense_date: 'Jan 16, 2024',
          amount: 160,
          category: 'Travel',
          project: null,
          note: 'New note',
          type: 'billable',
        },
      });
      expect(Object.keys(res.body.data)).toEqual(EXPENSE_FIELDS);
      expect(await expenses.row(id)).toMatchObject({ user_id: ru.userId, amount: '160.00', project_id: null, category_id: travel.id });
      expect(await eventsOf(id)).toEqual([{ type: 'expense.updated', payload: res.body.data }]);
      const cleared = await http
        .put(path(`/${id}`), ws.owner.token)
        .send({ note: null, is_billable: false })
        .expect(200);
      expect(cleared.body.data).toMatchObject({ note: null, type: 'non-billable', amount: 160 });
    });

    it('lets a member change their own expense', async () => {
      const ru = await member();
      const { id } = await expenses.create({ workspaceId: ws.id, user: ru });
      const res = await http
        .put(path(`/${id}`), ru.token)
        .send({ expense_name: 'Taxi', amount: '20.05' })
        .expect(200);
      expect(res.body.data).toMatchObject({ expense_name: 'Taxi', amount: 20.05 });
    });

    it('answers 403 for an expense the caller sees but did not create, 404 outside their visibility', async () => {
      const mate = await member();
      const tm = await member(Role.TeamManager);
      await t.factories.teams.create({ workspaceId: ws.id, manager: tm, members: [mate] });
      const ofMate = await expenses.create({ workspaceId: ws.id, user: mate });
      const res = await http
        .put(path(`/${ofMate.id}`), tm.token)
        .send({ amount: 1 })
        .expect(403);
      expect(res.body.message).toBe('This action is unauthorized.');
      const ru = await member();
      expect(
        (
          await http
            .put(path(`/${ofMate.id}`), ru.token)
            .send({ amount: 1 })
            .expect(404)
        ).body.message,
      ).toBe('Expense not found.');
      expect((await expenses.row(ofMate.id))?.amount).toBe('150.50');
    });

    it('answers 404 for an unknown, malformed or foreign id, 401 and 403 before that', async () => {
      const other = await t.factories.workspace();
      const foreign = await expenses.create({ workspaceId: other.id, user: other.owner });
      for (const id of [UNKNOWN_ID, 'abc', foreign.id, 'categories']) {
        expect(
          (
            await http
              .put(path(`/${id}`), ws.owner.token)
              .send({ amount: 1 })
              .expect(404)
          ).body.message,
        ).toBe('Expense not found.');
      }
      const { id } = await expenses.create({ workspaceId: ws.id, user: ws.owner });
      await http
        .put(path(`/${id}`))
        .send({ amount: 1 })
        .expect(401);
      const pv = await member(Role.ProjectViewer);
      await http
        .put(path(`/${id}`), pv.token)
        .send({ amount: 1 })
        .expect(403);
    });

    it.each([
      ['amount', { amount: 0 }],
      ['amount', { amount: 0.001 }],
      ['amount', { amount: null }],
      ['expense_name', { expense_name: '' }],
      ['date', { date: null }],
      ['category_id', { category_id: UNKNOWN_ID }],
      ['project_id', { project_id: 2_000_000_000 }],
    ])('answers 422 on %s for %j and changes nothing', async (field, change) => {
      const { id } = await expenses.create({ workspaceId: ws.id, user: ws.owner, categoryId: category.id });
      expectValidation(
        await http
          .put(path(`/${id}`), ws.owner.token)
          .send(change)
          .expect(422),
        field,
      );
      expect(await expenses.row(id)).toMatchObject({ amount: '150.50', expense_name: 'Office Supplies', category_id: category.id });
    });
  });

  describe('DELETE /expenses/{expenseId} (deleteExpense)', () => {
    it('deletes for good and records expense.deleted with the expense as it was', async () => {
      const ru = await member();
      const { id } = await expenses.create({ workspaceId: ws.id, user: ru, categoryId: category.id });
      const before = (await http.get(`${path()}&id=${id}`, ws.owner.token).expect(200)).body.data[0];
      const res = await http.delete(path(`/${id}`), ws.owner.token).expect(200);
      expect(res.body).toMatchObject({ success: true, message: 'Expense deleted successfully', data: null });
      expect(await expenses.row(id)).toBeUndefined();
      expect(await eventsOf(id)).toEqual([{ type: 'expense.deleted', payload: before }]);
      await http.delete(path(`/${id}`), ws.owner.token).expect(404);
    });

    it('takes workspace_id from the body, and lets a member delete their own', async () => {
      const ru = await member();
      const { id } = await expenses.create({ workspaceId: ws.id, user: ru });
      await http.delete(`/api/v2/expenses/${id}`, ru.token).send({ workspace_id: ws.id }).expect(200);
      expect(await expenses.row(id)).toBeUndefined();
    });

    it("refuses others' expenses: 403 when visible, 404 when not; 401 and PV 403", async () => {
      const mate = await member();
      const pm = await member(Role.ProjectManager);
      const managed = await t.factories.projects.create({ workspaceId: ws.id, manager: pm });
      await t.factories.contracts.create({ workspaceId: ws.id, projectId: managed.id, userId: mate.userId });
      const ofMate = await expenses.create({ workspaceId: ws.id, user: mate });
      await http.delete(path(`/${ofMate.id}`), pm.token).expect(403);
      await http.delete(path(`/${ofMate.id}`), (await member()).token).expect(404);
      await http.delete(path(`/${ofMate.id}`)).expect(401);
      await http.delete(path(`/${ofMate.id}`), (await member(Role.ProjectViewer)).token).expect(403);
      await http.delete(path('/not-a-uuid'), ws.owner.token).expect(404);
      expect(await expenses.row(ofMate.id)).toBeDefined();
    });
  });

  describe('GET /expenses/categories (listExpenseCategories)', () => {
    it("lists the workspace's categories by name, never another workspace's, and is not read as an expense id", async () => {
      const own = await t.factories.workspace();
      const b = await expenses.category({ workspaceId: own.id, name: 'Travel' });
      const a = await expenses.category({ workspaceId: own.id, name: 'Meals' });
      await expenses.category({ workspaceId: ws.id, name: 'Elsewhere' });
      const ru = await member(Role.RegularUser, own.id);
      const res = await http.get(`/api/v2/expenses/categories?workspace_id=${own.id}`, ru.token).expect(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Expense categories retrieved successfully',
        data: [
          { id: a.id, name: 'Meals' },
          { id: b.id, name: 'Travel' },
        ],
        meta: { pagination: { total: 2, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 2 } },
      });
      expect(Object.keys(res.body.data[0])).toEqual(['id', 'name']);
      const page = await http.get(`/api/v2/expenses/categories?workspace_id=${own.id}&per_page=1&page=3`, ru.token).expect(200);
      expect(page.body).toMatchObject({ data: [], meta: { pagination: { total: 2, from: null, to: null } } });
    });

    it('answers 401, 403 to a Project viewer and 422 on bad paging', async () => {
      await http.get(path('/categories')).expect(401);
      await http.get(path('/categories'), (await member(Role.ProjectViewer)).token).expect(403);
      expectValidation(await http.get(`${path('/categories')}&per_page=0`, ws.owner.token).expect(422), 'per_page');
    });
  });

  describe('expense-category CLI commands', () => {
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/apps/api/src/cli.js', ...args], {
        env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'error' },
        encoding: 'utf8',
        timeout: 60_000,
      });

    it('creates, lists and deletes categories, and refuses to delete one in use', async () => {
      const own = await t.factories.workspace();
      const created = cli('expense-category:create', '--workspace-id', String(own.id), '--name', 'Software');
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      const [id, name] = created.stdout.trim().split('\t');
      expect(name).toBe('Software');
      const duplicate = cli('expense-category:create', '--workspace-id', String(own.id), '--name', 'Software');
      expect(duplicate.status).toBe(1);
      expect(duplicate.stderr).toMatch(/already exists/);
      expect(cli('expense-category:list', '--workspace-id', String(own.id)).stdout).toBe(`${id}\tSoftware\n`);

      const used = await expenses.create({ workspaceId: own.id, user: own.owner, categoryId: id });
      const refused = cli('expense-category:delete', '--workspace-id', String(own.id), '--id', id);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/used by expenses and cannot be deleted/);
      await t.dataSource.query('DELETE FROM expenses WHERE id = $1', [used.id]);
      const deleted = cli('expense-category:delete', '--workspace-id', String(own.id), '--id', id);
      expect(deleted.status).toBe(0);
      expect(await t.dataSource.query('SELECT 1 FROM expense_categories WHERE id = $1', [id])).toEqual([]);
      expect(cli('expense-category:delete', '--workspace-id', String(own.id), '--id', 'nope').status).toBe(2);
    }, 180_000);
  });

  it('writes display dates in the documented form', async () => {
    const res = await http
      .post(path(), ws.owner.token)
      .send(body({ date: '2024-12-01' }))
      .expect(201);
    expect(res.body.data.expense_date).toBe('Dec 1, 2024');
    expect(res.body.data.added_dte).toMatch(DISPLAY_DATE);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkspace } from './support/factories';
import { ExpensesFactory } from './support/factories/expenses.factory';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * conventions.md: form bodies are coerced to the declared types (they carry only text), JSON bodies are not:
 * a JSON string where a boolean or an integer is declared is a type mismatch, 422 on the field. The fuzzer found
 * createOAuthApp answering `"confidential": "true"` with 201; `@ToBoolean()` and `@ToNumber()` now coerce text
 * only when it did not come in a JSON body.
 */
describe('JSON bodies keep their types; form bodies are coerced (e2e)', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let ws: TestWorkspace;
  let categoryId: string;
  let projectId: number;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t);
    ws = await t.factories.workspace();
    categoryId = (await new ExpensesFactory(t.dataSource).category({ workspaceId: ws.id })).id;
    projectId = (await t.factories.projects.create({ workspaceId: ws.id })).id;
  });
  afterAll(async () => t.close());

  const appCount = async (): Promise<number> =>
    Number(((await t.dataSource.query('SELECT count(*) AS n FROM oauth_clients')) as { n: string }[])[0].n);

  describe('createOAuthApp confidential', () => {
    it.each(['true', 'false', '1', '0', '', 1, 0, null])(
      'refuses %p in a JSON body with 422 on confidential, creating nothing',
      async (value) => {
        const before = await appCount();
        const res = await http
          .post('/api/v2/oauth-apps', ws.owner.token)
          .send({ name: 'Job', grant_type: 'client_credentials', confidential: value })
          .expect(422);
        expect(Object.keys(res.body.errors)).toEqual(['confidential']);
        expect(await appCount()).toBe(before);
      },
    );

    it.each([
      ['true', true],
      ['1', true],
    ])('reads %p in a form body as %p', async (text, confidential) => {
      const res = await http
        .post('/api/v2/oauth-apps', ws.owner.token)
        .type('form')
        .send({ name: 'Job', grant_type: 'client_credentials', confidential: text })
        .expect(201);
      expect(res.body.data.confidential).toBe(confidential);
    });

    it('refuses redirect_uris null (not declared nullable) with 422 on redirect_uris', async () => {
      const res = await http
        .post('/api/v2/oauth-apps', ws.owner.token)
        .send({ name: 'Job', grant_type: 'client_credentials', redirect_uris: null })
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['redirect_uris']);
    });

    it('takes a JSON boolean as it is', async () => {
      const res = await http
        .post('/api/v2/oauth-apps', ws.owner.token)
        .send({ name: 'Job', grant_type: 'client_credentials', confidential: true })
        .expect(201);
      expect(res.body.data.confidential).toBe(true);
    });
  });

  describe('createExpense is_billable and project_id', () => {
    const expense = (extra: Record<string, unknown>) => ({
      expense_name: 'Taxi',
      date: '2024-01-15',
      amount: 12.5,
      category_id: categoryId,
      ...extra,
    });

    it.each([
      ['is_billable', () => 'true'],
      ['is_billable', () => '0'],
      ['project_id', () => String(projectId)],
    ])('refuses %s as a string in a JSON body with 422 on the field', async (field, value) => {
      const res = await http
        .post(`/api/v2/expenses?workspace_id=${ws.id}`, ws.owner.token)
        .send(expense({ [field]: value() }))
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('reads is_billable=true and amount=12.50 in a form body', async () => {
      const res = await http
        .post(`/api/v2/expenses?workspace_id=${ws.id}`, ws.owner.token)
        .type('form')
        .send({ ...expense({ is_billable: 'true', project_id: String(projectId) }), amount: '12.50' })
        .expect(201);
      expect(res.body.data).toMatchObject({ type: 'billable', amount: 12.5 });
      expect(res.body.data.project).toEqual(expect.any(String));
    });
  });

  describe('createTimeEntry user_id', () => {
    const entry = (userId: unknown) => ({
      workspace_id: ws.id,
      user_id: userId,
      date: '2024-01-15',
      start_time: '09:00',
      end_time: '10:00',
    });

    it('refuses a numeric string in a JSON body with 422 on user_id', async () => {
      const res = await http
        .post('/api/v2/time-entries', ws.owner.token)
        .send(entry(String(ws.owner.userId)))
        .expect(422);
      expect(Object.keys(res.body.errors)).toEqual(['user_id']);
    });

    it('reads the same text in a form body as the integer', async () => {
      const res = await http
        .post('/api/v2/time-entries', ws.owner.token)
        .type('form')
        .send(entry(String(ws.owner.userId)))
        .expect(201);
      expect(res.body.data.user_id).toBe(ws.owner.userId);
    });

    it.each([(id: number) => `${id}.0`, (id: number) => `0${id}`, (id: number) => ` ${id}`])(
      'refuses non-canonical integer text in a form body with 422 on user_id (%#)',
      async (spell) => {
        const res = await http
          .post('/api/v2/time-entries', ws.owner.token)
          .type('form')
          .send(entry(spell(ws.owner.userId)))
          .expect(422);
        expect(res.body.errors).toEqual({ user_id: ['The user id must be an integer.'] });
      },
    );
  });

  describe('integer fields of other form bodies', () => {
    it('refuses weekly_hours_limit=40.0 on a form-encoded contract with 422 on the field', async () => {
      const contract = await http
        .post(`/api/v2/contracts?workspace_id=${ws.id}`, ws.owner.token)
        .type('form')
        .send({ user_id: String(ws.owner.userId), project_id: '1', weekly_hours_limit: '40.0' })
        .expect(422);
      expect(Object.keys(contract.body.errors)).toEqual(['weekly_hours_limit']);
      expect(contract.body.errors.weekly_hours_limit).toContain('The weekly hours limit must be an integer.');
    });
  });
});

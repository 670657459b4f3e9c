import { expect } from '@jest/globals';
import { ExpensesFactory } from '../../support/factories/expenses.factory';
import type { CellContext, CellResponses, MatrixRow, RecordId, ScopedRecords } from '../matrix.types';
import { personScope } from '../person-scope';

/**
 * Expenses belong to their creator, so the records come from the person scope of roles.md (person-scope.ts).
 * - listExpenses: one expense for each member in and outside the caller's scope.
 * - updateExpense, deleteExpense ("own"): the caller's own expense is in scope, the expenses of people outside the
 *   person scope are not (404). Others' expenses inside a TM's or PM's scope answer 403, which no outcome of a
 *   record row expresses alongside 2xx and 404: test/expenses.e2e-spec.ts checks those.
 */

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const expensesOf = async (ctx: CellContext, people: readonly RecordId[]): Promise<RecordId[]> => {
  const factory = new ExpensesFactory(ctx.dataSource);
  const ids: RecordId[] = [];
  for (const userId of people) ids.push((await factory.create({ workspaceId: ctx.workspace.id, user: Number(userId) })).id);
  return ids;
};

async function listScope(ctx: CellContext): Promise<ScopedRecords> {
  const people = await personScope(ctx);
  return { inScope: await expensesOf(ctx, people.inScope), outOfScope: await expensesOf(ctx, people.outOfScope) };
}

/** The caller's own expense when they are live in A (OW and EM included), and those of people outside their person scope. */
async function ownScope(ctx: CellContext): Promise<ScopedRecords> {
  const people = await personScope(ctx);
  const own = ctx.caller.liveRole === null ? [] : [ctx.caller.userId];
  return { inScope: await expensesOf(ctx, own), outOfScope: await expensesOf(ctx, people.outOfScope) };
}

const amountOf = async ({ dataSource }: CellContext, id: RecordId): Promise<string | undefined> =>
  ((await dataSource.query('SELECT amount::text AS amount FROM expenses WHERE id = $1', [id])) as { amount: string }[])[0]?.amount;

/** roles.md listExpenses: OW, EM ✓; TM, PM person scope; RU self; PV ✗. */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md updateExpense, deleteExpense: OW, EM ✓; TM, PM, RU own; PV ✗. */
const CHANGE = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 own',
  'Project manager': '200 own',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  // Owner of B, naming B with the ids of A's expenses: not found there.
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '403 scope',
  'OAuth token': '200 all',
} as const;

/** The category createExpense names, made by `records` in the workspace the caller sends, before `body` runs. */
const categories = new WeakMap<CellContext, string>();

export const EXPENSES_ROWS: MatrixRow[] = [
  {
    operationId: 'listExpenses',
    method: 'GET',
    path: '/expenses',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listExpenses; expenses.md; auth.md: read',
    records: listScope,
    listedIds: ({ data }) => (data as { id: string }[]).map((expense) => expense.id),
    // The foreign member lists their own workspace: none of A's expenses.
    expect: { ...READ, 'foreign member': '200 none' },
  },
  {
    operationId: 'createExpense',
    method: 'POST',
    path: '/expenses',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createExpense: own, every role but PV; expenses.md: a category of the workspace; auth.md: write',
    records: async (ctx) => {
      categories.set(ctx, (await new ExpensesFactory(ctx.dataSource).category({ workspaceId: ctx.caller.workspaceId })).id);
      return { inScope: [], outOfScope: [] };
    },
    body: (ctx) => ({ expense_name: 'Role matrix', date: '2024-01-15', amount: 10, category_id: categories.get(ctx) }),
    expect: {
      ...CHANGE,
      Owner: '201',
      'Executive manager': '201',
      'Team manager': '201',
      'Project manager': '201',
      'Regular User': '201',
      // The foreign member (Owner of B) records their own expense in B, with a category of B: theirs to do.
      'foreign member': '201',
      'OAuth token': '201',
    },
    verify: async (ctx, { response }) => {
      const rows: unknown[] = await ctx.dataSource.query('SELECT id FROM expenses WHERE category_id = $1', [categories.get(ctx)]);
      expect(rows).toHaveLength(response?.status === 201 ? 1 : 0);
    },
  },
  {
    operationId: 'updateExpense',
    method: 'PUT',
    path: '/expenses/{expenseId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md updateExpense: OW, EM ✓, others own; conventions.md: outside visibility 404; auth.md: write',
    records: ownScope,
    body: () => ({ amount: 7.77 }),
    expect: CHANGE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        if (succeeded(responses, id)) expect(await amountOf(ctx, id)).toBe('7.77');
        else expect(await amountOf(ctx, id)).toBe('150.50');
      }
    },
  },
  {
    operationId: 'deleteExpense',
    method: 'DELETE',
    path: '/expenses/{expenseId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md deleteExpense: OW, EM ✓, others own; conventions.md: outside visibility 404; auth.md: write',
    records: ownScope,
    expect: CHANGE,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        if (succeeded(responses, id)) expect(await amountOf(ctx, id)).toBeUndefined();
        else expect(await amountOf(ctx, id)).toBe('150.50');
      }
    },
  },
  {
    operationId: 'listExpenseCategories',
    method: 'GET',
    path: '/expenses/categories',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listExpenseCategories: every role but PV; auth.md: read',
    records: async (ctx) => {
      const factory = new ExpensesFactory(ctx.dataSource);
      const ids: RecordId[] = [];
      for (let i = 0; i < 2; i++) ids.push((await factory.category({ workspaceId: ctx.workspace.id })).id);
      return { inScope: [], outOfScope: ids };
    },
    listedIds: ({ data }) => (data as { id: string }[]).map((category) => category.id),
    expect: {
      ...READ,
      'Team manager': '200 all',
      'Project manager': '200 all',
      'Regular User': '200 all',
      'foreign member': '200 none',
    },
  },
];

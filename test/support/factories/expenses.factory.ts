import type { DataSource } from 'typeorm';
import { unique, userIdOf, UserRef } from './factory-deps';

export interface CreateExpenseCategoryInput {
  workspaceId: number;
  /** Default: a unique name. */
  name?: string;
}

export interface CreateExpenseInput {
  workspaceId: number;
  /** The creator, whose expense it is. */
  user: UserRef;
  /** Default: a new category of the workspace. */
  categoryId?: string;
  projectId?: number | null;
  name?: string;
  /** `YYYY-MM-DD`; default 2024-01-15. */
  date?: string;
  /** numeric(12, 2) text; default '150.50'. */
  amount?: string;
  note?: string | null;
  billable?: boolean;
  /** Default: now. */
  createdAt?: Date | string;
}

/**
 * Expense categories (managed outside the API: the CLI) and expenses, written as rows. Built from the data
 * source alone (`new ExpensesFactory(t.dataSource)`), so it also serves the role-matrix rows and the fuzz fixture.
 */
export class ExpensesFactory {
  constructor(private readonly dataSource: DataSource) {}

  async category({ workspaceId, name = `Category ${unique()}` }: CreateExpenseCategoryInput): Promise<{ id: string; name: string }> {
    const [row] = (await this.dataSource.query('INSERT INTO expense_categories (workspace_id, name) VALUES ($1, $2) RETURNING id, name', [
      workspaceId,
      name,
    ])) as { id: string; name: string }[];
    return row;
  }

  async create({
    workspaceId,
    user,
    categoryId,
    projectId = null,
    name = 'Office Supplies',
    date = '2024-01-15',
    amount = '150.50',
    note = null,
    billable = false,
    createdAt = new Date(),
  }: CreateExpenseInput): Promise<{ id: string }> {
    const category = categoryId ?? (await this.category({ workspaceId })).id;
    const [row] = (await this.dataSource.query(
      `INSERT INTO expenses (workspace_id, user_id, project_id, category_id, expense_name, expense_date, amount, note, is_billable,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
      [workspaceId, userIdOf(user), projectId, category, name, date, amount, note, billable, new Date(createdAt)],
    )) as { id: string }[];
    return row;
  }

  /** The stored row, as PostgreSQL holds it (the amount as numeric text), or undefined once deleted. */
  async row(id: string): Promise<Record<string, unknown> | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT user_id, project_id, category_id, expense_name, to_char(expense_date, 'YYYY-MM-DD') AS expense_date, amount::text AS amount,
              note, is_billable FROM expenses WHERE id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0];
  }
}

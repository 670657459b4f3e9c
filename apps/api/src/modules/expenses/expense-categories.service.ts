import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import { Paginated, PageRequest, pageRequest } from '@app/common';
import { PreparedList } from '@app/database';
import { DataSource, QueryFailedError } from 'typeorm';
import { ExpenseCategoryResponseDto, ListExpenseCategoriesQueryDto } from './expenses.dto';
import { expenseCategoryError } from './expenses.exception';
import { ExpenseCategoryRow, toExpenseCategoryResponse } from './expenses.mapper';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const sqlState = (error: unknown): string | undefined =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;

/**
 * Expense categories: the API lists them (every role but PV); they are managed outside it (expenses.md), through
 * the CLI, which calls `create` and `remove` here.
 */
@Injectable()
export class ExpenseCategoriesService {
  private readonly listStatement = PreparedList.compile<ExpenseCategoryRow>('expense_categories.list', {
    query: (param) =>
      this.dataSource.manager
        .createQueryBuilder()
        .from('expense_categories', 'ec')
        .where('ec.workspace_id = :workspaceId', { workspaceId: param('workspaceId') }),
    idColumn: 'ec.id',
    // Decision: by name (the unique index's order), then id.
    orderBy: [
      ['ec.name', 'ASC'],
      ['ec.id', 'ASC'],
    ],
    select: ['ec.id AS id', 'ec.name AS name'],
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(auth: AuthContext, query: ListExpenseCategoriesQueryDto): Promise<Paginated<ExpenseCategoryResponseDto>> {
    return this.page(auth.workspaceId, pageRequest(query));
  }

  page(workspaceId: number, page: PageRequest): Promise<Paginated<ExpenseCategoryResponseDto>> {
    return this.listStatement.run(this.dataSource.manager, { workspaceId }, page, toExpenseCategoryResponse);
  }

  /** A new category; names are unique in a workspace (409 otherwise). */
  async create(workspaceId: number, name: string): Promise<ExpenseCategoryResponseDto> {
    try {
      const [row] = (await this.dataSource.query('INSERT INTO expense_categories (workspace_id, name) VALUES ($1, $2) RETURNING id, name', [
        workspaceId,
        name,
      ])) as ExpenseCategoryRow[];
      return toExpenseCategoryResponse(row);
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw expenseCategoryError('DuplicateName');
      throw error;
    }
  }

  /** Refused while an expense uses the category (the foreign key restricts it): expenses keep their category. */
  async remove(workspaceId: number, categoryId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [category] = (await manager.query(
        `SELECT (SELECT count(*)::int FROM expenses WHERE category_id = ec.id) AS used
           FROM expense_categories ec WHERE ec.id = $1 AND ec.workspace_id = $2 FOR UPDATE`,
        [categoryId, workspaceId],
      )) as { used: number }[];
      if (!category) throw expenseCategoryError('NotFound');
      if (category.used > 0) throw expenseCategoryError('InUse');
      try {
        await manager.query('DELETE FROM expense_categories WHERE id = $1', [categoryId]);
      } catch (error) {
        // An expense created meanwhile (its transaction committed after our count).
        if (sqlState(error) === FOREIGN_KEY_VIOLATION) throw expenseCategoryError('InUse');
        throw error;
      }
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, MANAGEMENT_ROLES, personScope, placeholderSubject, projectScope, Role } from '@app/auth';
import { ownerZoneSql, Paginated, pageRequest, toDecimal } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Expense } from './expense.entity';
import { CreateExpenseDto, EXPENSE_AMOUNT, ExpenseResponseDto, ListExpensesQueryDto, UpdateExpenseDto } from './expenses.dto';
import { expenseError, expenseValidationError } from './expenses.exception';
import { ExpenseRow, toExpenseResponse } from './expenses.mapper';

/**
 * Decision: `added_dte` is the creation instant's date in the workspace owner's time zone (UTC when unset), as
 * report days are (conventions.md). An uncorrelated subquery: PostgreSQL evaluates it once per statement.
 */
const OWNER_ZONE = ownerZoneSql(':workspaceId');

/** The Expense columns; the joins are LEFT joins on primary keys, which PostgreSQL drops from the count and id subqueries. */
const EXPENSE_COLUMNS = [
  'e.id AS id',
  'e.user_id AS user_id',
  'u.firstname AS firstname',
  'u.lastname AS lastname',
  `to_char(e.expense_date, 'YYYY-MM-DD') AS expense_date`,
  'e.expense_name AS expense_name',
  'p.name AS project_name',
  'c.name AS category_name',
  'e.amount::text AS amount',
  'e.note AS note',
  'e.is_billable AS is_billable',
  `to_char(e.created_at AT TIME ZONE ${OWNER_ZONE}, 'YYYY-MM-DD') AS added_date`,
];

interface ListFilters {
  from: boolean;
  to: boolean;
  id: boolean;
}

type Param = (key: string) => string;

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');
const isManager = (auth: AuthContext): boolean => MANAGEMENT_ROLES.includes(auth.role);
/** `note`, else its alias `description` (expenses.md); `undefined` when neither was sent; blank text is no note. */
const noteOf = (dto: { note?: string | null; description?: string | null }): string | null | undefined => {
  const note = dto.note !== undefined ? dto.note : dto.description;
  return note === undefined ? undefined : note || null;
};

@Injectable()
export class ExpensesService {
  private readonly readStatements = new Map<Role, PreparedStatement<ExpenseRow>>();
  private readonly lockStatements = new Map<Role, PreparedStatement<{ user_id: number }>>();
  private readonly listStatements = new Map<string, PreparedList<ExpenseRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** roles.md listExpenses: OW/EM everyone's, TM/PM their person scope, RU their own; newest first by creation time. */
  list(auth: AuthContext, query: ListExpensesQueryDto): Promise<Paginated<ExpenseResponseDto>> {
    const filters = { from: query.date_from !== undefined, to: query.date_to !== undefined, id: query.id !== undefined };
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      dateFrom: query.date_from,
      dateTo: query.date_to,
      filterId: query.id,
    };
    return this.listStatement(auth.role, filters).run(this.dataSource.manager, params, pageRequest(query), toExpenseResponse);
  }

  /** The caller's own expense (the body has no user field); category of the workspace, project within the caller's scope. */
  create(auth: AuthContext, dto: CreateExpenseDto): Promise<ExpenseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireCategory(manager, auth, dto.category_id);
      if (dto.project_id !== undefined) await this.requireProject(manager, auth, dto.project_id);
      const [{ id }] = (await manager.query(
        `INSERT INTO expenses (workspace_id, user_id, project_id, category_id, expense_name, expense_date, amount, note, is_billable)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          auth.workspaceId,
          auth.userId,
          dto.project_id ?? null,
          dto.category_id,
          dto.expense_name,
          dto.date,
          toDecimal(dto.amount, EXPENSE_AMOUNT),
          noteOf(dto) ?? null,
          dto.is_billable ?? false,
        ],
      )) as { id: string }[];
      return this.recordEvent(manager, auth, 'expense.created', id);
    });
  }

  /** Partial update: OW/EM any expense they see, everyone else only their own. */
  update(auth: AuthContext, expenseId: string, dto: UpdateExpenseDto): Promise<ExpenseResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireWritable(manager, auth, expenseId);
      if (dto.category_id !== undefined) await this.requireCategory(manager, auth, dto.category_id);
      if (dto.project_id !== undefined && dto.project_id !== null) await this.requireProject(manager, auth, dto.project_id);
      const note = noteOf(dto);
      const changes: Partial<Expense> = {
        ...(dto.expense_name !== undefined && { expenseName: dto.expense_name }),
        ...(dto.date !== undefined && { expenseDate: dto.date }),
        ...(dto.amount !== undefined && { amount: toDecimal(dto.amount, EXPENSE_AMOUNT) }),
        ...(dto.category_id !== undefined && { categoryId: dto.category_id }),
        ...(dto.project_id !== undefined && { projectId: dto.project_id }),
        ...(note !== undefined && { note }),
        ...(dto.is_billable !== undefined && { isBillable: dto.is_billable }),
      };
      await manager
        .createQueryBuilder()
        .update(Expense)
        .set({ ...changes, updatedAt: () => 'now()' })
        .where('id = :expenseId', { expenseId })
        .execute();
      return this.recordEvent(manager, auth, 'expense.updated', expenseId);
    });
  }

  /** Deleted for good; the event carries the Expense as it was. */
  remove(auth: AuthContext, expenseId: string): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireWritable(manager, auth, expenseId);
      const response = toExpenseResponse(await this.readRow(manager, auth, expenseId));
      await manager.query('DELETE FROM expenses WHERE id = $1', [expenseId]);
      await this.events.record(manager, { type: 'expense.deleted', workspaceId: auth.workspaceId, payload: response });
      return null;
    });
  }

  /**
   * The expense, locked for this transaction: outside the caller's person scope it is a 404; inside it, a member
   * other than OW/EM may change only their own (roles.md "updateExpense, deleteExpense": own), else 403.
   */
  private async requireWritable(manager: EntityManager, auth: AuthContext, expenseId: string): Promise<void> {
    const [row] = await this.lockStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, expenseId });
    if (!row) throw expenseError('NotFound');
    if (!isManager(auth) && row.user_id !== auth.userId) throw expenseError('NotOwn');
  }

  /** A category of the caller's workspace; KEY SHARE keeps it from being deleted before this transaction commits. */
  private async requireCategory(manager: EntityManager, auth: AuthContext, categoryId: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM expense_categories WHERE id = $1 AND workspace_id = $2 FOR KEY SHARE', [
      categoryId,
      auth.workspaceId,
    ]);
    if (rows.length === 0) throw expenseValidationError('CategoryNotInWorkspace');
  }

  /** A live project of the workspace within the caller's project scope (roles.md). */
  private async requireProject(manager: EntityManager, auth: AuthContext, projectId: number): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .select('p.id', 'id')
      .from('projects', 'p')
      .where('p.id = :projectId', { projectId })
      .andWhere('p.workspace_id = :workspaceId', { workspaceId: auth.workspaceId })
      .andWhere('p.deleted_at IS NULL');
    const scope = projectScope(auth, 'p');
    if (scope) query.andWhere(scope.sql, scope.params);
    if (!(await query.getRawOne())) throw expenseValidationError('ProjectNotInScope');
  }

  /** A write answers with the row it wrote, read in its own transaction; the event carries the same Expense. */
  private async recordEvent(manager: EntityManager, auth: AuthContext, type: EventType, expenseId: string): Promise<ExpenseResponseDto> {
    const response = toExpenseResponse(await this.readRow(manager, auth, expenseId));
    await this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: response });
    return response;
  }

  private async readRow(manager: EntityManager, auth: AuthContext, expenseId: string): Promise<ExpenseRow> {
    const [row] = await this.readStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, expenseId });
    if (!row) throw expenseError('NotFound');
    return row;
  }

  private readStatement(role: Role): PreparedStatement<ExpenseRow> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<ExpenseRow>(`expenses.get.${roleKey(role)}`, (param) =>
        this.withNames(this.visibleExpenses(role, param))
          .select(EXPENSE_COLUMNS)
          .andWhere('e.id = CAST(:expenseId AS uuid)', { expenseId: param('expenseId') }),
      );
      this.readStatements.set(role, statement);
    }
    return statement;
  }

  private lockStatement(role: Role): PreparedStatement<{ user_id: number }> {
    let statement = this.lockStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<{ user_id: number }>(`expenses.lock.${roleKey(role)}`, (param) =>
        this.visibleExpenses(role, param)
          .select('e.user_id', 'user_id')
          .andWhere('e.id = CAST(:expenseId AS uuid)', { expenseId: param('expenseId') })
          .setLock('pessimistic_write', undefined, ['e']),
      );
      this.lockStatements.set(role, statement);
    }
    return statement;
  }

  private listStatement(role: Role, filters: ListFilters): PreparedList<ExpenseRow> {
    const flags = `${filters.from ? 'f' : ''}${filters.to ? 't' : ''}${filters.id ? 'i' : ''}` || 'all';
    const key = `${role}:${flags}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<ExpenseRow>(`expenses.list.${roleKey(role)}.${flags}`, {
        query: (param) => {
          const visible = this.withNames(this.visibleExpenses(role, param));
          if (filters.from) visible.andWhere('e.expense_date >= CAST(:dateFrom AS date)', { dateFrom: param('dateFrom') });
          if (filters.to) visible.andWhere('e.expense_date <= CAST(:dateTo AS date)', { dateTo: param('dateTo') });
          if (filters.id) visible.andWhere('e.id = CAST(:filterId AS uuid)', { filterId: param('filterId') });
          return visible;
        },
        idColumn: 'e.id',
        // conventions.md: expenses newest first by creation time.
        orderBy: [
          ['e.created_at', 'DESC'],
          ['e.id', 'DESC'],
        ],
        select: EXPENSE_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  private withNames(query: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
    return query
      .leftJoin('users', 'u', 'u.id = e.user_id')
      .leftJoin('projects', 'p', 'p.id = e.project_id')
      .leftJoin('expense_categories', 'c', 'c.id = e.category_id');
  }

  /** Expenses of the workspace inside the caller's person scope (roles.md listExpenses), through the access layer. */
  private visibleExpenses(role: Role, param: Param): SelectQueryBuilder<ObjectLiteral> {
    const placeholders = placeholderSubject(role, param);
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('expenses', 'e')
      .where('e.workspace_id = :workspaceId', { workspaceId: param('workspaceId') });
    const scope = personScope(placeholders, 'e.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }
}

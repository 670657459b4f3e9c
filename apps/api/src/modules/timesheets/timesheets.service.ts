import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, personScope, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest, sqlDirection, SortDirection } from '@app/common';
import { PreparedList } from '@app/database';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DAILY_BREAKDOWN } from './timesheet-breakdown.sql';
import { ListTimesheetsQueryDto, TimesheetDto } from './timesheets.dto';
import { TimesheetRow, toTimesheetResponse } from './timesheets.mapper';

const TIMESHEET_COLUMNS = [
  'ts.id AS id',
  'ts.user_id AS user_id',
  'u.firstname AS firstname',
  'u.lastname AS lastname',
  'u.email AS email',
  'u.avatar AS avatar',
  'ts.date_from AS date_from',
  'ts.date_to AS date_to',
  'ts.status AS status',
  'ts.submitted_on AS submitted_on',
  'ts.reject_reason AS reject_reason',
  'ts.created_at AS created_at',
  `${DAILY_BREAKDOWN} AS breakdown`,
];

/** The optional filters, each with its own index (timesheets.entity.ts): one compiled statement per combination. */
const FILTERS = {
  id: 'ts.id = :filterId',
  status: 'ts.status = :filterStatus',
  date_from: 'ts.date_to >= :filterDateFrom',
  date_to: 'ts.date_from <= :filterDateTo',
  user_id: 'ts.user_id = :filterUserId',
} as const;

type FilterName = keyof typeof FILTERS;
const FILTER_NAMES = Object.keys(FILTERS) as FilterName[];
const PARAM_OF: Record<FilterName, string> = {
  id: 'filterId',
  status: 'filterStatus',
  date_from: 'filterDateFrom',
  date_to: 'filterDateTo',
  user_id: 'filterUserId',
};

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');

@Injectable()
export class TimesheetsService {
  private readonly listStatements = new Map<string, PreparedList<TimesheetRow>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A count and a page statement: the page picks its timesheet ids first, then builds each one's breakdown from
   * the member's entries of that period only (timesheet-breakdown.sql.ts).
   */
  list(auth: AuthContext, query: ListTimesheetsQueryDto): Promise<Paginated<TimesheetDto>> {
    const used = FILTER_NAMES.filter((name) => query[name] !== undefined);
    const params: Record<string, unknown> = { workspaceId: auth.workspaceId, userId: auth.userId };
    for (const name of used) params[PARAM_OF[name]] = query[name];
    return this.listStatement(auth.role, used, query.order_by).run(this.dataSource.manager, params, pageRequest(query), (row) =>
      toTimesheetResponse(row, auth.canViewRates),
    );
  }

  private listStatement(role: Role, used: readonly FilterName[], direction: SortDirection): PreparedList<TimesheetRow> {
    const flags = used.map((name) => name.replace('_', '')).join('.') || 'all';
    const key = `${role}:${flags}:${direction}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      const order = sqlDirection(direction);
      statement = PreparedList.compile<TimesheetRow>(`timesheets.list.${roleKey(role)}.${flags}.${direction}`, {
        query: (param) => {
          const visible = this.visibleTimesheets(role, param);
          for (const name of used) visible.andWhere(FILTERS[name], { [PARAM_OF[name]]: param(PARAM_OF[name]) });
          return visible;
        },
        idColumn: 'ts.id',
        orderBy: [
          ['ts.created_at', order],
          ['ts.id', order],
        ],
        select: TIMESHEET_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  /** Live timesheets of the workspace inside the caller's person scope (roles.md listTimesheets). */
  private visibleTimesheets(role: Role, param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('timesheets', 'ts')
      .innerJoin('users', 'u', 'u.id = ts.user_id')
      .where('ts.workspace_id = :workspaceId', { workspaceId: param('workspaceId') })
      .andWhere('ts.deleted_at IS NULL');
    const placeholders = placeholderSubject(role, param);
    const scope = personScope(placeholders, 'ts.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }
}

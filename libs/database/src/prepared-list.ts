import { Paginated, PageRequest, pageOffset, paginationMeta } from '@app/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PreparedStatement } from './prepared-statement';

export interface PreparedListDefinition {
  /** FROM, joins and WHERE (filters and role scope), every value a `param('key')` placeholder. */
  query: (param: (key: string) => string) => SelectQueryBuilder<ObjectLiteral>;
  idColumn: string;
  /** A total order: end with the id so pages never overlap. */
  orderBy: readonly (readonly [column: string, direction: 'ASC' | 'DESC'])[];
  select: readonly string[];
}

function ordered(query: SelectQueryBuilder<ObjectLiteral>, orderBy: PreparedListDefinition['orderBy']): SelectQueryBuilder<ObjectLiteral> {
  orderBy.forEach(([column, direction], index) => (index === 0 ? query.orderBy(column, direction) : query.addOrderBy(column, direction)));
  return query;
}

/** The page statement's extra column: the total of the whole list, from an uncorrelated subquery (run once). */
const PAGE_TOTAL = '__page_total';

type WithTotal<TRow> = TRow & { [PAGE_TOTAL]: number };

/**
 * `paginate` for hot lists in ONE statement: the page's rows carry the list's total, computed by an uncorrelated
 * count subquery (an InitPlan, evaluated once per execution), and the page picks its ids first, so per-row
 * subqueries run for the returned rows only. Constant SQL as a named prepared statement (offset and limit are
 * parameters too), compiled once per variant. Only a page past the end, which has no row to carry the total,
 * needs the separate count statement.
 */
export class PreparedList<TRow extends ObjectLiteral> {
  private constructor(
    private readonly count: PreparedStatement<{ total: number }>,
    private readonly page: PreparedStatement<WithTotal<TRow>>,
  ) {}

  static compile<TRow extends ObjectLiteral>(name: string, definition: PreparedListDefinition): PreparedList<TRow> {
    const count = PreparedStatement.compile<{ total: number }>(`${name}.count`, (param) =>
      definition.query(param).select('count(*)::int', 'total'),
    );
    const page = PreparedStatement.compile<WithTotal<TRow>>(`${name}.page`, (param) => {
      const ids = ordered(definition.query(param).select(definition.idColumn), definition.orderBy);
      const total = definition.query(param).select('count(*)::int');
      return ordered(
        definition
          .query(param)
          .select([...definition.select])
          .addSelect(`(${total.getQuery()})`, PAGE_TOTAL)
          .andWhere(`${definition.idColumn} IN (${ids.getQuery()} OFFSET :page_offset LIMIT :page_limit)`, {
            page_offset: param('pageOffset'),
            page_limit: param('pageLimit'),
          }),
        definition.orderBy,
      );
    });
    return new PreparedList<TRow>(count, page);
  }

  async run<TItem>(
    manager: EntityManager,
    params: Record<string, unknown>,
    page: PageRequest,
    map: (row: TRow) => TItem,
  ): Promise<Paginated<TItem>> {
    const offset = pageOffset(page);
    const rows = await this.page.run(manager, { ...params, pageOffset: offset, pageLimit: page.perPage });
    const total = rows.length > 0 ? Number(rows[0][PAGE_TOTAL]) : offset === 0 ? 0 : await this.countAll(manager, params);
    // The total column is the list's, not the row's: mappers (some pass rows through) never see it.
    const items = rows.map(({ [PAGE_TOTAL]: _total, ...row }) => map(row as unknown as TRow));
    return new Paginated(items, paginationMeta(total, page, items.length));
  }

  private async countAll(manager: EntityManager, params: Record<string, unknown>): Promise<number> {
    const [row] = await this.count.run(manager, params);
    return row?.total ?? 0;
  }
}

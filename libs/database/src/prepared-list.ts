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

/**
 * `paginate` for hot lists: the count and the page as two named prepared statements with constant SQL (the page's
 * offset and limit are parameters too), compiled once per variant. The page statement picks the page's ids first,
 * so per-row subqueries run for the returned rows only.
 */
export class PreparedList<TRow extends ObjectLiteral> {
  private constructor(
    private readonly count: PreparedStatement<{ total: number }>,
    private readonly page: PreparedStatement<TRow>,
  ) {}

  static compile<TRow extends ObjectLiteral>(name: string, definition: PreparedListDefinition): PreparedList<TRow> {
    const count = PreparedStatement.compile<{ total: number }>(`${name}.count`, (param) =>
      definition.query(param).select('count(*)::int', 'total'),
    );
    const page = PreparedStatement.compile<TRow>(`${name}.page`, (param) => {
      const ids = ordered(definition.query(param).select(definition.idColumn), definition.orderBy);
      return ordered(
        definition
          .query(param)
          .select([...definition.select])
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
    const [[count], rows] = await Promise.all([
      this.count.run(manager, params),
      this.page.run(manager, { ...params, pageOffset: pageOffset(page), pageLimit: page.perPage }),
    ]);
    const items = rows.map(map);
    return new Paginated(items, paginationMeta(count?.total ?? 0, page, items.length));
  }
}

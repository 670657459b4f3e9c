import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Paginated } from '../envelope/paginated';
import { pageOffset, PageRequest, paginationMeta } from './pagination';

export interface PaginateOptions<TRow, TItem> {
  /** FROM, joins and WHERE (filters and role scope) only: no select, order, offset or limit. */
  query: SelectQueryBuilder<ObjectLiteral>;
  /** The row key, e.g. `p.id`. */
  idColumn: string;
  /** A total order: end with the id so pages never overlap. */
  orderBy: readonly (readonly [column: string, direction: 'ASC' | 'DESC'])[];
  /** The columns of one item, including per-row subqueries (counts, `json_agg` children). */
  select: readonly string[];
  page: PageRequest;
  map: (row: TRow) => TItem;
}

/**
 * A list: one statement for the count, one for the page. The page statement picks the page's ids first, in a
 * subquery with the order, offset and limit, so the per-row subqueries of `select` run for the returned rows
 * only, however deep the page. Returns `meta.pagination` as the envelope wants it.
 */
export async function paginate<TRow, TItem>(options: PaginateOptions<TRow, TItem>): Promise<Paginated<TItem>> {
  const { query, idColumn, orderBy, page } = options;
  const ids = query.clone().select(idColumn).offset(pageOffset(page)).limit(page.perPage);
  orderBy.forEach(([column, direction], index) => (index === 0 ? ids.orderBy(column, direction) : ids.addOrderBy(column, direction)));
  const rows = query
    .clone()
    .select([...options.select])
    .andWhere(`${idColumn} IN (${ids.getQuery()})`);
  orderBy.forEach(([column, direction], index) => (index === 0 ? rows.orderBy(column, direction) : rows.addOrderBy(column, direction)));
  const [count, items] = await Promise.all([
    query.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
    rows.getRawMany<TRow>(),
  ]);
  const mapped = items.map(options.map);
  return new Paginated(mapped, paginationMeta(count?.total ?? 0, page, mapped.length));
}

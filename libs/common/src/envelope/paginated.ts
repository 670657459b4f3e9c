import { PaginationMeta } from './meta';

/** What list handlers return; the interceptor moves `pagination` into `meta`. */
export class Paginated<T> {
  constructor(
    readonly items: T[],
    readonly pagination: PaginationMeta,
  ) {}
}

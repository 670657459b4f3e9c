import { PaginationMeta } from '../envelope/meta';

export interface PageRequest {
  page: number;
  perPage: number;
}

export function pageOffset({ page, perPage }: PageRequest): number {
  return (page - 1) * perPage;
}

/** Builds the documented `meta.pagination` block; `from`/`to` are null on an empty page. */
export function paginationMeta(total: number, { page, perPage }: PageRequest, itemCount: number): PaginationMeta {
  const first = (page - 1) * perPage + 1;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    from: itemCount > 0 ? first : null,
    to: itemCount > 0 ? first + itemCount - 1 : null,
  };
}

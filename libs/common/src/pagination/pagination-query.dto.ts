import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalQueryInt } from '../validation/query-int.decorator';
import { PageRequest } from './pagination';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** Keeps OFFSET arithmetic far from overflow; nobody pages this deep. */
export const MAX_PAGE = 1_000_000;

/** Optional query parameters carry a `default` but no `example`, which Swagger UI would send as a filter. */
export class PaginationQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number, from 1.' })
  @OptionalQueryInt({ min: 1, max: MAX_PAGE })
  page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: DEFAULT_PER_PAGE,
    description: `Rows per page, at most ${MAX_PER_PAGE}.`,
  })
  @OptionalQueryInt({ min: 1, max: MAX_PER_PAGE })
  per_page?: number;
}

export function pageRequest(query: PaginationQueryDto): PageRequest {
  return { page: query.page ?? 1, perPage: query.per_page ?? DEFAULT_PER_PAGE };
}

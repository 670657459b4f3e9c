import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Expose, Transform } from 'class-transformer';
import { IsIn } from 'class-validator';

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * The `order_by` query parameter (`asc` or `desc`, conventions.md) with the operation's default filled in,
 * so after the pipe the field always holds a direction:
 * `@OrderByQuery('desc', 'Sorts by created_at.') order_by!: SortDirection;` (listTimesheets), then
 * `ORDER BY t.created_at ${sqlDirection(query.order_by)}` in the service.
 */
export function OrderByQuery(defaultDirection: SortDirection, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: SORT_DIRECTIONS, enumName: 'SortDirection', default: defaultDirection, description }),
    // Exposed so the transform also runs when the parameter is absent, and fills in the default.
    Expose(),
    Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? defaultDirection : value)),
    IsIn(SORT_DIRECTIONS, { message: '$property must be asc or desc.' }),
  );
}

/** SQL text for a validated direction; anything else throws rather than reach a query. */
export function sqlDirection(direction: SortDirection): 'ASC' | 'DESC' {
  switch (direction) {
    case 'asc':
      return 'ASC';
    case 'desc':
      return 'DESC';
    default:
      throw new Error(`Not a sort direction: ${JSON.stringify(direction)}`);
  }
}

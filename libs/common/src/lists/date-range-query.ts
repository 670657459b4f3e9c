import { applyDecorators, Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, registerDecorator, ValidationArguments } from 'class-validator';
import { dateOnlyMessage, isDateOnly } from '../validation/is-date-only.decorator';
import { IsNotBeforeDate, MaxDateSpan } from './date-order.validators';

export interface DateRangeQueryOptions<R extends boolean> {
  /** Both dates must be given (listTimeRequests, listLeaveBalances); default optional. */
  required?: R;
  /** Longest inclusive span in days; default unbounded. */
  maxDays?: number;
  /** What the range matches, for the OpenAPI descriptions, e.g. `timesheets whose period overlaps the range`. */
  matches?: string;
}

export interface DateRangeQueryFields {
  date_from?: string;
  date_to?: string;
}

/**
 * `date_from`/`date_to` query parameters (conventions.md): inclusive `YYYY-MM-DD` dates, `''` counts as
 * absent, and `date_to` before `date_from` (or a span over `maxDays`) is a 422 on `date_to`. A list DTO
 * combines it with the others:
 * `class ListTimeRequestsQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQuery({ required: true })) {}`;
 * the service turns the dates into instants with `dateSpanRange(date_from, date_to, timeZone)`.
 */
export function DateRangeQuery<R extends boolean = false>(
  options: DateRangeQueryOptions<R> = {},
): Type<R extends true ? Required<DateRangeQueryFields> : DateRangeQueryFields> {
  const { required = false, maxDays, matches } = options;
  const spanRule = maxDays === undefined ? [] : [MaxDateSpan('date_from', maxDays)];
  const spanText = maxDays === undefined ? '' : ` At most ${maxDays} days after date_from, counting both.`;
  const matchText = matches ? ` Matches ${matches}.` : '';

  class DateRangeQueryDto {
    @DateQuery('date_from', required, `First day of the range, inclusive (YYYY-MM-DD).${matchText}`, '2024-01-01')
    date_from?: string;

    @DateQuery('date_to', required, `Last day of the range, inclusive (YYYY-MM-DD), on or after date_from.${spanText}`, '2024-01-31')
    @IsNotBeforeDate('date_from')
    @applyDecorators(...spanRule)
    date_to?: string;
  }
  return DateRangeQueryDto as Type<R extends true ? Required<DateRangeQueryFields> : DateRangeQueryFields>;
}

/** The common case: both dates optional, no span limit. */
export class DateRangeQueryDto extends DateRangeQuery() {}

function DateQuery(name: string, required: boolean, description: string, example: string): PropertyDecorator {
  const blankIsAbsent = Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));
  const schema = { type: 'string', format: 'date', description } as const;
  if (!required) return applyDecorators(ApiPropertyOptional(schema), blankIsAbsent, IsOptional(), DateOnlyQuery(name, false));
  return applyDecorators(ApiProperty({ ...schema, required: true, example }), blankIsAbsent, DateOnlyQuery(name, true));
}

/** One rule, so a missing required date gets only "is required", not also "must be a valid date". */
function DateOnlyQuery(name: string, required: boolean): PropertyDecorator {
  const requiredMessage = `The ${name.replace(/_/g, ' ')} field is required.`;
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) =>
          required && (value === undefined || value === null) ? requiredMessage : dateOnlyMessage(value),
      },
      validator: { validate: isDateOnly },
    });
}

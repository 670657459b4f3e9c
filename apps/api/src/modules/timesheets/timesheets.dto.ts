import { ApiProperty, ApiPropertyOptional, getSchemaPath, IntersectionType } from '@nestjs/swagger';
import {
  DateRangeQuery,
  MAX_DATABASE_ID,
  OptionalQueryInt,
  OptionalUuidQuery,
  OrderByQuery,
  PaginationQueryDto,
  SortDirection,
  Trim,
} from '@app/common';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, registerDecorator, ValidationArguments } from 'class-validator';
import { TIMESHEET_STATUSES, TimesheetStatus } from './timesheet-status';

export const MAX_REJECT_REASON = 1000;

/** timesheets.md: the filter takes the `/v2/api` name `open` for `pending`; the server itself never emits it. */
const STATUS_FILTERS = ['pending', 'open', 'submitted', 'approved', 'rejected'] as const;
const openIsPending = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value === 'open' ? 'pending' : value);

export class ListTimesheetsQueryDto extends IntersectionType(
  PaginationQueryDto,
  DateRangeQuery({ matches: 'timesheets whose period overlaps the range' }),
) {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'A single timesheet.' })
  @OptionalUuidQuery()
  id?: string;

  @ApiPropertyOptional({ enum: STATUS_FILTERS, enumName: 'TimesheetStatusFilter', description: '`open` is an alias of `pending`.' })
  @Transform(openIsPending)
  @IsOptional()
  @IsIn(TIMESHEET_STATUSES, { message: `The status must be one of: ${STATUS_FILTERS.join(', ')}.` })
  status?: TimesheetStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, description: 'Only timesheets of this member.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;

  @OrderByQuery('desc', 'Sorts by created_at.')
  order_by!: SortDirection;
}

/** One rule, so each failure gets one message: required, a string, then 1 to 1000 characters (after trimming). */
function IsReason(): PropertyDecorator {
  const messageFor = ({ value }: ValidationArguments): string => {
    if (value === undefined || value === null) return 'The reason field is required.';
    if (typeof value !== 'string') return 'The reason must be a string.';
    return `The reason must be between 1 and ${MAX_REJECT_REASON} characters.`;
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReason',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: messageFor },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= MAX_REJECT_REASON },
    });
}

export class RejectTimesheetDto {
  @ApiProperty({
    type: 'string',
    minLength: 1,
    maxLength: MAX_REJECT_REASON,
    example: 'Please correct the hours for Monday - they seem too high',
    description: 'Shown to the member; stored as reject_reason.',
  })
  @Trim()
  @IsReason()
  reason!: string;
}

const CURRENCY_AMOUNTS = {
  type: 'object',
  additionalProperties: { type: 'number' },
  example: { USD: 200 },
  description: 'Amounts keyed by ISO 4217 currency code; only when the caller may view rates (roles.md).',
} as const;

export class TimesheetMemberDto {
  @ApiProperty({ type: 'integer', example: 100 }) id!: number;
  @ApiProperty({ example: 'John' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiProperty({ format: 'email', example: 'john.doe@example.com' }) email!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'avatar.jpg' }) avatar!: string | null;
}

export class TimesheetBreakdownItemDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 20 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', example: 480, description: 'Whole minutes of this project and contract on this day.' })
  total_minutes!: number;
  @ApiPropertyOptional(CURRENCY_AMOUNTS) total_amount?: Record<string, number>;
}

export type DailyBreakdown = Record<string, TimesheetBreakdownItemDto[]>;

export class TimesheetDto {
  @ApiProperty({ format: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' }) id!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 100 }) user_id!: number | null;
  @ApiProperty({ type: TimesheetMemberDto }) member!: TimesheetMemberDto;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-01-01', description: 'Period start (a Monday).' })
  date_from!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-01-07', description: 'Period end (a Sunday).' })
  date_to!: string | null;
  @ApiProperty({ type: 'integer', example: 4830 }) total_minutes!: number;
  @ApiProperty({ type: 'number', nullable: true, example: 80.5, description: 'total_minutes / 60, rounded to 2 decimals.' })
  total_hours!: number | null;
  @ApiPropertyOptional(CURRENCY_AMOUNTS) total_amount?: Record<string, number>;
  @ApiProperty({ enum: TIMESHEET_STATUSES, enumName: 'TimesheetStatus', example: 'submitted' }) status!: TimesheetStatus;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T10:30:00Z' }) submitted_on!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Hours do not match project requirements' }) reject_reason!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(TimesheetBreakdownItemDto) } },
    example: {
      '2024-01-02': [{ project_id: 10, project_name: 'Website Redesign', contract_id: 20, total_minutes: 480, total_amount: { USD: 200 } }],
    },
    description:
      "Days (YYYY-MM-DD, the member's zone) with recorded time, each with one item per project and contract; a running tracker counts up to now.",
  })
  daily_breakdown!: DailyBreakdown;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-01T00:00:00Z' }) created_at!: string;
}

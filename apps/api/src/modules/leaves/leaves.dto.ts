import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DATE_RANGE_TEXT,
  DateRangeQuery,
  isCalendarDate,
  isDatabaseId,
  isDateOnly,
  IsDecimal,
  IsNotBeforeDate,
  MAX_DATABASE_ID,
  MaxDateSpan,
  OptionalQueryInt,
  OptionalUuidQuery,
  PaginationQueryDto,
  ToInteger,
  ToNumber,
  Trim,
} from '@app/common';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { LEAVE_PERIODS, LEAVE_STATUSES, LEAVE_TIME_UNITS, LeavePeriod, LeaveStatus, LeaveTimeUnit } from './leave-kinds';

const emptyIsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const MAX_TEXT = 1000;
/** A request covers at most a year and a day (a leap year's whole range plus one), so a typo cannot book a decade. */
export const MAX_LEAVE_DAYS = 366;
const YES_NO = ['yes', 'no'] as const;
/** `HH:mm`, 24-hour (conventions.md), as the reference's pattern spells it. */
export const TIME_OF_DAY_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
const TIME_OF_DAY = new RegExp(TIME_OF_DAY_PATTERN);
/** The request's hours per day: numeric(5, 2), greater than 0 and at most 24 (leaves.md). */
export const REQUEST_HOURS_PER_DAY = { precision: 5, scale: 2, min: '0.01', max: 24 } as const;

export class ListLeavesQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQuery({ matches: 'leaves that overlap the range' })) {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'Only the leave request with this id.' })
  @OptionalUuidQuery()
  id?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only leaves under this policy.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  policy_id?: number;

  @ApiPropertyOptional({ enum: YES_NO, enumName: 'LeaveIsPaid', description: 'Only leaves whose policy is paid (`yes`) or not (`no`).' })
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(YES_NO, { message: 'The is paid must be one of: yes, no.' })
  is_paid?: (typeof YES_NO)[number];

  @ApiPropertyOptional({ enum: LEAVE_STATUSES, enumName: 'LeaveStatus', description: 'If omitted, all statuses.' })
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(LEAVE_STATUSES, { message: `The status must be one of: ${LEAVE_STATUSES.join(', ')}.` })
  status?: LeaveStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only leaves of this member.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;
}

export class ListLeaveBalancesQueryDto extends IntersectionType(
  PaginationQueryDto,
  DateRangeQuery({ required: true, matches: 'the calendar years the range touches (the allowance is per calendar year)' }),
) {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only this member.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;
}

export class ListLeavePoliciesQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only policies assigned to this user.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;
}

/** One rule, one message: the first failing check of `checks` names the problem. */
function Rule(
  name: string,
  checks: readonly (readonly [holds: (value: unknown, dto: Record<string, unknown>) => boolean, message: string])[],
): PropertyDecorator {
  const failing = (value: unknown, dto: Record<string, unknown>) => checks.find(([holds]) => !holds(value, dto));
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value, object }: ValidationArguments) => failing(value, object as Record<string, unknown>)?.[1] ?? '' },
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) => failing(value, object as Record<string, unknown>) === undefined,
      },
    });
}

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;
const isInteger = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value);
const optional = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => isPresent(value));

function BodyId(field: string): PropertyDecorator {
  const label = field.replace('_', ' ');
  return applyDecorators(
    ToInteger(),
    Rule('isBodyId', [
      [isPresent, `The ${label} field is required.`],
      [isInteger, `The ${label} must be an integer.`],
      [isDatabaseId, `The selected ${field} is invalid.`],
    ]),
  );
}

function BodyDate(field: string): PropertyDecorator {
  return Rule('isBodyDate', [
    [isPresent, `The ${field} field is required.`],
    [isCalendarDate, `The ${field} must be a valid date in YYYY-MM-DD format.`],
    [isDateOnly, `The ${field} ${DATE_RANGE_TEXT}`],
  ]);
}

function TimeOfDay(field: string, after?: string): PropertyDecorator {
  const label = field.replace('_', ' ');
  return applyDecorators(
    optional(),
    Rule('isTimeOfDay', [
      [(value) => typeof value === 'string' && TIME_OF_DAY.test(value), `The ${label} must be a time in HH:mm format.`],
      [
        (value, dto) =>
          after === undefined || typeof dto[after] !== 'string' || !TIME_OF_DAY.test(dto[after]) || (value as string) > dto[after],
        `The ${label} must be a time after ${after}.`,
      ],
    ]),
  );
}

export class CreateLeaveRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 456, description: 'A policy assigned to the user (422 otherwise).' })
  @BodyId('policy_id')
  policy_id!: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 789, description: 'The member the leave is for (yourself unless OW or EM).' })
  @BodyId('user_id')
  user_id!: number;

  @ApiProperty({
    type: 'string',
    format: 'date',
    example: '2026-02-10',
    description: "First day, `YYYY-MM-DD`, in the member's time zone.",
  })
  @BodyDate('start')
  start!: string;

  @ApiProperty({
    type: 'string',
    format: 'date',
    example: '2026-02-12',
    description: `Last day, \`YYYY-MM-DD\`, on or after \`start\`; at most ${MAX_LEAVE_DAYS} days counting both.`,
  })
  @BodyDate('end')
  @IsNotBeforeDate('start', { message: 'The end must be a date on or after start.' })
  @MaxDateSpan('start', MAX_LEAVE_DAYS, { message: `The leave must not be longer than ${MAX_LEAVE_DAYS} days.` })
  end!: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: TIME_OF_DAY_PATTERN,
    example: '09:00',
    description: "`HH:mm` in the member's time zone; required for hour-based policies, refused for day-based ones.",
  })
  @TimeOfDay('start_time')
  start_time?: string;

  @ApiPropertyOptional({
    type: 'string',
    pattern: TIME_OF_DAY_PATTERN,
    example: '13:00',
    description: '`HH:mm`, later than `start_time`; required for hour-based policies, refused for day-based ones.',
  })
  @TimeOfDay('end_time', 'start_time')
  end_time?: string;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 24,
    example: 4,
    description:
      'Hours taken on each day (greater than 0, at most 24, at most the `start_time`..`end_time` window, 2 decimals); ' +
      'required for hour-based policies, refused for day-based ones.',
  })
  @ToNumber()
  @optional()
  @IsDecimal(REQUEST_HOURS_PER_DAY, {
    message: 'The hours per day must be a number greater than 0 and at most 24, with at most 2 decimals.',
  })
  hours_per_day?: number;

  @ApiPropertyOptional({
    type: 'integer',
    enum: LEAVE_PERIODS,
    default: 0,
    example: 1,
    description: '`0` = full day, `1` = first half, `2` = second half; applies to every day in the range. Hour-based policies: 0 only.',
  })
  @ToInteger()
  @optional()
  @IsIn(LEAVE_PERIODS, { message: 'The leave period must be one of: 0, 1, 2.' })
  leave_period?: LeavePeriod;

  @ApiPropertyOptional({
    type: 'string',
    maxLength: MAX_TEXT,
    example: 'I will be out of office for the next 2 days',
    description: 'Stored as `note`; required when the policy requires a reason.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @optional()
  @Rule('isReason', [
    [(value) => typeof value === 'string', 'The reason must be a string.'],
    [(value) => (value as string).length <= MAX_TEXT, `The reason must not be longer than ${MAX_TEXT} characters.`],
  ])
  reason?: string;
}

export class RejectLeaveRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: MAX_TEXT, example: 'Insufficient leave balance' })
  @Trim()
  @Rule('isRejectReason', [
    [(value) => isPresent(value) && value !== '', 'The reason field is required.'],
    [(value) => typeof value === 'string', 'The reason must be a string.'],
    [(value) => (value as string).length <= MAX_TEXT, `The reason must not be longer than ${MAX_TEXT} characters.`],
  ])
  reason!: string;
}

export class LeaveTotalDto {
  @ApiProperty({ type: 'number', example: 5, description: 'Days (hour-based: hours ÷ the policy hours per day, 3 decimals).' })
  days!: number;
  @ApiProperty({ type: 'number', example: 40, description: 'Hours (day-based: days × the policy hours per day).' })
  hours!: number;
}

export class LeaveRequestResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' }) id!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 100 }) user_id!: number | null;
  @ApiProperty({ type: 'integer', example: 5 }) policy_id!: number;
  @ApiProperty({ type: 'string', example: 'Vacation' }) policy_name!: string;
  @ApiProperty({ enum: LEAVE_STATUSES, enumName: 'LeaveStatus', example: 'pending' }) status!: LeaveStatus;
  @ApiProperty({ type: 'string', nullable: true, example: 'Family vacation', description: 'The request’s reason.' }) note!: string | null;
  @ApiProperty({ enum: YES_NO, enumName: 'LeaveIsPaid', example: 'yes', description: "The policy's." }) is_paid!: 'yes' | 'no';
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-07-01' }) start_date!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-07-05' }) end_date!: string | null;
  @ApiProperty({ type: 'integer', enum: LEAVE_PERIODS, example: 0, description: '`0` = full day, `1` = first half, `2` = second half.' })
  leave_period!: LeavePeriod;
  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: TIME_OF_DAY_PATTERN,
    example: null,
    description: "`HH:mm` in the member's time zone; hour-based policies only.",
  })
  start_time!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: TIME_OF_DAY_PATTERN,
    example: null,
    description: '`HH:mm`; hour-based policies only.',
  })
  end_time!: string | null;
  @ApiProperty({ type: LeaveTotalDto, description: "The leave's length (calendar days of the range)." }) total!: LeaveTotalDto;
  @ApiProperty({ type: 'integer', nullable: true, example: 100 }) created_by!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 101 }) approved_by!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null }) rejected_by!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: null }) reject_reason!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-06-20T08:00:00Z' }) created_on!: string;
}

export class LeaveBalanceItemDto {
  @ApiProperty({ type: 'string', example: 'Vacation', description: 'The policy name.' }) leave_type!: string;
  @ApiProperty({
    type: 'string',
    example: '10 days',
    description: 'The remaining balance with its unit (`"10 days"`, `"1 day"`, `"6 hours"`).',
  })
  balance!: string;
}

export class LeaveBalanceResponseDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ type: 'string', example: 'John Doe' }) user_name!: string;
  @ApiProperty({ type: [LeaveBalanceItemDto], description: 'One item per policy assigned to the member, by name.' })
  leave_information!: LeaveBalanceItemDto[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: null,
    description: 'Set only when the workspace balance mode is "total"; this server has per-policy balances only, so always null.',
  })
  total_balance!: string | null;
}

export class LeavePolicyResponseDto {
  @ApiProperty({ type: 'integer', example: 5 }) id!: number;
  @ApiProperty({ type: 'string', example: 'Vacation' }) name!: string;
  @ApiProperty({ enum: LEAVE_TIME_UNITS, enumName: 'LeaveTimeUnit', example: 'days' }) time_unit!: LeaveTimeUnit;
  @ApiProperty({ type: 'number', nullable: true, example: 8, description: 'Converts between days and hours.' }) hours_per_day!:
    number | null;
  @ApiProperty({ type: 'number', example: 20, description: 'Allowance per calendar year, in `time_unit`.' }) duration!: number;
  @ApiProperty({ enum: YES_NO, enumName: 'LeaveIsPaid', example: 'yes' }) is_paid!: 'yes' | 'no';
  @ApiProperty({ type: 'boolean', example: false }) allow_negative_balance!: boolean;
  @ApiProperty({ type: 'boolean', example: true }) reason_required!: boolean;
}

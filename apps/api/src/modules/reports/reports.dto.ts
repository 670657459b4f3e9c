import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { isDateOnly, MAX_DATABASE_ID, MAX_PAGE, MAX_PER_PAGE, OptionalQueryInt, daysBetween, ToBoolean } from '@app/common';
import { IsBoolean, IsOptional, registerDecorator, ValidationArguments } from 'class-validator';
import { TIME_ENTRY_METHODS } from '../time-entries/time-entry-methods';
import { IdListQuery, ReportDate, TextListQuery } from './report-query.decorators';

/** reports.md "Per-user pagination": default 30 per page, at most 100. */
export const REPORT_PER_PAGE = 30;
/** reports.md: the ranges of task, activity-level and activity-descriptions reports, and tracked hours for one user. */
export const MAX_REPORT_DAYS = 31;
/**
 * Decision: tracked hours without `user_id` are capped too, at 366 days (a leap year), so no request reads an
 * unbounded history; reports.md states only the 31-day cap with `user_id`.
 */
export const MAX_TRACKED_HOURS_DAYS = 366;

export const ATTENDANCE_STATUS_FILTERS = ['late', 'left_early', 'tracked_less', 'absent', 'on_leave'] as const;
export type AttendanceStatusFilter = (typeof ATTENDANCE_STATUS_FILTERS)[number];
export const ATTENDANCE_STATUSES = ['Present', 'Late', 'Left early', 'Tracked less', 'Absent', 'On leave', 'Holiday'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** `end_date` on or after `start_date`, and the inclusive range at most `maxDays(dto)` days (reports.md "Range limits"). */
function IsReportRange(maxDays: (dto: Record<string, unknown>) => number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReportRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value, object }: ValidationArguments) => {
          const start = (object as Record<string, unknown>).start_date as string;
          return (value as string) < start
            ? '$property must be a date on or after start_date.'
            : `The range from start_date to $property must not exceed ${maxDays(object as Record<string, unknown>)} days.`;
        },
      },
      validator: {
        validate: (value: unknown, { object }: ValidationArguments) => {
          const dto = object as Record<string, unknown>;
          if (!isDateOnly(value) || !isDateOnly(dto.start_date)) return true;
          return value >= dto.start_date && daysBetween(dto.start_date, value) < maxDays(dto);
        },
      },
    });
}

/** The daily timeline's window: reports.md "no more than 1 year in the past or the future" (of today, UTC). */
function IsWithinAYear(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWithinAYear',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be no more than 1 year in the past or the future.' },
      validator: {
        validate: (value: unknown) => {
          if (!isDateOnly(value)) return true;
          const today = new Date();
          const shifted = (years: number): string => {
            const date = new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()));
            return date.toISOString().slice(0, 10);
          };
          return value >= shifted(-1) && value <= shifted(1);
        },
      },
    });
}

export class ReportPageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number (pages over users).' })
  @OptionalQueryInt({ min: 1, max: MAX_PAGE })
  page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: REPORT_PER_PAGE,
    description: `Items per page (pages over users); default ${REPORT_PER_PAGE}, maximum ${MAX_PER_PAGE}.`,
  })
  @OptionalQueryInt({ min: 1, max: MAX_PER_PAGE })
  per_page?: number;
}

/** Both spellings of the user filter (reports.md Decision); the service takes their union. */
class UserFilterQuery extends ReportPageQueryDto {
  @IdListQuery('users', 'User ids (alias: `user_ids`).', [100, 101, 102])
  users?: number[];

  @IdListQuery('user_ids', 'User ids (alias: `users`).', [100, 101, 102])
  user_ids?: number[];
}

export class TrackedHoursQueryDto {
  @ReportDate('start_date', {
    required: false,
    description: "Default: Monday of the current week (the owner's zone).",
    example: '2024-01-01',
  })
  start_date?: string;

  @ReportDate('end_date', {
    required: false,
    description:
      `Default: Sunday of the current week; ≥ \`start_date\`. The range is at most ${MAX_REPORT_DAYS} days with \`user_id\`, ` +
      `${MAX_TRACKED_HOURS_DAYS} without.`,
    example: '2024-01-31',
  })
  @IsReportRange((dto) => (dto.user_id === undefined ? MAX_TRACKED_HOURS_DAYS : MAX_REPORT_DAYS))
  end_date?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: `A single user; if set, the range must be ≤ ${MAX_REPORT_DAYS} days.` })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;

  @IdListQuery('users', 'User ids (alias: `user_ids`).', [1, 2, 3])
  users?: number[];

  @IdListQuery('user_ids', 'User ids (alias: `users`).', [1, 2, 3])
  user_ids?: number[];

  @IdListQuery('projects', 'Project ids.', [10, 20])
  projects?: number[];

  @IdListQuery('teams', 'Team ids (members of these teams).', [5])
  teams?: number[];

  @IdListQuery(
    'titles',
    'Job-title ids. This server keeps job titles as free text (`Member.title`) without ids, so any value matches no one.',
    [1],
  )
  titles?: number[];

  @TextListQuery(
    'currencies',
    'Currency codes; used only with rate permission: only items billed in these currencies.',
    ['USD', 'EUR'],
    CURRENCY_CODE,
  )
  currencies?: string[];
}

export class DailyTimelineQueryDto extends UserFilterQuery {
  @ReportDate('date', { required: true, description: 'One date, no more than 1 year in the past or the future.', example: '2024-01-15' })
  @IsWithinAYear()
  date!: string;
}

class RangeQuery extends UserFilterQuery {
  @ReportDate('start_date', { required: true, description: '≤ `end_date`.', example: '2024-01-01' })
  start_date!: string;

  @ReportDate('end_date', { required: true, description: `Range ≤ ${MAX_REPORT_DAYS} days.`, example: '2024-01-31' })
  @IsReportRange(() => MAX_REPORT_DAYS)
  end_date!: string;
}

export class TaskReportQueryDto extends RangeQuery {
  @IdListQuery('project_id', 'Project ids.', [10, 11, 12])
  project_id?: number[];

  @IdListQuery('task_id', 'Task ids.', [5, 6, 7])
  task_id?: number[];

  @ApiPropertyOptional({
    type: 'boolean',
    default: true,
    description: 'Time with `task_id` null is included by default; send `false` to leave it out.',
  })
  @ToBoolean()
  @IsOptional()
  @IsBoolean({ message: '$property must be true, false, 1 or 0.' })
  include_no_task?: boolean;
}

export class ActivityLevelQueryDto extends RangeQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'One contract.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  contract_id?: number;
}

export class ActivityDescriptionsQueryDto extends RangeQuery {
  @IdListQuery('project_id', 'Project ids.', [10])
  project_id?: number[];
}

export class DailyAttendanceQueryDto extends UserFilterQuery {
  @ReportDate('date', { required: true, description: 'One date.', example: '2024-12-22' })
  date!: string;

  @TextListQuery(
    'status',
    'Statuses (`late` → "Late", `left_early` → "Left early", `tracked_less` → "Tracked less", `absent` → "Absent", ' +
      '`on_leave` → "On leave"); several may be given, a user matches if any selected status is present.',
    ['late', 'left_early'],
    ATTENDANCE_STATUS_FILTERS,
  )
  status?: AttendanceStatusFilter[];
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

const CURRENCY_AMOUNTS = {
  type: 'object',
  additionalProperties: { type: 'number' },
  example: { USD: 200 },
  description: 'Amounts keyed by ISO 4217 currency code; only when the caller may view rates (roles.md).',
} as const;

export class TrackedHoursRowDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 20 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', example: 480 }) total_minutes!: number;
  @ApiPropertyOptional(CURRENCY_AMOUNTS) total_amount?: Record<string, number>;
}

export class TrackedHoursDayDto {
  @ApiProperty({ type: [TrackedHoursRowDto] }) users!: TrackedHoursRowDto[];
}

export class TrackedHoursTotalDto {
  @ApiProperty({ type: 'integer', example: 960 }) total_minutes!: number;
  @ApiPropertyOptional(CURRENCY_AMOUNTS) total_amount?: Record<string, number>;
}

export class TrackedHoursReportDto {
  @ApiProperty({ enum: ['tracked_hours'], example: 'tracked_hours' }) report_type!: 'tracked_hours';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-01' }) start_date!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-31' }) end_date!: string;
  @ApiProperty({ type: TrackedHoursTotalDto }) total!: TrackedHoursTotalDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(TrackedHoursDayDto) },
    description: "Keyed by date `YYYY-MM-DD` (the owner's zone); days without time are omitted.",
  })
  days!: Record<string, TrackedHoursDayDto>;
}

const ACTIVITY_LEVEL = { type: 'integer', nullable: true, minimum: 0, maximum: 100 } as const;

export class TimelineEntryDto {
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2024-01-15T09:00:00+04:00',
    description: "Carries the workspace owner's timezone offset; an entry begun the day before starts at midnight.",
  })
  start!: string;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    example: '2024-01-15T12:30:00+04:00',
    description: '`null` for a running entry; an entry running past midnight ends at midnight.',
  })
  end!: string | null;
  @ApiProperty({ type: 'integer', example: 210 }) duration_minutes!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 5 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Update homepage design' }) task_title!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on API documentation' }) activity_description!: string | null;
  @ApiProperty({ enum: TIME_ENTRY_METHODS, enumName: 'TimeEntryMethod', example: 'Desktop tracker' }) tracking_method!: string;
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 75 }) activity_level!: number | null;
}

export class TimelineUserDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ type: 'integer', example: 420 }) total_minutes!: number;
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 72 }) activity_level!: number | null;
  @ApiPropertyOptional({ type: 'number', example: 175, description: 'Only with rate permission.' }) total_amount?: number;
  @ApiPropertyOptional({ example: 'USD', description: 'Only with rate permission.' }) currency?: string;
  @ApiProperty({ type: [TimelineEntryDto] }) time_entries!: TimelineEntryDto[];
}

export class DailyTimelineReportDto {
  @ApiProperty({ enum: ['daily_timeline'], example: 'daily_timeline' }) report_type!: 'daily_timeline';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-15' }) date!: string;
  @ApiProperty({ type: [TimelineUserDto] }) users!: TimelineUserDto[];
}

export class TaskBreakdownItemDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 5 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Update homepage design' }) task_title!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', example: 600 }) total_minutes!: number;
}

export class TaskDailyItemDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 5 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Update homepage design' }) task_title!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'integer', example: 120 }) total_minutes!: number;
}

export class TaskReportUserDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ type: 'integer', example: 900 }) total_minutes!: number;
  @ApiProperty({ type: [TaskBreakdownItemDto], description: 'Total per task over the range.' }) tasks_breakdown!: TaskBreakdownItemDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(TaskDailyItemDto) } },
    description: 'Per task per day, keyed by date `YYYY-MM-DD`.',
  })
  daily_breakdown!: Record<string, TaskDailyItemDto[]>;
}

export class TaskReportDto {
  @ApiProperty({ enum: ['task_report'], example: 'task_report' }) report_type!: 'task_report';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-01' }) start_date!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-31' }) end_date!: string;
  @ApiProperty({ type: [TaskReportUserDto] }) users!: TaskReportUserDto[];
}

export class ActivityLevelDayDto {
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-02' }) date!: string;
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 72 }) activity_level!: number | null;
  @ApiProperty({ type: 'integer', example: 480 }) total_minutes!: number;
}

export class ActivityLevelUserDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 70 }) average_activity_level!: number | null;
  @ApiProperty({ type: 'integer', example: 4800 }) total_minutes!: number;
  @ApiProperty({ type: [ActivityLevelDayDto] }) days!: ActivityLevelDayDto[];
}

export class ActivityLevelOverallDto {
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 68 }) average_activity_level!: number | null;
  @ApiProperty({ type: 'integer', example: 9600 }) total_minutes!: number;
}

export class ActivityLevelReportDto {
  @ApiProperty({ enum: ['activity_level'], example: 'activity_level' }) report_type!: 'activity_level';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-01' }) start_date!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-31' }) end_date!: string;
  @ApiProperty({ type: ActivityLevelOverallDto, description: 'Over every user and day in the range, not just the current page.' })
  overall!: ActivityLevelOverallDto;
  @ApiProperty({ type: [ActivityLevelUserDto] }) users!: ActivityLevelUserDto[];
}

const HH_MM = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export class AttendanceUserDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, enumName: 'AttendanceStatus', isArray: true, example: ['Late', 'Left early'] })
  statuses!: AttendanceStatus[];
  @ApiProperty({ type: 'string', nullable: true, pattern: HH_MM, example: '09:47', description: "`HH:mm` in the owner's timezone." })
  first_start!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    pattern: HH_MM,
    example: '16:30',
    description: "`HH:mm` in the owner's timezone; `23:59` when time runs past midnight.",
  })
  last_end!: string | null;
  @ApiProperty({ type: 'integer', example: 303 }) tracked_minutes!: number;
  @ApiProperty({ type: 'integer', example: 480 }) required_minutes!: number;
  @ApiProperty({ type: 'integer', example: 70 }) break_minutes!: number;
  @ApiProperty({ type: 'string', isArray: true, example: ['14:30 - 15:25', '16:00 - 16:15'] }) break_intervals!: string[];
  @ApiProperty({ ...ACTIVITY_LEVEL, example: 64 }) activity_level!: number | null;
}

export class DailyAttendanceReportDto {
  @ApiProperty({ enum: ['daily_attendance'], example: 'daily_attendance' }) report_type!: 'daily_attendance';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-12-22' }) date!: string;
  @ApiProperty({ type: [AttendanceUserDto] }) users!: AttendanceUserDto[];
}

export class ActivityDescriptionItemDto {
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Working on API documentation',
    description: 'Time without a description is grouped under `null`.',
  })
  activity_description!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', example: 600 }) total_minutes!: number;
}

export class ActivityDescriptionsUserDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Doe' }) user_name!: string;
  @ApiProperty({ type: 'integer', example: 900 }) total_minutes!: number;
  @ApiProperty({ type: [ActivityDescriptionItemDto] }) descriptions!: ActivityDescriptionItemDto[];
}

export class ActivityDescriptionsReportDto {
  @ApiProperty({ enum: ['activity_descriptions'], example: 'activity_descriptions' }) report_type!: 'activity_descriptions';
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-01' }) start_date!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-31' }) end_date!: string;
  @ApiProperty({ type: [ActivityDescriptionsUserDto] }) users!: ActivityDescriptionsUserDto[];
}

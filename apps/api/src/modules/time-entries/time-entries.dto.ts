import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, MAX_DATABASE_ID, MAX_PAGE, OptionalQueryInt } from '@app/common';
import { IsDefined, ValidateIf } from 'class-validator';
import { TIME_ENTRY_METHODS } from './time-entry-methods';
import { Clock, NullableId, NullableText, RequiredId } from './time-entry.fields';

export const TIME_ENTRIES_PER_PAGE = 20;
/** time-tracking.md: `per_page` max 50 for this list. */
export const MAX_TIME_ENTRIES_PER_PAGE = 50;
export const MAX_NOTES = 1000;

export class ListTimeEntriesQueryDto {
  @RequiredId('user_id')
  user_id!: number;

  @ApiProperty({ type: 'string', format: 'date', example: '2026-01-29', description: "A day in the member's time zone." })
  @IsDefined({ message: 'The date field is required.' })
  @IsDateOnly()
  date!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, description: 'Only entries on this project.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  project_id?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, description: 'Only entries on this task.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  task_id?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number, from 1.' })
  @OptionalQueryInt({ min: 1, max: MAX_PAGE })
  page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TIME_ENTRIES_PER_PAGE,
    default: TIME_ENTRIES_PER_PAGE,
    description: `Rows per page, at most ${MAX_TIME_ENTRIES_PER_PAGE}.`,
  })
  @OptionalQueryInt({ min: 1, max: MAX_TIME_ENTRIES_PER_PAGE })
  per_page?: number;
}

export class CreateTimeEntryDto {
  @RequiredId('user_id')
  user_id!: number;

  @NullableId('contract_id', 'A contract of that user in this workspace.', 20)
  contract_id?: number | null;

  @NullableId('task_id', "Only with `contract_id`; in the contract's project.", 5)
  task_id?: number | null;

  @NullableText(MAX_NOTES, 'Working on feature implementation', 'Stored as `activity_description`.')
  notes?: string | null;

  @ApiProperty({ type: 'string', format: 'date', example: '2026-01-29', description: "The day, in the member's time zone." })
  @IsDefined({ message: 'The date field is required.' })
  @IsDateOnly()
  date!: string;

  @Clock(true, '`HH:mm`.', '09:00')
  start_time!: string;

  @Clock(true, '`HH:mm`, later than `start_time`.', '17:00')
  end_time!: string;
}

export class UpdateTimeEntryDto {
  @NullableId('project_id', "The member's contract on that project is used (422 if none); `null`: no project.", 10)
  project_id?: number | null;

  @NullableId('task_id', 'Must be in the resulting project.', 5)
  task_id?: number | null;

  @NullableText(MAX_NOTES, 'Working on feature implementation')
  notes?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', example: '2026-01-29' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsDateOnly()
  date?: string;

  @Clock(false, '`HH:mm`; if omitted, the current value is kept.', '09:00')
  start_time?: string;

  @Clock(false, '`HH:mm`; must end up later than `start_time`.', '17:30')
  end_time?: string;
}

export class TimeEntryResponseDto {
  @ApiProperty({ format: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' }) id!: string;
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 20 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 5 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Update homepage design' }) task_title!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on feature implementation' })
  activity_description!: string | null;
  @ApiProperty({ enum: TIME_ENTRY_METHODS, enumName: 'TimeEntryMethod', example: 'Manually added time' }) method!: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-01-29', description: "The start's date in the member's time zone." })
  date!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-01-29T09:00:00Z' }) start_time!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2026-01-29T17:00:00Z', description: 'null while running.' })
  end_time!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 480, description: 'Whole minutes; a running entry counts up to now.' })
  duration_minutes!: number;
}

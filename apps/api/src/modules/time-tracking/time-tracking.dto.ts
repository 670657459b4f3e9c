import { ApiProperty } from '@nestjs/swagger';
import { NullableId, NullableText, OptionalId, RequiredId } from '../time-entries/time-entry.fields';

export const MAX_ACTIVITY_DESCRIPTION = 255;

export class StartTrackingDto {
  @RequiredId('user_id', 'An `active` workspace member who is not a Project viewer; others than OW/EM may name only themselves.')
  user_id!: number;

  @NullableId('contract_id', 'Belongs to that user and this workspace; must be `active`. Without it the time has no project.', 20)
  contract_id?: number | null;

  @NullableId('task_id', "Only with `contract_id`; must belong to the contract's project.", 5)
  task_id?: number | null;

  @NullableText(MAX_ACTIVITY_DESCRIPTION, 'Working on feature implementation')
  activity_description?: string | null;
}

export class StopTrackingDto {
  @OptionalId('user_id', 'A workspace member with a running tracker; defaults to the caller.')
  user_id?: number;
}

export class CurrentTrackerQueryDto {
  @RequiredId('user_id')
  user_id!: number;
}

export class TrackingStartedDto {
  @ApiProperty({ example: 'Time tracking started successfully' }) message!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T10:30:00+00:00' }) start_time!: string;
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ example: 'John Smith' }) user_name!: string;
  @ApiProperty({ format: 'email', example: 'john.smith@example.com' }) user_email!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 20 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 10 }) project_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Website Redesign' }) project_name!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 5 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Update homepage design' }) task_title!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on feature implementation' }) activity_description!: string | null;
}

export class TrackingStoppedDto {
  @ApiProperty({ example: 'Time tracking stopped successfully' }) message!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T12:30:00+00:00' }) stopped_at!: string;
}

export class CurrentTrackerDataDto {
  @ApiProperty({ type: 'integer', nullable: true, example: 598672 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', example: 45696 }) user_id!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on API documentation' }) activity_description!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 3917798 }) task_id!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Adding timesheets' }) task_title!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 59, example: 9, description: "The running tracker's leftover seconds." })
  total_seconds!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 7,
    description: "Minutes already recorded on `date` plus the running tracker's whole minutes.",
  })
  total_minutes!: number;
  @ApiProperty({ type: 'string', format: 'date', example: '2025-12-08', description: "The tracker's day in the member's time zone." })
  date!: string;
}

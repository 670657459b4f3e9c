import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DateRangeQuery,
  isDatabaseId,
  MAX_DATABASE_ID,
  OptionalQueryInt,
  OptionalUuidQuery,
  PaginationQueryDto,
  ToInteger,
  Trim,
} from '@app/common';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { IsOffsetDateTime, IsRequestEnd } from './offset-date-time';
import { TIME_REQUEST_STATUSES, TimeRequestStatus } from './time-request-status';

const emptyIsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const MAX_TEXT = 1000;

export class ListTimeRequestsQueryDto extends IntersectionType(
  PaginationQueryDto,
  DateRangeQuery({ required: true, matches: "requests whose `start` falls in the range, read in the workspace owner's time zone" }),
) {
  @ApiPropertyOptional({ enum: TIME_REQUEST_STATUSES, enumName: 'TimeRequestStatus', description: 'If omitted, all statuses.' })
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(TIME_REQUEST_STATUSES, { message: `The status must be one of: ${TIME_REQUEST_STATUSES.join(', ')}.` })
  status?: TimeRequestStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only requests of this member.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only requests on this project.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  project_id?: number;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'Only the request with this id.' })
  @OptionalUuidQuery()
  id?: string;
}

/** One rule, one message: the first failing check of `checks` names the problem. */
function Rule(name: string, checks: readonly (readonly [holds: (value: unknown) => boolean, message: string])[]): PropertyDecorator {
  const failing = (value: unknown) => checks.find(([holds]) => !holds(value));
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value }: ValidationArguments) => failing(value)?.[1] ?? '' },
      validator: { validate: (value: unknown) => failing(value) === undefined },
    });
}

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;
const isInteger = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value);

/** A body id: an integer in the id range (`user_id` required; `contract_id` / `task_id` optional, `null` meaning none). */
function BodyId(field: string, { required }: { required: boolean }): PropertyDecorator {
  const label = field.replace('_', ' ');
  const checks = [
    [isInteger, `The ${label} must be an integer.`],
    [isDatabaseId, `The selected ${field} is invalid.`],
  ] as const;
  if (required) return applyDecorators(ToInteger(), Rule('isBodyId', [[isPresent, `The ${label} field is required.`], ...checks]));
  return applyDecorators(
    ToInteger(),
    ValidateIf((_dto: object, value: unknown) => isPresent(value)),
    Rule('isBodyId', checks),
  );
}

function Description(): PropertyDecorator {
  return applyDecorators(
    Trim(),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null),
    IsString({ message: '$property must be a string.' }),
    MaxLength(MAX_TEXT, { message: `$property must not be longer than ${MAX_TEXT} characters.` }),
  );
}

export class CreateTimeRequestDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 100, description: 'The member the request is for (yourself unless OW or EM).' })
  @BodyId('user_id', { required: true })
  user_id!: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: 500,
    description: 'A contract of that user; `null` means no project.',
  })
  @BodyId('contract_id', { required: false })
  contract_id?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: 300,
    description: "Only with `contract_id`; a task of the contract's project.",
  })
  @BodyId('task_id', { required: false })
  task_id?: number | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2025-12-05T09:00:00+00:00',
    description: 'ISO 8601 with `Z` or an offset.',
  })
  @IsOffsetDateTime()
  start!: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    example: '2025-12-05T17:00:00+00:00',
    description: 'Later than `start`, at most 24 hours after it, and not in the future.',
  })
  @IsOffsetDateTime()
  @IsRequestEnd('start')
  end!: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: MAX_TEXT, example: 'Working on project documentation' })
  @Description()
  activity_description?: string | null;

  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    maxLength: MAX_TEXT,
    example: 'Working on project documentation',
    description: 'Alias of `activity_description`, used when `activity_description` is absent.',
  })
  @Description()
  notes?: string | null;
}

export class RejectTimeRequestDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: MAX_TEXT, example: 'Time entry conflicts with project schedule' })
  @Trim()
  @Rule('isComment', [
    [(value) => isPresent(value) && value !== '', 'The comment field is required.'],
    [(value) => typeof value === 'string', 'The comment must be a string.'],
    [(value) => (value as string).length <= MAX_TEXT, `The comment must not be longer than ${MAX_TEXT} characters.`],
  ])
  comment!: string;
}

export class TimeRequestResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' }) id!: string;
  @ApiProperty({ type: 'integer', nullable: true, example: 100 }) user_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 500 }) contract_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 200 }) project_id!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 300 }) task_id!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T09:00:00Z' }) start!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T17:00:00Z' }) end!: string | null;
  @ApiProperty({ enum: TIME_REQUEST_STATUSES, enumName: 'TimeRequestStatus', example: 'pending' }) status!: TimeRequestStatus;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on project documentation' }) notes!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Working on project documentation', description: 'The same value as `notes`.' })
  activity_description!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: null, description: 'The rejection comment.' }) comment!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 101, description: 'User id of whoever approved or rejected.' })
  updated_by!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T08:00:00Z' }) created_at!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T10:30:00Z' }) updated_at!: string | null;
}

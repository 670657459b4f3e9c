import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  isDatabaseId,
  IsDateOnly,
  IsNotBeforeDate,
  MAX_DATABASE_ID,
  OptionalQueryInt,
  OrderByQuery,
  PaginationQueryDto,
  SortDirection,
  ToInteger,
  toOptionalInt,
  Trim,
} from '@app/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { BASE_STATUS_CODES, MAX_STATUS_CODE, PRIORITY_CODES, PRIORITY_NAMES } from './task-codes';

/** The most assignees one request may name; far above any real task, low enough to bound the checks. */
export const MAX_ASSIGNEES = 100;

const fieldName = (property: string): string => property.replace(/_/g, ' ');

/** Optional but not nullable: `null` is validated (and refused) like any other wrong value; `IsOptional` would let it pass. */
const Optional = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** A required id in the query string or the body: a positive integer in the id range, one message per failure. */
function RequiredId(property: string, description?: string): PropertyDecorator {
  const required = `The ${fieldName(property)} field is required.`;
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, example: 100, ...(description ? { description } : {}) }),
    Transform(toOptionalInt),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isRequiredId',
        target: target.constructor,
        propertyName: propertyName as string,
        options: {
          message: ({ value }: ValidationArguments) =>
            value === undefined || value === null ? required : `$property must be an integer from 1 to ${MAX_DATABASE_ID}.`,
        },
        validator: { validate: isDatabaseId },
      }),
  );
}

/** An optional id filter in the query string. */
function OptionalIdQuery(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, description }),
    OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID }),
  );
}

const PRIORITY_DESCRIPTION = '`10` Urgent, `20` High, `30` Normal, `40` Low.';
const priorityRule = IsIn(PRIORITY_CODES, { message: '$property must be one of 10, 20, 30, 40.' });

export class ListTasksQueryDto extends PaginationQueryDto {
  @OptionalIdQuery('Required unless `contract_id` is given.')
  project_id?: number;

  @OptionalIdQuery('Alternative to `project_id`; the project is taken from the contract.')
  contract_id?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_STATUS_CODE,
    description: 'Base (`0`, `10`, `20`, `30`) or custom status code.',
  })
  @OptionalQueryInt({ min: 0, max: MAX_STATUS_CODE })
  status?: number;

  @ApiPropertyOptional({ type: 'integer', enum: PRIORITY_CODES, description: PRIORITY_DESCRIPTION })
  @OptionalQueryInt()
  @priorityRule
  priority?: number;

  @OptionalIdQuery('Only subtasks of this task.')
  parent_id?: number;

  @OrderByQuery('asc', 'Sort order by task ID.')
  order_by!: SortDirection;
}

/** getTask: the task's project travels in the query. */
export class TaskProjectQueryDto {
  @RequiredId('project_id', "The task's project.")
  project_id!: number;
}

export class ListTaskAssigneesQueryDto extends PaginationQueryDto {
  @RequiredId('project_id', "The task's project.")
  project_id!: number;
}

/** deleteTask, assignTask, unassignTask: the task's project travels in the body. */
export class TaskProjectBodyDto {
  @RequiredId('project_id', "The task's project.")
  project_id!: number;
}

/** User ids; each element is checked on its own (`errors.assignees.N`) by the service. */
function AssigneeIds(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', isArray: true, maxItems: MAX_ASSIGNEES, example: [100, 101], description }),
    // Form bodies carry the ids as text.
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((item) => toOptionalInt({ value: item })) : value)),
    Optional(),
    IsArray({ message: '$property must be an array.' }),
    ArrayMaxSize(MAX_ASSIGNEES, { message: `$property must contain no more than ${MAX_ASSIGNEES} elements.` }),
  );
}

const ASSIGNEES_RULE = 'Each user must be an active member of the workspace with an active contract on the project.';

export class CreateTaskDto {
  @RequiredId('project_id')
  project_id!: number;

  @ApiProperty({ minLength: 1, maxLength: 255, example: 'Implement user authentication' })
  @Trim()
  @IsDefined({ message: 'The title field is required.' })
  @IsString({ message: '$property must be a string.' })
  @IsNotEmpty({ message: 'The title field is required.' })
  @MaxLength(255, { message: '$property must not be longer than 255 characters.' })
  title!: string;

  @ApiPropertyOptional({ maxLength: 65535, example: 'Add OAuth2 authentication support' })
  @Optional()
  @IsString({ message: '$property must be a string.' })
  @MaxLength(65535, { message: '$property must not be longer than 65535 characters.' })
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    enum: BASE_STATUS_CODES,
    enumName: 'TaskBaseStatus',
    default: 0,
    description: 'Base codes only: `0` Open, `10` In Progress, `20` Done, `30` Closed.',
  })
  @ToInteger()
  @Optional()
  @IsIn(BASE_STATUS_CODES, { message: '$property must be one of 0, 10, 20, 30.' })
  status?: number;

  @ApiPropertyOptional({
    type: 'integer',
    enum: PRIORITY_CODES,
    nullable: true,
    description: `${PRIORITY_DESCRIPTION} Defaults to null if not provided.`,
  })
  @ToInteger()
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @priorityRule
  priority?: number | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', example: '2024-01-15' })
  @Optional()
  @IsDateOnly()
  start_date?: string;

  @ApiPropertyOptional({ type: 'string', format: 'date', example: '2024-01-30', description: 'On or after start_date.' })
  @Optional()
  @IsDateOnly()
  @IsNotBeforeDate('start_date')
  end_date?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 499,
    description: 'Makes this a subtask; the parent must be in the same project.',
  })
  @ToInteger()
  @Optional()
  @IsInt({ message: '$property must be an integer.' })
  @Min(1, { message: '$property must be at least 1.' })
  @Max(MAX_DATABASE_ID, { message: `$property must not be greater than ${MAX_DATABASE_ID}.` })
  parent_id?: number;

  @AssigneeIds(`User ids. ${ASSIGNEES_RULE}`)
  assignees?: unknown[];
}

export class UpdateTaskDto {
  @RequiredId('project_id', "The task's current project; a task cannot be moved.")
  project_id!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255, example: 'Implement SSO' })
  @Trim()
  @ValidateIf((dto: UpdateTaskDto) => dto.title !== undefined)
  @IsString({ message: '$property must be a string.' })
  @IsNotEmpty({ message: 'The title field must not be empty.' })
  @MaxLength(255, { message: '$property must not be longer than 255 characters.' })
  title?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 65535 })
  @IsOptional()
  @IsString({ message: '$property must be a string.' })
  @MaxLength(65535, { message: '$property must not be longer than 65535 characters.' })
  description?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_STATUS_CODE,
    example: 10,
    description: "A base code or a custom code configured for the task's project (or its workspace).",
  })
  @ToInteger()
  @Optional()
  @IsInt({ message: '$property must be an integer.' })
  @Min(0, { message: '$property must be at least 0.' })
  @Max(MAX_STATUS_CODE, { message: `$property must not be greater than ${MAX_STATUS_CODE}.` })
  status?: number;

  @ApiPropertyOptional({
    type: 'integer',
    enum: PRIORITY_CODES,
    nullable: true,
    example: 20,
    description: PRIORITY_DESCRIPTION,
  })
  @ToInteger()
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @priorityRule
  priority?: number | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true })
  @IsOptional()
  @IsDateOnly()
  start_date?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, description: 'On or after start_date.' })
  @IsOptional()
  @IsDateOnly()
  end_date?: string | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, nullable: true, description: 'A task of the same project; no cycles.' })
  @ToInteger()
  @IsOptional()
  @IsInt({ message: '$property must be an integer.' })
  @Min(1, { message: '$property must be at least 1.' })
  @Max(MAX_DATABASE_ID, { message: `$property must not be greater than ${MAX_DATABASE_ID}.` })
  parent_id?: number | null;

  @AssigneeIds(`Replaces the assignee set. ${ASSIGNEES_RULE}`)
  assignees?: unknown[];
}

export class AssigneeDto {
  @ApiProperty({ type: 'integer', example: 100 }) id!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'John' }) firstname!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Doe' }) lastname!: string | null;
  @ApiProperty({ format: 'email', example: 'john.doe@example.com' }) email!: string;
}

export class TaskResponseDto {
  @ApiProperty({ type: 'integer', example: 500 }) id!: number;
  @ApiProperty({ example: 'Implement user authentication' }) title!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Add OAuth2 authentication support' }) description!: string | null;
  @ApiProperty({ type: 'integer', example: 100 }) project_id!: number;
  @ApiProperty({ type: 'integer', example: 10, description: "The workspace owner's user id." }) owner_id!: number;
  @ApiProperty({ type: 'integer', example: 100, description: 'Who created the task.' }) creator_id!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 0,
    description: 'Base code (`0` Open, `10` In Progress, `20` Done, `30` Closed) or a custom code.',
  })
  status!: number;
  @ApiProperty({ example: 'Open', description: 'Label of `status`.' }) status_name!: string;
  @ApiProperty({ type: 'string', nullable: true, example: '#9E9E9E', description: 'Hex colour of `status`.' })
  status_color!: string | null;
  @ApiProperty({
    type: 'integer',
    enum: PRIORITY_CODES,
    nullable: true,
    example: 30,
    description: PRIORITY_DESCRIPTION,
  })
  priority!: number | null;
  @ApiProperty({ type: 'string', enum: PRIORITY_NAMES, nullable: true, example: 'Normal' })
  priority_name!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-01-15' }) start_date!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-01-30' }) end_date!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-30T10:00:00Z' }) completed_at!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: null }) parent_id!: number | null;
  @ApiProperty({ type: AssigneeDto, isArray: true }) assignees!: AssigneeDto[];
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) created_at!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) updated_at!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null }) deleted_at!: string | null;
}

export class TaskAssignmentDto {
  @ApiProperty({ type: 'integer', example: 9001, description: 'Assignment id.' }) id!: number;
  @ApiProperty({ type: 'integer', example: 500 }) task_id!: number;
  @ApiProperty({ type: 'integer', example: 101 }) user_id!: number;
}

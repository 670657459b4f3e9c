import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDecimal, MAX_DATABASE_ID, MONEY_COLUMN, OptionalQueryInt, PaginationQueryDto, ToInteger, ToNumber } from '@app/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import {
  CONTRACT_STATUSES,
  ContractStatus,
  MAX_WEEKLY_HOURS,
  SCREENSHOT_LABELS,
  SCREENSHOT_MODES,
  ScreenshotMode,
} from './screenshot-modes';

/** numeric(12,2), never negative. */
export const RATE_COLUMN = { ...MONEY_COLUMN, min: 0 } as const;

const ROLE_STRINGS = ['Owner', 'Executive manager', 'Team manager', 'Project manager', 'Regular User', 'Project viewer', 'Client'];
const emptyIsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const statusMessage = { message: `The status must be one of: ${CONTRACT_STATUSES.join(', ')}.` };
const screenshotsMessage = { message: `The screenshots must be one of: ${SCREENSHOT_MODES.join(', ')}.` };

export class ListContractsQueryDto extends PaginationQueryDto {
  // No `example` on optional query parameters: Swagger UI would pre-fill it and filter the first "Try it out".
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only contracts on this project.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  project_id?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Only contracts of this member.' })
  @OptionalQueryInt({ min: 1, max: MAX_DATABASE_ID })
  user_id?: number;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, enumName: 'ContractStatus' })
  @Transform(emptyIsAbsent)
  @IsOptional()
  @IsIn(CONTRACT_STATUSES, statusMessage)
  status?: ContractStatus;
}

/** Optional, but never null: the documented body types have no null (an explicit null is a 422). */
const Omittable = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** Fields create and update share. */
class ContractSettingsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_WEEKLY_HOURS, example: 40 })
  @ToInteger()
  @Omittable()
  @IsInt({ message: 'The weekly hours limit must be an integer.' })
  @Min(0, { message: 'The weekly hours limit must be at least 0.' })
  @Max(MAX_WEEKLY_HOURS, { message: `The weekly hours limit must not be greater than ${MAX_WEEKLY_HOURS}.` })
  weekly_hours_limit?: number;

  @ApiPropertyOptional({ enum: SCREENSHOT_MODES, enumName: 'ScreenshotMode', example: 'full' })
  @Omittable()
  @IsIn(SCREENSHOT_MODES, screenshotsMessage)
  screenshots?: ScreenshotMode;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: 9_999_999_999.99,
    example: 50,
    description: 'Hourly rate. Saved only if the caller may view rates; otherwise silently ignored.',
  })
  @ToNumber()
  @Omittable()
  @IsDecimal(RATE_COLUMN)
  rate?: number;
}

const ApplyAll = (decorators: PropertyDecorator[]): PropertyDecorator => applyDecorators(...decorators);
const id = (field: string): PropertyDecorator[] => [
  ToInteger(),
  IsDefined({ message: `The ${field.replace('_', ' ')} field is required.` }),
  IsInt({ message: `The ${field.replace('_', ' ')} must be an integer.` }),
  Min(1, { message: `The selected ${field} is invalid.` }),
  Max(MAX_DATABASE_ID, { message: `The selected ${field} is invalid.` }),
];

export class CreateContractDto extends ContractSettingsDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 100, description: 'A project in the workspace that is not archived.' })
  @ApplyAll(id('project_id'))
  project_id!: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 100, description: 'An active or invited member who is not a Project viewer.' })
  @ApplyAll(id('user_id'))
  user_id!: number;
}

export class UpdateContractDto extends ContractSettingsDto {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, enumName: 'ContractStatus', example: 'paused' })
  @Omittable()
  @IsIn(CONTRACT_STATUSES, statusMessage)
  status?: ContractStatus;
}

const LABELS = Object.values(SCREENSHOT_LABELS);

export class ContractResponseDto {
  @ApiProperty({ type: 'integer', example: 100 }) id!: number;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Marketing Campaign Q1 - John Doe',
    description: '"<project_name> - <firstname> <lastname>".',
  })
  contract_name!: string | null;
  @ApiProperty({ type: 'integer', example: 100 }) project_id!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'Marketing Campaign Q1' }) project_name!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'project-icon-1' }) project_icon!: string | null;
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'John' }) user_firstname!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Doe' }) user_lastname!: string | null;
  @ApiProperty({ type: 'string', format: 'email', nullable: true, example: 'john.doe@example.com' }) user_email!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    enum: ROLE_STRINGS,
    example: 'Regular User',
    description: '"Client" means "Project viewer"; never sent by this server. Null when the membership was archived.',
  })
  user_role!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 40 }) weekly_hours_limit!: number | null;
  @ApiProperty({ type: 'string', nullable: true, enum: SCREENSHOT_MODES, example: 'full' })
  screenshots!: string | null;
  @ApiProperty({ type: 'string', nullable: true, enum: LABELS, example: 'Screenshot on' })
  screenshots_label!: string | null;
  @ApiPropertyOptional({
    type: 'number',
    nullable: true,
    example: 50,
    description:
      'The rate in effect: the contract’s own (rate_type 1), the member’s (2) or the project’s (3). Only with rate permission on a billable project.',
  })
  rate?: number | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    enum: [1, 2, 3],
    example: 1,
    description: '1 = Custom Rate, 2 = Member Rate, 3 = Project Rate; same visibility as rate.',
  })
  rate_type?: number | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'USD', description: 'ISO 4217; same visibility as rate.' })
  currency?: string | null;
  @ApiProperty({ enum: CONTRACT_STATUSES, enumName: 'ContractStatus', example: 'active' }) status!: ContractStatus;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) created_at!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) updated_at!: string;
}

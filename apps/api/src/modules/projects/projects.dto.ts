import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOURS_COLUMN, IsDateOnly, IsDecimal, PaginationQueryDto, ToNumber } from '@app/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** The columns: numeric(12,2) hours and numeric(14,2) budget, never negative. */
export const ESTIMATION_COLUMN = { ...HOURS_COLUMN, min: 0 } as const;
export const BUDGET_COLUMN = { precision: 14, scale: 2, min: 0 } as const;
const MAX_ESTIMATION = 9_999_999_999;
const MAX_BUDGET = 999_999_999_999;

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class ListProjectsQueryDto extends PaginationQueryDto {
  // No `example` on optional query parameters: Swagger UI would pre-fill it and filter the first "Try it out".
  @ApiPropertyOptional({ description: 'Case-insensitive partial match on the project name, e.g. `Marketing`.', maxLength: 255 })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;
}

/** Fields shared by create and update; `null` clears an optional field. */
class ProjectFieldsDto {
  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2024-01-15' })
  @IsOptional()
  @IsDateOnly()
  start_date?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2024-03-31', description: 'On or after start_date.' })
  @IsOptional()
  @IsDateOnly()
  deadline?: string | null;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: MAX_ESTIMATION,
    nullable: true,
    example: 120,
    description: 'Estimated hours.',
  })
  @ToNumber()
  @IsOptional()
  @IsDecimal(ESTIMATION_COLUMN)
  estimation?: number | null;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: MAX_BUDGET,
    nullable: true,
    example: 5000,
    description: 'Returned as budget_estimation.',
  })
  @ToNumber()
  @IsOptional()
  @IsDecimal(BUDGET_COLUMN)
  budget?: number | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 65535, example: 'Focus on social media channels' })
  @IsOptional()
  @IsString()
  @MaxLength(65535)
  notes?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 255, example: 'project-icon-1' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  icon?: string | null;
}

export class CreateProjectDto extends ProjectFieldsDto {
  @ApiProperty({ minLength: 1, maxLength: 255, example: 'Marketing Campaign Q1' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'The name field is required.' })
  @MaxLength(255)
  name!: string;
}

export class UpdateProjectDto extends ProjectFieldsDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 255, example: 'Marketing Campaign Q1 Updated' })
  @Transform(trim)
  @ValidateIf((dto: UpdateProjectDto) => dto.name !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'The name field must not be empty.' })
  @MaxLength(255)
  name?: string;
}

export class TagDto {
  @ApiProperty({ type: 'integer', example: 5 }) id!: number;
  @ApiProperty({ example: 'Marketing' }) name!: string;
  @ApiProperty({ type: 'string', nullable: true, example: '#FF5733' }) color!: string | null;
}

export class ProjectResponseDto {
  @ApiProperty({ type: 'integer', example: 100 }) id!: number;
  @ApiProperty({ example: 'Marketing Campaign Q1' }) name!: string;
  @ApiProperty({ type: 'integer', example: 10, description: "The workspace owner's user id." }) owner_id!: number;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-01-15' }) start_date!: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2024-03-31' }) deadline!: string | null;
  @ApiProperty({ type: 'number', nullable: true, example: 120 }) estimation!: number | null;
  @ApiProperty({ type: 'number', nullable: true, example: 5000 }) budget_estimation!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Focus on social media channels' }) notes!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'project-icon-1' }) icon!: string | null;
  @ApiProperty({ example: true }) is_billable!: boolean;
  @ApiPropertyOptional({ type: 'number', nullable: true, example: 0, description: 'Only for callers who may view rates.' })
  rate?: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 168 }) weekly_hours_limit!: number | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'blur' }) screenshots!: string | null;
  @ApiProperty({ type: TagDto, isArray: true }) tags!: TagDto[];
  @ApiProperty({ type: 'integer', example: 3, description: 'Number of active contracts.' }) contracts_count!: number;
  @ApiProperty({ type: 'integer', enum: [0, 1], enumName: 'ProjectStatus', example: 1, description: '1 = active, 0 = archived.' })
  status!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T09:00:00Z' }) created_at!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T09:00:00Z' }) updated_at!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null }) deleted_at!: string | null;
}

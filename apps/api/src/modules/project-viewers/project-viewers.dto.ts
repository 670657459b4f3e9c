import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmailAddress, MAX_DATABASE_ID, PaginationQueryDto, ToInteger } from '@app/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';

export class ListProjectViewersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    type: 'string',
    format: 'email',
    maxLength: 255,
    description: 'Exact match (e-mail addresses compare case-insensitively).',
  })
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @MaxLength(255)
  @IsEmailAddress({ message: 'The email must be a valid email address.' })
  email?: string;
}

/** assignProjectToViewer and unassignProjectFromViewer: the project, by id (`workspace_id` travels beside it). */
export class ViewerProjectBodyDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 100, description: 'ID of the project.' })
  @ToInteger()
  @IsDefined({ message: 'The project id field is required.' })
  @IsInt({ message: 'The project id must be an integer.' })
  @Min(1, { message: 'The project id must be at least 1.' })
  @Max(MAX_DATABASE_ID, { message: `The project id must not be greater than ${MAX_DATABASE_ID}.` })
  project_id!: number;
}

export class ViewerProjectDto {
  @ApiProperty({ type: 'integer', example: 100 }) project_id!: number;
  @ApiProperty({ example: 'Marketing Campaign Q1' }) project_name!: string;
}

export const VIEWER_STATUSES = ['active', 'inactive', 'left'] as const;
export type ViewerStatus = (typeof VIEWER_STATUSES)[number];

export class ProjectViewerDto {
  @ApiProperty({ type: 'integer', example: 100, description: 'Unique identifier for the project viewer (user_id).' }) id!: number;
  @ApiProperty({ format: 'email', example: 'viewer@example.com' }) email!: string;
  @ApiProperty({ example: 'John' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiPropertyOptional({
    type: 'string',
    enum: VIEWER_STATUSES,
    nullable: true,
    example: 'active',
    description: '`active`: usable; `inactive`: invited, not yet accepted; `left`: archived.',
  })
  status!: ViewerStatus | null;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    example: '2024-01-15T09:00:00Z',
    description: 'When the viewer accepted the invitation; null while invited.',
  })
  member_since!: string | null;
  @ApiProperty({ type: ViewerProjectDto, isArray: true, description: 'Assigned projects (live ones), by id.' })
  projects!: ViewerProjectDto[];
}

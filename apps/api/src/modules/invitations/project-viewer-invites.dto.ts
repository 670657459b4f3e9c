import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InviteeDto } from '../members/members.dto';

/** createProjectViewer: every field required (project-viewers.md Decision); workspace_id travels in the body or the query. */
export class CreateProjectViewerDto extends InviteeDto {}

export class ViewerProjectDto {
  @ApiProperty({ type: 'integer', example: 100 }) project_id!: number;
  @ApiProperty({ example: 'Marketing Campaign Q1' }) project_name!: string;
}

export class ProjectViewerResponseDto {
  @ApiProperty({ type: 'integer', example: 100, description: 'The user id.' }) id!: number;
  @ApiProperty({ type: 'string', format: 'email', example: 'viewer@example.com' }) email!: string;
  @ApiProperty({ example: 'John' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiPropertyOptional({
    type: 'string',
    enum: ['active', 'inactive', 'left', null],
    nullable: true,
    example: 'active',
  })
  status!: 'active' | 'inactive' | 'left' | null;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true, example: '2024-01-15T09:00:00Z' })
  member_since!: string | null;
  @ApiProperty({ type: ViewerProjectDto, isArray: true }) projects!: ViewerProjectDto[];
}

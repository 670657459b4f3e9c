import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '@app/auth';

export class WorkspaceResponseDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Use as workspace_id in every other call.' }) id!: number;
  @ApiProperty({ type: 'integer', example: 10 }) owner_id!: number;
  @ApiProperty({ type: 'integer', example: 100, description: "The caller's user id." }) user_id!: number;
  @ApiProperty({ example: 'WebWork Workspace' }) workspace_name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', example: Role.Owner }) role!: Role;
  @ApiProperty({ enum: ['active', 'inactive', 'left', 'unknown'], enumName: 'MembershipStatus', example: 'active' }) status!: string;
  @ApiProperty({ example: '2025-02-19T19:24:55.000000Z', description: 'Microsecond ISO 8601, UTC.' }) created_at!: string;
  @ApiProperty({ example: '2025-02-19 19:24:55', description: 'UTC, no zone marker.' }) activated_at!: string;
}

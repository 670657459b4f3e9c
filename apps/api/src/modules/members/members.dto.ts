import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MembershipStatus, Role } from '@app/auth';
import { IsEmailAddress, IsIanaTimeZone, PaginationQueryDto, ToInteger, Trim } from '@app/common';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** The roles invite and update may give: every role but Owner (roles.md). */
export const ASSIGNABLE_ROLES = [
  Role.RegularUser,
  Role.ProjectManager,
  Role.TeamManager,
  Role.ExecutiveManager,
  Role.ProjectViewer,
] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
const LISTED_ROLES = [Role.Owner, Role.ProjectViewer, Role.ExecutiveManager, Role.TeamManager, Role.ProjectManager, Role.RegularUser];
const STATUSES = Object.values(MembershipStatus);
export const SCREENSHOT_MODES = [
  'full',
  'blurred',
  'no_preview',
  'no_screenshot',
  'background_blurred',
  'video_full',
  'video_blurred',
  'video_full_silent',
  'video_blurred_silent',
] as const;

const emptyAsAbsent = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
/** Emails are stored lower-cased (users_email_uq), so every comparison is case-insensitive. */
const normalizeEmail = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class ListMembersQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ type: 'string', format: 'email', maxLength: 255, description: 'Exact match (case-insensitive).' })
  @Transform((params) => normalizeEmail({ value: emptyAsAbsent(params) }))
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @IsEmailAddress({ message: 'The email must be a valid email address.' })
  email?: string;

  @ApiPropertyOptional({ enum: STATUSES, enumName: 'MemberStatus' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(STATUSES, { message: `The selected status is invalid.` })
  status?: MembershipStatus;

  @ApiPropertyOptional({ enum: LISTED_ROLES, enumName: 'MemberRole' })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsIn(LISTED_ROLES, { message: 'The selected role is invalid.' })
  role?: Role;
}

/** The person invited: inviteMember and createProjectViewer share these. */
export class InviteeDto {
  @ApiProperty({ type: 'string', format: 'email', maxLength: 255, example: 'john.doe@example.com' })
  @Transform(normalizeEmail)
  @IsString({ message: 'The email field is required.' })
  @IsNotEmpty({ message: 'The email field is required.' })
  @MaxLength(255)
  @IsEmailAddress({ message: 'The email must be a valid email address.' })
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 255, example: 'John' })
  @Trim()
  @IsString({ message: 'The firstname field is required.' })
  @IsNotEmpty({ message: 'The firstname field is required.' })
  @MaxLength(255)
  firstname!: string;

  @ApiProperty({ minLength: 1, maxLength: 255, example: 'Doe' })
  @Trim()
  @IsString({ message: 'The lastname field is required.' })
  @IsNotEmpty({ message: 'The lastname field is required.' })
  @MaxLength(255)
  lastname!: string;
}

export class InviteMemberDto extends InviteeDto {
  @ApiProperty({ enum: ASSIGNABLE_ROLES, enumName: 'AssignableRole', example: Role.RegularUser })
  @IsIn(ASSIGNABLE_ROLES, { message: 'The selected role is invalid.' })
  role!: AssignableRole;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({
    type: 'string',
    format: 'email',
    maxLength: 255,
    example: 'john.doe@example.com',
    description: 'Must not belong to another user.',
  })
  @Transform(normalizeEmail)
  @ValidateIf((dto: UpdateMemberDto) => dto.email !== undefined)
  @IsString()
  @MaxLength(255)
  @IsEmailAddress({ message: 'The email must be a valid email address.' })
  email?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255, example: 'John' })
  @Trim()
  @ValidateIf((dto: UpdateMemberDto) => dto.firstname !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'The firstname field must not be empty.' })
  @MaxLength(255)
  firstname?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 255, example: 'Doe' })
  @Trim()
  @ValidateIf((dto: UpdateMemberDto) => dto.lastname !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'The lastname field must not be empty.' })
  @MaxLength(255)
  lastname?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 64, example: 'America/New_York', description: 'IANA name.' })
  @ValidateIf((dto: UpdateMemberDto) => dto.timezone !== undefined)
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ enum: ASSIGNABLE_ROLES, enumName: 'AssignableRole', example: Role.TeamManager })
  @ValidateIf((dto: UpdateMemberDto) => dto.role !== undefined)
  @IsIn(ASSIGNABLE_ROLES, { message: 'The selected role is invalid.' })
  role?: AssignableRole;

  @ApiPropertyOptional({ type: 'integer', enum: [0, 1], enumName: 'RateStatus', example: 1, description: '0 = hidden, 1 = visible.' })
  @ToInteger()
  @ValidateIf((dto: UpdateMemberDto) => dto.rate_status !== undefined)
  @IsIn([0, 1], { message: 'The rate status must be 0 or 1.' })
  rate_status?: 0 | 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 168, example: 40 })
  @ToInteger()
  @ValidateIf((dto: UpdateMemberDto) => dto.weekly_hours_limit !== undefined)
  @IsInt({ message: 'The weekly hours limit must be an integer.' })
  @Min(0, { message: 'The weekly hours limit must be at least 0.' })
  @Max(168, { message: 'The weekly hours limit must not be greater than 168.' })
  weekly_hours_limit?: number;

  @ApiPropertyOptional({ type: 'integer', enum: [0, 1], enumName: 'RemoveAvatar', example: 1, description: '0 = keep, 1 = remove.' })
  @ToInteger()
  @ValidateIf((dto: UpdateMemberDto) => dto.remove_avatar !== undefined)
  @IsIn([0, 1], { message: 'The remove avatar field must be 0 or 1.' })
  remove_avatar?: 0 | 1;
}

export class MemberResponseDto {
  @ApiProperty({ type: 'integer', example: 100, description: 'The user id.' }) id!: number;
  @ApiProperty({ type: 'string', format: 'email', example: 'john.doe@example.com' }) email!: string;
  @ApiProperty({ example: 'John' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'avatar.jpg', description: 'A file name, not a URL.' })
  avatar!: string | null;
  @ApiProperty({ enum: LISTED_ROLES, enumName: 'MemberRole', example: Role.RegularUser }) current_role!: Role;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'America/New_York' }) timezone!: string | null;
  @ApiProperty({ enum: STATUSES, enumName: 'MemberStatus', example: MembershipStatus.Active }) status!: MembershipStatus;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'Development Team' }) team_name!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: 'Backend Developer' }) title!: string | null;
  @ApiPropertyOptional({ type: 'number', example: 25, description: 'Only for callers who may view rates.' }) rate?: number;
  @ApiPropertyOptional({ type: 'string', nullable: true, example: null, description: 'Only for callers who may view rates; always null.' })
  rate_type?: string | null;
  @ApiProperty({ type: 'integer', enum: [0, 1], enumName: 'RateStatus', example: 0 }) rate_status!: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 40 }) weekly_hours_limit!: number | null;
  @ApiPropertyOptional({
    type: 'string',
    enum: [...SCREENSHOT_MODES, null],
    nullable: true,
    example: 'full',
  })
  screenshots!: string | null;
  @ApiProperty({ example: false }) is_blocked!: boolean;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) created_at!: string;
  @ApiProperty({ type: 'string', format: 'date-time', example: '2024-01-15T09:00:00Z' }) updated_at!: string;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true, example: null }) deleted_at!: string | null;
}

export class MemberInvitationResponseDto {
  @ApiProperty({ type: 'integer', example: 100 }) user_id!: number;
  @ApiProperty({
    type: 'string',
    format: 'uri',
    example: 'https://webwork.example.com/dashboard/accept-invitation/wwinv_3q2-7wAX0Vb8Yk1mRzT5cLp9Hs4dJf6Ng0eUiOaBc2E',
  })
  invitation_link!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_DATABASE_ID, PaginationQueryDto, ToInteger, Trim } from '@app/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** Teams are an extension (roles.md: workspace data the published API does not expose); the operations are marked. */
const MAX_PEOPLE = 100;

const userIdRules = (field: string): PropertyDecorator[] => [
  IsInt({ each: true, message: `Each ${field} entry must be a user id (an integer).` }),
  Min(1, { each: true, message: `Each ${field} entry must be a user id (an integer).` }),
  Max(MAX_DATABASE_ID, { each: true, message: `Each ${field} entry must be a user id (an integer).` }),
];

const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorator) => decorator(target, key));

/** Form bodies send `managers=1&managers=2` (an array) or `managers=1` (one value). */
const toIdArray = ({ value }: { value: unknown }): unknown => {
  const list = typeof value === 'string' ? [value] : value;
  return Array.isArray(list) ? list.map((item) => (typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item)) : list;
};

export class ListTeamsQueryDto extends PaginationQueryDto {}

export class CreateTeamDto {
  @ApiProperty({ minLength: 1, maxLength: 255, example: 'Development Team', description: 'Unique in the workspace.' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'The name field is required.' })
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    maxItems: MAX_PEOPLE,
    uniqueItems: true,
    example: [101],
    description: 'User ids of the team managers: non-archived members of the workspace, not project viewers.',
  })
  @Transform(toIdArray)
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique({ message: 'The managers must be distinct.' })
  @apply(...userIdRules('managers'))
  managers?: number[];

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    maxItems: MAX_PEOPLE,
    uniqueItems: true,
    example: [102, 103],
    description: 'User ids of the other team members (a user is in a team once, as manager or member).',
  })
  @Transform(toIdArray)
  @ValidateIf((_dto: object, value: unknown) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_PEOPLE)
  @ArrayUnique({ message: 'The members must be distinct.' })
  @apply(...userIdRules('members'))
  members?: number[];
}

export class UpdateTeamDto {
  @ApiProperty({ minLength: 1, maxLength: 255, example: 'Platform Team' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'The name field is required.' })
  @MaxLength(255)
  name!: string;
}

export class TeamUserBodyDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 102, description: 'The user id of a workspace member.' })
  @ToInteger()
  @IsDefined({ message: 'The user id field is required.' })
  @IsInt({ message: 'The user id must be an integer.' })
  @Min(1, { message: 'The user id must be at least 1.' })
  @Max(MAX_DATABASE_ID, { message: `The user id must not be greater than ${MAX_DATABASE_ID}.` })
  user_id!: number;
}

export class TeamPersonDto {
  @ApiProperty({ type: 'integer', example: 102, description: 'User id.' }) id!: number;
  @ApiProperty({ format: 'email', example: 'john.doe@example.com' }) email!: string;
  @ApiProperty({ example: 'John' }) firstname!: string;
  @ApiProperty({ example: 'Doe' }) lastname!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Regular User', description: 'Workspace role.' })
  role!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'active',
    description: 'Membership status; `left` once archived (the team keeps the person until removed).',
  })
  status!: string | null;
}

export class TeamDto {
  @ApiProperty({ type: 'integer', example: 5 }) id!: number;
  @ApiProperty({ example: 'Development Team' }) name!: string;
  @ApiProperty({ type: TeamPersonDto, isArray: true, description: 'Team managers, by user id.' })
  managers!: TeamPersonDto[];
  @ApiProperty({ type: TeamPersonDto, isArray: true, description: 'The other members, by user id.' })
  members!: TeamPersonDto[];
}

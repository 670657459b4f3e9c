import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ToBoolean } from '@app/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** An optional field: left out, it takes its default; null is validated like any value (neither is declared nullable). */
const WhenSent = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => value !== undefined);

export const APP_GRANT_TYPES = ['authorization_code', 'client_credentials'] as const;

export class CreateOAuthAppDto {
  @ApiProperty({ maxLength: 255, example: 'My Integration App' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 10,
    example: ['https://myapp.com/callback'],
    description: 'Must match exactly on authorize.',
  })
  @WhenSent()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'], allow_fragments: false }, { each: true })
  @MaxLength(2000, { each: true })
  redirect_uris?: string[];

  @ApiProperty({ enum: APP_GRANT_TYPES, enumName: 'OAuthAppGrantType', example: 'authorization_code' })
  @IsIn(APP_GRANT_TYPES)
  grant_type!: (typeof APP_GRANT_TYPES)[number];

  @ApiPropertyOptional({ default: true, description: 'false registers a public client (no secret; PKCE required).' })
  @ToBoolean()
  @WhenSent()
  @IsBoolean()
  confidential?: boolean;
}

export class OAuthAppResponseDto {
  @ApiProperty({ example: '9a1b2c3d4e5f60718293a4b5c6d7e8f9' }) client_id!: string;
  @ApiProperty({ example: 'My Integration App' }) name!: string;
  @ApiProperty({ type: [String], example: ['https://myapp.com/callback'] }) redirect_uris!: string[];
  @ApiProperty({ type: [String], example: ['authorization_code', 'refresh_token'] }) grant_types!: string[];
  @ApiProperty({ example: true }) confidential!: boolean;
  @ApiProperty({ format: 'date-time', example: '2024-01-15T09:00:00Z' }) created_at!: string;
}

export class CreatedOAuthAppResponseDto extends OAuthAppResponseDto {
  @ApiProperty({ type: 'string', nullable: true, example: 'wwcs_…', description: 'Shown once. Null for public clients.' })
  client_secret!: string | null;
}

export class CreatePersonalAccessTokenDto {
  @ApiProperty({ maxLength: 255, example: 'CI reporting' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;
}

export class PersonalAccessTokenResponseDto {
  @ApiProperty({ type: 'integer', example: 12 }) id!: number;
  @ApiProperty({ example: 'CI reporting' }) name!: string;
  @ApiProperty({ type: [String], example: ['read', 'write', 'admin'] }) scopes!: string[];
  @ApiProperty({ format: 'date-time', example: '2024-07-15T09:00:00Z' }) expires_at!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null }) last_used_at!: string | null;
  @ApiProperty({ format: 'date-time', example: '2024-01-15T09:00:00Z' }) created_at!: string;
}

export class CreatedPersonalAccessTokenResponseDto extends PersonalAccessTokenResponseDto {
  @ApiProperty({ example: 'wwpat_…', description: 'Shown once; only its SHA-256 is stored.' }) token!: string;
}

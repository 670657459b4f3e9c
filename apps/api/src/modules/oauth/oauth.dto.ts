import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Documentation only: the OAuth endpoints answer RFC 6749/7009/8414 bodies, not the API envelope, and
// read their (form or JSON) bodies themselves, so these classes never reach the ValidationPipe.

/** Client authentication (auth.md): HTTP Basic, or these fields in the body; a public client sends only client_id. */
export class TokenRequestDto {
  @ApiProperty({
    enum: ['authorization_code', 'refresh_token', 'client_credentials'],
    enumName: 'OAuthGrantType',
    example: 'authorization_code',
  })
  grant_type!: string;
  @ApiPropertyOptional({
    description: 'Required unless the client authenticates with HTTP Basic (client_id:client_secret); public clients always send it.',
    example: '9a1b2c3d4e5f60718293a4b5c6d7e8f9',
  })
  client_id?: string;
  @ApiPropertyOptional({ description: 'Confidential clients that do not use HTTP Basic; public clients never send one.' })
  client_secret?: string;
  @ApiPropertyOptional({ description: 'authorization_code grant.' }) code?: string;
  @ApiPropertyOptional({ format: 'uri', description: 'authorization_code grant: the value sent to authorize.' }) redirect_uri?: string;
  @ApiPropertyOptional({ minLength: 43, maxLength: 128, description: 'PKCE verifier, when a code_challenge was sent.' })
  code_verifier?: string;
  @ApiPropertyOptional({ description: 'refresh_token grant.' }) refresh_token?: string;
  @ApiPropertyOptional({ example: 'read write', description: 'Space-separated subset of read write admin.' }) scope?: string;
}

export class TokenResponseDto {
  @ApiProperty({ enum: ['Bearer'], enumName: 'OAuthTokenType', example: 'Bearer' }) token_type!: string;
  @ApiProperty({ type: 'integer', example: 1296000 }) expires_in!: number;
  @ApiProperty({ example: 'wwat_…' }) access_token!: string;
  @ApiPropertyOptional({ example: 'wwrt_…', description: 'Not issued for client_credentials; rotated on every refresh.' })
  refresh_token?: string;
  @ApiProperty({ example: 'read write' }) scope!: string;
}

export class RevokeRequestDto {
  @ApiProperty({ example: 'wwrt_…' }) token!: string;
  @ApiPropertyOptional({
    enum: ['access_token', 'refresh_token'],
    enumName: 'OAuthTokenTypeHint',
    example: 'refresh_token',
    description: 'Optional hint; either kind of token is found without it. Any other value is a 400 invalid_request.',
  })
  token_type_hint?: string;
  @ApiPropertyOptional({
    description: 'Required unless the client authenticates with HTTP Basic (client_id:client_secret).',
    example: '9a1b2c3d4e5f60718293a4b5c6d7e8f9',
  })
  client_id?: string;
  @ApiPropertyOptional({ description: 'Confidential clients that do not use HTTP Basic.' }) client_secret?: string;
}

export class AuthorizationServerMetadataDto {
  @ApiProperty({ example: 'https://webwork.example' }) issuer!: string;
  @ApiProperty() authorization_endpoint!: string;
  @ApiProperty() token_endpoint!: string;
  @ApiProperty() revocation_endpoint!: string;
  @ApiProperty({ type: [String], example: ['read', 'write', 'admin'] }) scopes_supported!: string[];
  @ApiProperty({ type: [String], example: ['code'] }) response_types_supported!: string[];
  @ApiProperty({ type: [String] }) grant_types_supported!: string[];
  @ApiProperty({ type: [String], example: ['S256'] }) code_challenge_methods_supported!: string[];
  @ApiProperty({ type: [String] }) token_endpoint_auth_methods_supported!: string[];
  @ApiProperty({ type: [String] }) revocation_endpoint_auth_methods_supported!: string[];
}

export class OAuthErrorDto {
  @ApiProperty({ example: 'invalid_grant' }) error!: string;
  @ApiProperty({ example: 'The refresh token is invalid.' }) error_description!: string;
  @ApiProperty({ example: 'The refresh token is invalid.' }) message!: string;
}

import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { API_VERSION } from './meta';

export class PaginationMetaDto {
  @ApiProperty({ type: 'integer', example: 50 }) total!: number;
  @ApiProperty({ type: 'integer', example: 20 }) per_page!: number;
  @ApiProperty({ type: 'integer', example: 1 }) current_page!: number;
  @ApiProperty({ type: 'integer', example: 3 }) last_page!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) from!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 20 }) to!: number | null;
}

export class ResponseMetaDto {
  @ApiProperty({ example: API_VERSION }) api_version!: string;
  @ApiProperty({ format: 'date-time', example: '2024-01-15T10:30:00Z' }) timestamp!: string;
}

export class PaginatedResponseMetaDto extends ResponseMetaDto {
  @ApiProperty({ type: PaginationMetaDto }) pagination!: PaginationMetaDto;
}

/** Every error outside the OAuth endpoints (conventions.md, "Error envelope"); see `ValidationErrorEnvelopeDto` for 422. */
@ApiSchema({ name: 'ErrorEnvelope', description: 'The error envelope: every error except the RFC 6749 bodies of the OAuth endpoints.' })
export class ErrorEnvelopeDto {
  @ApiProperty({ type: 'boolean', enum: [false], example: false }) success!: false;
  @ApiProperty({ example: 'Project not found.', description: 'What went wrong; clients must not parse it.' }) message!: string;
  @ApiProperty({
    example: 'Not Found',
    description: 'The HTTP reason phrase of the status, e.g. "Unauthorized", "Unprocessable Entity", "Internal Server Error".',
  })
  error!: string;
  @ApiProperty({ type: ResponseMetaDto }) meta!: ResponseMetaDto;
}

/** 422 adds the field errors (ValidationPipe, workspace_id). */
@ApiSchema({ name: 'ValidationErrorEnvelope', description: 'The error envelope of a 422: the error envelope plus `errors`.' })
export class ValidationErrorEnvelopeDto extends ErrorEnvelopeDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { name: ['The name field is required.'] },
    description:
      'Field name (dot paths for nested items, e.g. `events.0`) to messages. Present whenever a field failed validation; ' +
      'absent only when the database rejected a value the validators let through (a NUL byte, a number beyond the column).',
  })
  errors?: Record<string, string[]>;
}

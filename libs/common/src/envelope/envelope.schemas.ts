import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class ErrorEnvelopeDto {
  @ApiProperty({ example: false }) success!: boolean;
  @ApiProperty({ example: 'The given data was invalid.' }) message!: string;
  @ApiProperty({ nullable: true, example: 'Unprocessable Entity' }) error!: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { name: ['The name field is required.'] },
  })
  errors?: Record<string, string[]>;
  @ApiProperty({ type: ResponseMetaDto }) meta!: ResponseMetaDto;
}

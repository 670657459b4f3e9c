import { applyDecorators, HttpCode, SetMetadata, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ApiErrorResponse } from './api-error-responses';
import { PaginatedResponseMetaDto, PaginationMetaDto, ResponseMetaDto } from './envelope.schemas';
import { RAW_RESPONSE, RESPONSE_MESSAGE, RESPONSE_TOP_LEVEL_PAGINATION } from './response-message';

export interface RespondsOptions {
  message?: string;
  paginated?: boolean;
  /** With `paginated`: the body also carries `pagination` at the top level, next to `meta` (listContracts). */
  topLevelPagination?: boolean;
  /** `data` is one object and `meta` carries `pagination` (the per-user reports, answered with a `Reply`). */
  paginatedMeta?: boolean;
  /** A plain array in `data`, without pagination. */
  isArray?: boolean;
  status?: number;
  /**
   * When the operation can answer 409, and why: a business-rule conflict, or a write that can hit a unique
   * constraint (the exception filter maps a unique violation to 409).
   */
  conflict?: { description: string; message: string };
  /**
   * Other media types the success response may have besides the JSON envelope, keyed by media type (the reports'
   * `text/csv`, chosen by `Accept`); each a Media Type Object, marked `x-extension: true` when it is ours.
   */
  alternatives?: Record<string, Record<string, unknown>>;
  /** Fields beside `data` the handler sends through a `Reply` (createTimeEntry's `saved_minutes`). */
  topLevel?: Record<string, ApiPropertyOptions>;
}

const envelopes = new Map<string, Type<unknown>>();

/** One named wrapper schema per DTO (e.g. `ProjectResponseEnvelope`), so generated clients see the envelope. */
function envelopeFor(
  dto: Type<unknown> | null,
  paginated: boolean,
  isArray: boolean,
  topLevelPagination: boolean,
  topLevel: Record<string, ApiPropertyOptions> = {},
  paginatedMeta = false,
): Type<unknown> {
  const shape = paginated ? (topLevelPagination ? 'ListWithPagination' : 'List') : isArray ? 'Array' : paginatedMeta ? 'Paged' : '';
  const extra = Object.keys(topLevel)
    .map((key) => key.replace(/(^|_)(\w)/g, (_match: string, _sep: string, letter: string) => letter.toUpperCase()))
    .join('And');
  const name = `${dto ? dto.name.replace(/Dto$/, '') : 'Null'}${shape}${extra ? `With${extra}` : ''}Envelope`;
  const cached = envelopes.get(name);
  if (cached) return cached;

  class Envelope {}
  Object.defineProperty(Envelope, 'name', { value: name });
  const proto = Envelope.prototype;
  ApiProperty({ type: Boolean, example: true })(proto, 'success');
  ApiPropertyOptional({ type: String, example: 'Project retrieved successfully' })(proto, 'message');
  if (dto === null) {
    ApiProperty({
      type: 'object',
      additionalProperties: false,
      nullable: true,
      example: null,
      description: 'Always null for this operation.',
    })(proto, 'data');
  } else {
    ApiProperty({ type: dto, isArray: paginated || isArray })(proto, 'data');
  }
  ApiProperty({ type: paginated || paginatedMeta ? PaginatedResponseMetaDto : ResponseMetaDto })(proto, 'meta');
  if (topLevelPagination) {
    ApiProperty({ type: PaginationMetaDto, description: 'The same object as `meta.pagination`.' })(proto, 'pagination');
  }
  for (const [key, options] of Object.entries(topLevel)) ApiProperty(options)(proto, key);
  envelopes.set(name, Envelope);
  return Envelope;
}

/**
 * How a handler responds on success, at runtime and in the document alike: it sets the HTTP status code and the
 * envelope `message` the interceptor sends, and declares the named envelope schema (plus the 409, when the
 * operation has one). Pass `null` for actions whose `data` is always null.
 */
export function Responds(dto: Type<unknown> | null, options: RespondsOptions = {}): MethodDecorator {
  const status = options.status ?? 200;
  const paginated = options.paginated ?? false;
  const topLevelPagination = paginated && (options.topLevelPagination ?? false);
  const envelope = envelopeFor(dto, paginated, options.isArray ?? false, topLevelPagination, options.topLevel, options.paginatedMeta);
  const decorators = [
    HttpCode(status),
    SetMetadata(RESPONSE_MESSAGE, options.message),
    SetMetadata(RESPONSE_TOP_LEVEL_PAGINATION, topLevelPagination),
    ApiExtraModels(envelope, ...(dto ? [dto] : [])),
    options.alternatives
      ? ApiResponse({
          status,
          description: options.message ?? 'Success',
          content: { 'application/json': { schema: { $ref: getSchemaPath(envelope) } }, ...options.alternatives },
        })
      : ApiResponse({ status, type: envelope, description: options.message ?? 'Success' }),
  ];
  if (options.conflict) {
    decorators.push(ApiErrorResponse(409, options.conflict));
  }
  return applyDecorators(...decorators);
}

/** For the few documents whose format a standard fixes (RFC 8414 metadata): no envelope. */
export const RawResponse = (): MethodDecorator => SetMetadata(RAW_RESPONSE, true);

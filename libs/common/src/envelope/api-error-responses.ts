import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeaderObject, HeadersObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { httpReason } from '../errors/http-reason';
import { UNIQUE_VIOLATION_MESSAGE } from '../errors/render-error';
import { ErrorEnvelopeDto, ValidationErrorEnvelopeDto } from './envelope.schemas';

/**
 * Response headers the server sets outside any one handler, published once under `components.headers`
 * and referenced from each response (the names are those of conventions.md).
 */
export const OPENAPI_HEADERS: Record<string, HeaderObject> = {
  'X-Request-Id': {
    description: 'Correlation id of this request, also in every log line; an incoming sane `X-Request-Id` is kept.',
    required: true,
    schema: { type: 'string', example: '8f14e45f-ceea-467f-a0e6-2f3b5c1a9d10' },
  },
  'X-RateLimit-Limit': {
    description:
      'Requests allowed per window for this principal (per client IP on the OAuth endpoints). Set once the token is ' +
      'authenticated, so absent from 401 and from errors raised before the handler (malformed, oversized or unsupported bodies).',
    required: false,
    schema: { type: 'integer', example: 60 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window (see X-RateLimit-Limit for when it is set).',
    required: false,
    schema: { type: 'integer', minimum: 0, example: 59 },
  },
  'Retry-After': {
    description: 'Seconds until the next request is allowed.',
    required: true,
    schema: { type: 'integer', minimum: 0, example: 42 },
  },
};

export type OpenApiHeaderName = keyof typeof OPENAPI_HEADERS;

export const headerRef = (name: OpenApiHeaderName): ReferenceObject => ({ $ref: `#/components/headers/${name}` });

/** The body the exception filter sends for `status`, as an example for that response. */
export function errorExample(status: number, message: string, errors?: Record<string, string[]>): Record<string, unknown> {
  return {
    success: false,
    message,
    error: httpReason(status),
    ...(errors ? { errors } : {}),
    meta: { api_version: '2.0.0', timestamp: '2024-01-15T10:30:00Z' },
  };
}

export interface ErrorResponseOptions {
  description: string;
  /** The message the server sends, used for the example body. */
  message: string;
  /** 422 only: field errors for the example body. */
  errors?: Record<string, string[]>;
  headers?: HeadersObject;
}

/** An error-envelope response (`ValidationErrorEnvelope` on 422) as an OpenAPI response object. */
export function errorResponseObject(status: number, { description, message, errors, headers }: ErrorResponseOptions): ResponseObject {
  const schema = status === 422 ? ValidationErrorEnvelopeDto : ErrorEnvelopeDto;
  const example = errorExample(status, message, errors);
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema: { $ref: getSchemaPath(schema) }, example } },
  };
}

/** Declares one error-envelope response on a handler. */
export function ApiErrorResponse(status: number, options: ErrorResponseOptions): MethodDecorator {
  const { description, headers, content } = errorResponseObject(status, options);
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto, ValidationErrorEnvelopeDto),
    ApiResponse({ status, description, headers, content }),
  );
}

/** For `Responds(..., { conflict })` on writes to a table with a unique index. */
export const UNIQUE_VIOLATION_CONFLICT = {
  description: 'A unique value is already taken: the database rejected a duplicate.',
  message: UNIQUE_VIOLATION_MESSAGE,
};

export interface PathIdOptions {
  /** The 404 message, e.g. `Project not found.` (the same text the handler's pipe or service throws). */
  notFound: string;
  /** Integer database ids (default), UUIDs (read with `UuidParamPipe`) or opaque strings. */
  type?: 'integer' | 'uuid' | 'string';
  example?: number | string;
  description?: string;
}

/**
 * A path id: the parameter and its 404. A malformed id (not a positive integer, not a UUID) is a 404 too
 * (conventions.md), as is an id in another workspace or outside the caller's visibility.
 */
export function ApiPathId(name: string, { notFound, type = 'integer', example, description }: PathIdOptions): MethodDecorator {
  const typed = type === 'integer' ? { type, minimum: 1 } : type === 'uuid' ? { type: 'string', format: 'uuid' } : { type };
  const schema = { ...typed, ...(example !== undefined ? { example } : {}) };
  return applyDecorators(
    ApiParam({ name, required: true, schema, ...(description ? { description } : {}) }),
    ApiErrorResponse(404, {
      description: `${notFound} The id does not exist, is malformed, or lies outside the caller's workspace or visibility.`,
      message: notFound,
    }),
  );
}

/** Declares the models used by hand-written responses so their schemas are always in the document. */
export const ERROR_ENVELOPE_MODELS: Type<unknown>[] = [ErrorEnvelopeDto, ValidationErrorEnvelopeDto];

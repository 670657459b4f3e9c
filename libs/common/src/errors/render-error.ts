import { HttpException } from '@nestjs/common';
import { ApiException } from './api-exception';
import { isDatabaseConnectionLost } from './connection-lost';
import { errorEnvelope, ErrorEnvelope } from './error-envelope';

export interface RenderedError {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
  /** True when the cause is ours, not the client's: log it with its stack. */
  unexpected: boolean;
}

const GENERIC_MESSAGES: Record<number, string> = {
  400: 'Malformed request body.',
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'Not found.',
  405: 'Method not allowed.',
  413: 'Request body too large.',
  429: 'Too Many Attempts.',
};

function clientError(status: number): RenderedError {
  const message = GENERIC_MESSAGES[status] ?? 'The request could not be processed.';
  return { status, body: errorEnvelope(status, message), headers: {}, unexpected: false };
}

/** Fastify raises its own errors (body parsing, limits) with a 4xx `statusCode`. */
function frameworkStatus(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

export const UNIQUE_VIOLATION_MESSAGE = 'The resource already exists.';

/**
 * A database rejection of client-supplied data (a NUL byte, a value out of range, a constraint raced past
 * the service checks) is the client's error, not a 500. Invariants live in the schema too, so this is
 * what concurrent requests that slip past a check get.
 */
function databaseClientError(error: unknown): RenderedError | undefined {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  if (typeof code !== 'string') return undefined;
  if (code === '23505') return { status: 409, body: errorEnvelope(409, UNIQUE_VIOLATION_MESSAGE), headers: {}, unexpected: false };
  if (code.startsWith('22') || code === '23514' || code === '23503') {
    return { status: 422, body: errorEnvelope(422, 'The given data was invalid.'), headers: {}, unexpected: false };
  }
  return undefined;
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

const UNSUPPORTED_MEDIA_TYPE =
  'Malformed request body: unsupported Content-Type. Send application/json or application/x-www-form-urlencoded.';

/** Maps any thrown value to the documented error envelope; never leaks internals. */
export function renderError(error: unknown): RenderedError {
  if (isDatabaseConnectionLost(error)) {
    return {
      status: 503,
      body: errorEnvelope(503, 'The service is temporarily unavailable. Please retry shortly.'),
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      // Logged, but without the stack of a bug: the database went away, the code did nothing wrong.
      unexpected: false,
    };
  }

  if (error instanceof ApiException) {
    return {
      status: error.status,
      body: errorEnvelope(error.status, error.message, error.errors),
      headers: error.headers ?? {},
      unexpected: error.status >= 500,
    };
  }
  const fromDatabase = databaseClientError(error);
  if (fromDatabase) return fromDatabase;
  const status = frameworkStatus(error);
  // A body the server cannot parse is a 400 (conventions.md), whatever its media type.
  if (status === 415) return { status: 400, body: errorEnvelope(400, UNSUPPORTED_MEDIA_TYPE), headers: {}, unexpected: false };
  if (status !== undefined && status < 500) return clientError(status);
  return { status: 500, body: errorEnvelope(500, 'An error occurred'), headers: {}, unexpected: true };
}

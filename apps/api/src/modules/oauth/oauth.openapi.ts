import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiExtraModels, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import type { HeaderObject, HeadersObject } from '@nestjs/swagger';
import { headerRef } from '@app/common';
import { OAuthErrorDto, TokenResponseDto } from './oauth.dto';
import { OAuthErrorCode, oauthErrorParams } from './oauth.exception';

// OpenAPI declarations of the token and revocation endpoints. They answer RFC 6749 bodies, never the envelope:
// failures outside the handlers (an unparsable or oversized body, a database outage) are rendered in the same
// shape by the exception filter.

const header = (required: boolean, description: string, example: string): HeaderObject => ({
  required,
  description,
  schema: { type: 'string', example },
});

/** Set by the per-IP limit, the first thing both endpoints do. */
const RATE_LIMIT: HeadersObject = {
  'X-RateLimit-Limit': headerRef('X-RateLimit-Limit'),
  'X-RateLimit-Remaining': headerRef('X-RateLimit-Remaining'),
};

const noStore = (required: boolean): HeadersObject => ({
  'Cache-Control': header(required, 'Token responses and OAuth errors are never cached.', 'no-store'),
  Pragma: header(required, 'HTTP/1.0 companion of Cache-Control.', 'no-cache'),
});

type OAuthErrorExample = { error: string; error_description: string };

const oauthErrorBody = (example: OAuthErrorExample) => ({ ...example, message: example.error_description });

/** The example of an error the handler answers from the catalogue, in the words it uses. */
function catalogued(code: OAuthErrorCode): OAuthErrorExample {
  const { error, description } = oauthErrorParams(code);
  return { error, error_description: description };
}

function oauthError(status: number, description: string, example: OAuthErrorExample, headers: HeadersObject = {}): MethodDecorator {
  return ApiResponse({
    status,
    description,
    headers: { ...RATE_LIMIT, ...noStore(true), ...headers },
    content: { 'application/json': { schema: { $ref: getSchemaPath(OAuthErrorDto) }, example: oauthErrorBody(example) } },
  });
}

/** What the exception filter answers on these endpoints before or outside the handler. */
const outsideTheHandler = (): MethodDecorator[] => [
  oauthError(413, 'invalid_request: the body is larger than BODY_LIMIT_BYTES.', {
    error: 'invalid_request',
    error_description: 'Request body too large.',
  }),
  oauthError(
    503,
    'temporarily_unavailable: the database is unreachable; retry after Retry-After seconds.',
    { error: 'temporarily_unavailable', error_description: 'The service is temporarily unavailable. Please retry shortly.' },
    { 'Retry-After': headerRef('Retry-After') },
  ),
  oauthError(500, 'server_error: an unexpected failure (details only in the server log).', {
    error: 'server_error',
    error_description: 'An error occurred',
  }),
];

const tooMany = (): MethodDecorator =>
  oauthError(429, 'More than the per-IP limit of requests in the window.', catalogued('TooManyAttempts'), {
    'Retry-After': headerRef('Retry-After'),
  });

/**
 * Client authentication: HTTP Basic, or client_id (and client_secret) in the body, which needs no scheme.
 * (A function: the security decorators accumulate state, so an instance must not be shared between routes.)
 */
const clientAuthentication = (): MethodDecorator => applyDecorators(ApiBasicAuth('clientBasic'), ApiSecurity({}));

export function ApiTokenResponses(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(OAuthErrorDto),
    clientAuthentication(),
    ApiResponse({
      status: 200,
      type: TokenResponseDto,
      description: 'The token pair (no refresh_token for client_credentials).',
      headers: { ...RATE_LIMIT, ...noStore(true) },
    }),
    oauthError(
      400,
      'invalid_request (also for a body that does not parse), invalid_grant, unsupported_grant_type, invalid_scope or ' +
        'unauthorized_client.',
      { error: 'invalid_grant', error_description: 'The refresh token is invalid.' },
    ),
    oauthError(
      401,
      'invalid_client: unknown client, wrong secret, or a public client that sent one.',
      { error: 'invalid_client', error_description: 'Invalid client: client is invalid' },
      { 'WWW-Authenticate': header(false, 'When the client used HTTP Basic.', 'Basic realm="Service"') },
    ),
    tooMany(),
    ...outsideTheHandler(),
  );
}

export function ApiRevokeResponses(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(OAuthErrorDto),
    clientAuthentication(),
    ApiResponse({
      status: 200,
      description: 'Revoked, or the token was unknown or already revoked (RFC 7009 §2.2). Empty body.',
      headers: { ...RATE_LIMIT, 'Cache-Control': header(true, 'Never cached.', 'no-store') },
    }),
    oauthError(400, 'invalid_request: `token` is missing, or the body does not parse.', catalogued('TokenMissing')),
    oauthError(401, 'invalid_client: client authentication failed.', catalogued('InvalidClient')),
    tooMany(),
    ...outsideTheHandler(),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiExtraModels, ApiResponse, ApiSecurity, getSchemaPath } from '@nestjs/swagger';
import type { HeaderObject, HeadersObject } from '@nestjs/swagger';
import { ErrorEnvelopeDto, errorExample, headerRef } from '@app/common';
import { OAuthErrorDto, TokenResponseDto } from './oauth.dto';

// OpenAPI declarations of the token and revocation endpoints. They answer RFC 6749 bodies, not the envelope,
// except for what the framework rejects before the handler runs (an unparsable body: the error envelope).

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

function oauthError(status: number, description: string, example: OAuthErrorExample, headers: HeadersObject = {}): MethodDecorator {
  return ApiResponse({
    status,
    description,
    headers: { ...RATE_LIMIT, ...noStore(true), ...headers },
    content: { 'application/json': { schema: { $ref: getSchemaPath(OAuthErrorDto) }, example: oauthErrorBody(example) } },
  });
}

/** An RFC 6749 error from the handler, or the error envelope for a failure outside it: either may come back. */
function oauthErrorOrEnvelope(status: number, description: string, example: OAuthErrorExample): MethodDecorator {
  return ApiResponse({
    status,
    description,
    headers: { ...RATE_LIMIT, ...noStore(false) },
    content: {
      'application/json': {
        schema: { oneOf: [{ $ref: getSchemaPath(OAuthErrorDto) }, { $ref: getSchemaPath(ErrorEnvelopeDto) }] },
        examples: {
          oauth: { summary: 'RFC 6749 error', value: oauthErrorBody(example) },
          envelope: {
            summary: 'Error envelope',
            value: errorExample(status, status === 400 ? 'Malformed request body.' : 'An error occurred'),
          },
        },
      },
    },
  });
}

const tooMany = (): MethodDecorator =>
  oauthError(
    429,
    'More than the per-IP limit of requests in the window.',
    { error: 'slow_down', error_description: 'Too Many Attempts.' },
    { 'Retry-After': headerRef('Retry-After') },
  );

/**
 * Client authentication: HTTP Basic, or client_id (and client_secret) in the body, which needs no scheme.
 * (A function: the security decorators accumulate state, so an instance must not be shared between routes.)
 */
const clientAuthentication = (): MethodDecorator => applyDecorators(ApiBasicAuth('clientBasic'), ApiSecurity({}));

export function ApiTokenResponses(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(OAuthErrorDto, ErrorEnvelopeDto),
    clientAuthentication(),
    ApiResponse({
      status: 200,
      type: TokenResponseDto,
      description: 'The token pair (no refresh_token for client_credentials).',
      headers: { ...RATE_LIMIT, ...noStore(true) },
    }),
    oauthErrorOrEnvelope(
      400,
      'invalid_request, invalid_grant, unsupported_grant_type, invalid_scope or unauthorized_client; the error envelope ' +
        'when the body does not parse.',
      { error: 'invalid_grant', error_description: 'The refresh token is invalid.' },
    ),
    oauthError(
      401,
      'invalid_client: unknown client, wrong secret, or a public client that sent one.',
      { error: 'invalid_client', error_description: 'Invalid client: client is invalid' },
      { 'WWW-Authenticate': header(false, 'When the client used HTTP Basic.', 'Basic realm="Service"') },
    ),
    tooMany(),
    oauthErrorOrEnvelope(500, 'server_error from the authorization server, or the error envelope for an unexpected failure.', {
      error: 'server_error',
      error_description: 'Server error',
    }),
  );
}

export function ApiRevokeResponses(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(OAuthErrorDto, ErrorEnvelopeDto),
    clientAuthentication(),
    ApiResponse({
      status: 200,
      description: 'Revoked, or the token was unknown or already revoked (RFC 7009 §2.2). Empty body.',
      headers: { ...RATE_LIMIT, 'Cache-Control': header(true, 'Never cached.', 'no-store') },
    }),
    oauthErrorOrEnvelope(400, 'invalid_request: `token` is missing; the error envelope when the body does not parse.', {
      error: 'invalid_request',
      error_description: 'Missing parameter: token.',
    }),
    oauthError(401, 'invalid_client: client authentication failed.', {
      error: 'invalid_client',
      error_description: 'Client authentication failed.',
    }),
    tooMany(),
  );
}

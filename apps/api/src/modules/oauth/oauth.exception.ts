import OAuth2Server from '@node-oauth/oauth2-server';
import type { FastifyReply } from 'fastify';

// The OAuth endpoints answer RFC 6749 errors, a shape of their own (auth.md), never the API envelope. These are
// their catalogues: each code says what `error` and `error_description` a client gets (and, on /oauth/token and
// /oauth/revoke, with which status), so the controller never spells them out.

/** RFC 6749 §4.1.2.1 and §5.2 error names (plus RFC 8628's `slow_down`, which this server uses for rate limits). */
export type OAuthErrorName =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'slow_down';

/** Errors of /oauth/token and /oauth/revoke (RFC 6749 §5.2, RFC 7009 §2.2.1). */
const TOKEN_ENDPOINT_ERRORS = {
  TooManyAttempts: [429, 'slow_down', 'Too Many Attempts.'],
  InvalidClient: [401, 'invalid_client', 'Client authentication failed.'],
  UnsupportedGrantType: [400, 'unsupported_grant_type', 'Unsupported grant type: `grant_type` is invalid'],
  TokenMissing: [400, 'invalid_request', 'Missing parameter: token.'],
  TokenTypeHintUnknown: [400, 'invalid_request', 'token_type_hint must be access_token or refresh_token.'],
} as const satisfies Record<string, readonly [status: number, error: OAuthErrorName, description: string]>;

export type OAuthErrorCode = keyof typeof TOKEN_ENDPOINT_ERRORS;

/** Errors of the authorization endpoint, sent back to the client's redirect URI (RFC 6749 §4.1.2.1). */
const AUTHORIZE_ERRORS = {
  AccessDenied: ['access_denied', 'The user denied access.'],
  UnsupportedResponseType: ['unsupported_response_type', 'response_type must be "code".'],
  UnauthorizedClient: ['unauthorized_client', 'This application may not use the authorization code grant.'],
  InvalidScope: ['invalid_scope', 'Scopes are read, write and admin.'],
  ChallengeMethodUnsupported: ['invalid_request', 'code_challenge_method must be S256.'],
  ChallengeMalformed: ['invalid_request', 'code_challenge must be 43-128 base64url characters.'],
  PkceRequired: ['invalid_request', 'Public clients must use PKCE (code_challenge with S256).'],
} as const satisfies Record<string, readonly [error: OAuthErrorName, description: string]>;

export type AuthorizeErrorCode = keyof typeof AUTHORIZE_ERRORS;

export interface OAuthErrorParams {
  error: string;
  description: string;
}

/** The `error` and `error_description` of a catalogued error, e.g. for an OpenAPI example. */
export function oauthErrorParams(code: OAuthErrorCode): OAuthErrorParams {
  const [, error, description] = TOKEN_ENDPOINT_ERRORS[code];
  return { error, description };
}

export function authorizeErrorParams(code: AuthorizeErrorCode): OAuthErrorParams {
  const [error, description] = AUTHORIZE_ERRORS[code];
  return { error, description };
}

const BASIC_CHALLENGE = { 'www-authenticate': 'Basic realm="Service"' };

/** RFC 6749 §5.2 body (plus `message`, as auth.md specifies), never cached. */
function writeOAuthError(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string>,
): FastifyReply {
  return reply
    .status(status)
    .headers({ 'cache-control': 'no-store', pragma: 'no-cache', ...headers })
    .send({ error, error_description: description, message: description });
}

/**
 * Answers a catalogued error. `invalid_client` carries a Basic challenge when the client tried HTTP Basic
 * (RFC 6749 §5.2).
 */
export function sendOAuthError(reply: FastifyReply, code: OAuthErrorCode, { viaBasic = false } = {}): FastifyReply {
  const [status, error, description] = TOKEN_ENDPOINT_ERRORS[code];
  return writeOAuthError(reply, status, error, description, code === 'InvalidClient' && viaBasic ? BASIC_CHALLENGE : {});
}

export function isOAuthError(error: unknown): error is OAuth2Server.OAuthError {
  return error instanceof OAuth2Server.OAuthError;
}

/** The library words some errors for developers; clients get auth.md's wording where it has one. */
function describe(error: OAuth2Server.OAuthError): string {
  if (error.name === 'invalid_grant' && /refresh token/i.test(error.message)) return 'The refresh token is invalid.';
  return error.message;
}

/** Answers an error the OAuth library raised while issuing tokens: its own name, our wording where we have one. */
export function sendLibraryOAuthError(reply: FastifyReply, error: OAuth2Server.OAuthError, { viaBasic = false } = {}): FastifyReply {
  if (error.name === 'invalid_client') return writeOAuthError(reply, 401, error.name, describe(error), viaBasic ? BASIC_CHALLENGE : {});
  return writeOAuthError(reply, error.code >= 500 ? 500 : 400, error.name, describe(error), {});
}

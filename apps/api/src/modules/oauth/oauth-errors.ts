import OAuth2Server from '@node-oauth/oauth2-server';
import type { FastifyReply } from 'fastify';

/** RFC 6749 §5.2 body (plus `message`, as auth.md specifies), never the API envelope. */
export function sendOAuthError(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .status(status)
    .headers({ 'cache-control': 'no-store', pragma: 'no-cache', ...headers })
    .send({ error, error_description: description, message: description });
}

/** RFC 6749 §5.2: 401 invalid_client, with a Basic challenge when the client tried HTTP Basic. */
export function sendInvalidClient(reply: FastifyReply, viaBasic: boolean, description = 'Client authentication failed.'): FastifyReply {
  return sendOAuthError(reply, 401, 'invalid_client', description, viaBasic ? { 'www-authenticate': 'Basic realm="Service"' } : {});
}

export function isOAuthError(error: unknown): error is OAuth2Server.OAuthError {
  return error instanceof OAuth2Server.OAuthError;
}

/** The library words some errors for developers; clients get auth.md's wording where it has one. */
export function describe(error: OAuth2Server.OAuthError): string {
  if (error.name === 'invalid_grant' && /refresh token/i.test(error.message)) return 'The refresh token is invalid.';
  return error.message;
}

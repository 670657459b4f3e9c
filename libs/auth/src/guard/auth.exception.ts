import { ApiException } from '@app/common';

// The guard's error catalogue (401, 429, 403): functions rather than an errorCatalog table, because they carry
// challenge headers, the required scope and Retry-After.

export function unauthenticated(tokenPresented: boolean): ApiException {
  const challenge = tokenPresented ? 'Bearer error="invalid_token"' : 'Bearer';
  return new ApiException(401, 'Unauthenticated.', undefined, { 'WWW-Authenticate': challenge });
}

export function insufficientScope(scope: string): ApiException {
  return new ApiException(403, `Invalid scope(s) provided. This action requires the "${scope}" scope.`, undefined, {
    'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
  });
}

export const notAMember = (): ApiException => new ApiException(403, 'You are not a member of this workspace.');
export const roleNotAllowed = (): ApiException => new ApiException(403, 'This action is unauthorized.');

/** Retry-After is already on the reply: RateLimitService writes it with the other rate-limit headers. */
export const tooManyAttempts = (): ApiException => new ApiException(429, 'Too Many Attempts.');

/** A route's documented answer to a request naming no workspace (`@Authenticated({ missingWorkspaceId })`). */
export const workspaceIdMissing = ({ status, message }: { status: number; message: string }): ApiException =>
  new ApiException(status, message);

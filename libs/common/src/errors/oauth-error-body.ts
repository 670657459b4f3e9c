import type { RenderedError } from './render-error';

/** The endpoints that answer RFC 6749 §5.2 error bodies instead of the envelope (auth.md), whoever fails. */
export const OAUTH_ERROR_PATHS = new Set(['/oauth/token', '/oauth/revoke']);

const OAUTH_CODES: Record<number, string> = { 429: 'slow_down', 500: 'server_error', 503: 'temporarily_unavailable' };

/**
 * The RFC 6749 form of an error rendered outside the OAuth handlers (an unparsable or oversized body, a
 * database outage): a client library parses `error` on these endpoints and never expects the envelope.
 * Input errors keep their 4xx family as 400 `invalid_request`, except 413, which keeps its status.
 */
export function asOAuthError(rendered: RenderedError): { status: number; body: Record<string, string>; headers: Record<string, string> } {
  const status = rendered.status === 422 ? 400 : rendered.status;
  const error = OAUTH_CODES[status] ?? 'invalid_request';
  const description = rendered.body.message;
  return {
    status,
    body: { error, error_description: description, message: description },
    headers: { ...rendered.headers, 'cache-control': 'no-store', pragma: 'no-cache' },
  };
}

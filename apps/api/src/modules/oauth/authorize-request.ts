import { OAuthClient, Scope } from '@app/auth';
import { AuthorizeErrorCode, authorizeErrorParams } from './oauth.exception';

/** The query of GET /oauth/authorize (echoed as hidden fields into the consent form). */
export interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

export const AUTHORIZE_PARAM_NAMES: (keyof AuthorizeParams)[] = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

export type AuthorizeCheck =
  /** client or redirect URI unusable: show an error page, never redirect (RFC 6749 §4.1.2.1). */
  | { kind: 'page'; message: string }
  /** anything else: send the error back to the client's redirect URI. */
  | { kind: 'redirect'; error: string; description: string; redirectUri: string; state?: string }
  | { kind: 'ok'; client: OAuthClient; redirectUri: string; scopes: string[] };

const PKCE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
const SCOPES = Object.values(Scope) as string[];

export function pickAuthorizeParams(source: Record<string, unknown>): AuthorizeParams {
  const params: AuthorizeParams = {};
  for (const name of AUTHORIZE_PARAM_NAMES) {
    const value = source[name];
    if (typeof value === 'string' && value !== '') params[name] = value;
  }
  return params;
}

/** Validates an authorization request in RFC 6749 order; `client` is the live app for `client_id`, if any. */
export function checkAuthorizeRequest(params: AuthorizeParams, client: OAuthClient | null): AuthorizeCheck {
  if (!client) return { kind: 'page', message: 'Unknown client_id.' };
  if (!params.redirect_uri || !client.redirectUris.includes(params.redirect_uri)) {
    return { kind: 'page', message: 'The redirect_uri does not match any URI registered for this application.' };
  }
  const redirect = (code: AuthorizeErrorCode): AuthorizeCheck => ({
    kind: 'redirect',
    ...authorizeErrorParams(code),
    redirectUri: params.redirect_uri!,
    state: params.state,
  });
  if (params.response_type !== 'code') return redirect('UnsupportedResponseType');
  if (!client.grants.includes('authorization_code')) return redirect('UnauthorizedClient');
  const scopes = params.scope ? params.scope.split(' ').filter(Boolean) : [Scope.Read];
  if (scopes.length === 0 || !scopes.every((scope) => SCOPES.includes(scope))) return redirect('InvalidScope');
  if (params.code_challenge !== undefined) {
    if (params.code_challenge_method !== 'S256') return redirect('ChallengeMethodUnsupported');
    if (!PKCE_CHALLENGE.test(params.code_challenge)) return redirect('ChallengeMalformed');
  } else if (client.secretHash === null) {
    return redirect('PkceRequired');
  }
  return { kind: 'ok', client, redirectUri: params.redirect_uri, scopes: [...new Set(scopes)] };
}

export function redirectWithError(check: Extract<AuthorizeCheck, { kind: 'redirect' }>): string {
  const url = new URL(check.redirectUri);
  url.searchParams.set('error', check.error);
  url.searchParams.set('error_description', check.description);
  if (check.state !== undefined) url.searchParams.set('state', check.state);
  return url.toString();
}

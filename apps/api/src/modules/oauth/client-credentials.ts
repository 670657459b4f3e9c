/** Our client ids are 32 hex characters and the column holds 64; secrets are 48 characters. */
export const MAX_CLIENT_ID_LENGTH = 64;
export const MAX_CLIENT_SECRET_LENGTH = 256;
/** Base64 of the longest acceptable `id:secret`, each side fully percent-encoded, with room to spare. */
const MAX_BASIC_TOKEN_LENGTH = 2048;

export type ClientAuthMethod = 'basic' | 'body';

/**
 * What a request presents as client authentication (RFC 6749 §2.3.1) on /oauth/token and /oauth/revoke:
 * nothing, a usable client_id (with a secret for confidential clients), or something malformed, which both
 * endpoints answer with 401 invalid_client (plus `WWW-Authenticate: Basic` when Basic was used).
 */
export type ClientCredentials =
  | { kind: 'none' }
  | { kind: 'presented'; method: ClientAuthMethod; clientId: string; clientSecret?: string }
  | { kind: 'malformed'; method: ClientAuthMethod };

const BASIC_SCHEME = /^basic(?:\s|$)/i;
const BASIC_HEADER = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;
const BASE64_PADDING = /=+$/;
// RFC 6749 Appendix A.1/A.2: client_id and client_secret are VSCHAR (printable ASCII).
const VSCHAR = /^[\x20-\x7e]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function validId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_CLIENT_ID_LENGTH && VSCHAR.test(id);
}

function validSecret(secret: string): boolean {
  return secret.length <= MAX_CLIENT_SECRET_LENGTH && VSCHAR.test(secret);
}

/** application/x-www-form-urlencoded decoding, as RFC 6749 §2.3.1 requires for Basic credentials; null if malformed. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Parses an `Authorization: Basic …` header value into a client id and secret, or null when it is malformed:
 * not canonical base64, not UTF-8, no colon, bad percent-encoding, an empty id, over-long or non-printable values.
 */
export function parseBasicCredentials(header: string): { clientId: string; clientSecret: string } | null {
  const token = BASIC_HEADER.exec(header)?.[1];
  if (!token || token.length > MAX_BASIC_TOKEN_LENGTH) return null;
  const bytes = Buffer.from(token, 'base64');
  // Buffer decoding is lenient; only accept input that round-trips, so junk never reaches the lookup.
  if (bytes.toString('base64').replace(BASE64_PADDING, '') !== token.replace(BASE64_PADDING, '')) return null;
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  if (clientId === null || clientSecret === null || !validId(clientId) || !validSecret(clientSecret)) return null;
  return { clientId, clientSecret };
}

/**
 * Client authentication from HTTP Basic or the body. A request may use one method only (RFC 6749 §2.3):
 * with Basic, the body may repeat the same client_id but carry no client_secret.
 */
export function readClientCredentials(authorization: string | undefined, body: Record<string, unknown> | undefined): ClientCredentials {
  const bodyId = body?.client_id;
  const bodySecret = body?.client_secret;
  if (authorization !== undefined && BASIC_SCHEME.test(authorization)) {
    const basic = parseBasicCredentials(authorization);
    if (!basic || bodySecret !== undefined || (bodyId !== undefined && bodyId !== basic.clientId)) {
      return { kind: 'malformed', method: 'basic' };
    }
    return { kind: 'presented', method: 'basic', clientId: basic.clientId, clientSecret: basic.clientSecret || undefined };
  }
  if (bodyId === undefined || bodyId === '') {
    return bodySecret === undefined || bodySecret === '' ? { kind: 'none' } : { kind: 'malformed', method: 'body' };
  }
  if (typeof bodyId !== 'string' || !validId(bodyId)) return { kind: 'malformed', method: 'body' };
  if (bodySecret === undefined || bodySecret === '') return { kind: 'presented', method: 'body', clientId: bodyId };
  if (typeof bodySecret !== 'string' || !validSecret(bodySecret)) return { kind: 'malformed', method: 'body' };
  return { kind: 'presented', method: 'body', clientId: bodyId, clientSecret: bodySecret };
}

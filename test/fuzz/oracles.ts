import { declaredMediaType, isJsonMediaType, mediaType, Operation } from '../support/openapi-document';
import type { FuzzRequest } from './requests';

/**
 * What must hold for every response, whatever was sent. Each check is independent of the document's current
 * error declarations (those are the response validator's job), so a wrong document cannot hide a server bug.
 */

export interface Finding {
  oracle: string;
  detail: string;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

const ENVELOPE_KEYS = new Set(['success', 'message', 'error', 'errors', 'meta']);
/** RFC 6749 §5.2: error codes are printable ASCII without `"` and `\`. */
const OAUTH_ERROR_CODE = /^[\x20\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Where the error body is ours: the API and /health use the envelope, the OAuth endpoints RFC 6749, and the
 * accept-invitation page its declared HTML pages (the envelope for anything else, e.g. the router's 404).
 */
export function errorFamily(operation: Operation): 'envelope' | 'oauth' | 'page' {
  const path = operation.path;
  if (path.startsWith('/api/') || path === '/health') return 'envelope';
  return path.startsWith('/dashboard/') ? 'page' : 'oauth';
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function envelopeProblems(status: number, body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return ['not a JSON object'];
  const envelope = body as Record<string, unknown>;
  const problems: string[] = [];
  const extra = Object.keys(envelope).filter((key) => !ENVELOPE_KEYS.has(key));
  if (extra.length) problems.push(`unexpected keys ${extra.join(', ')} (a framework default body?)`);
  if (envelope.success !== false) problems.push('success is not false');
  if (typeof envelope.message !== 'string' || envelope.message === '') problems.push('message is not a non-empty string');
  if (typeof envelope.error !== 'string') problems.push('error is not a string');
  const meta = envelope.meta as Record<string, unknown> | undefined;
  if (meta?.api_version !== '2.0.0' || typeof meta.timestamp !== 'string') problems.push('meta is not {api_version, timestamp}');
  if (status === 422) {
    const errors = envelope.errors as Record<string, unknown> | undefined;
    const valid =
      errors !== null &&
      typeof errors === 'object' &&
      Object.keys(errors).length > 0 &&
      Object.values(errors).every(
        (messages) => Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === 'string'),
      );
    if (!valid) problems.push('a 422 without errors: {field: [messages]}');
  } else if ('errors' in envelope) problems.push(`errors on a ${status}`);
  return problems;
}

export function checkResponse(operation: Operation, request: FuzzRequest, response: FuzzResponse, invalidBecause: string[]): Finding[] {
  const findings: Finding[] = [];
  const { status } = response;
  const contentType = mediaType(String(response.headers['content-type'] ?? ''));

  if (status >= 500) findings.push({ oracle: '5xx', detail: `${status}` });

  if (status >= 400) {
    const declared = (operation.operation.responses ?? {})[String(status)];
    const htmlByDesign = contentType === 'text/html' && declared !== undefined && (!declared.content || 'text/html' in declared.content);
    const family = errorFamily(operation);
    if (family === 'envelope' || (family === 'page' && !htmlByDesign)) {
      const problems = isJsonMediaType(contentType)
        ? envelopeProblems(status, parse(response.body))
        : [`content-type ${contentType ?? '(none)'}`];
      if (problems.length) findings.push({ oracle: 'not-the-error-envelope', detail: problems.join('; ') });
    } else if (family === 'oauth' && !htmlByDesign) {
      const body = isJsonMediaType(contentType) ? (parse(response.body) as Record<string, unknown> | undefined) : undefined;
      const ok = body && typeof body.error === 'string' && OAUTH_ERROR_CODE.test(body.error) && typeof body.error_description === 'string';
      if (!ok) findings.push({ oracle: 'not-an-rfc6749-error', detail: `${contentType ?? '(none)'} ${response.body.slice(0, 80)}` });
    }
  }

  const success = status >= 200 && status < 300;
  if (request.credential === 'invalid' && success) findings.push({ oracle: 'accepted-invalid-credential', detail: `${status}` });
  if (success && request.credential !== undefined && invalidBecause.length) {
    findings.push({ oracle: 'accepted-invalid-input', detail: invalidBecause.slice(0, 3).join('; ') });
  }

  // A body in a media type the operation does not declare must be refused (415), not parsed as something else.
  const content = operation.operation.requestBody?.content;
  if (content && request.body !== undefined && request.body.length > 0) {
    const sent = mediaType(request.headers['content-type']);
    if (!sent || !declaredMediaType(content, sent)) {
      // conventions.md: every write route also parses form bodies; the document should then say so.
      const oracle =
        sent === 'application/x-www-form-urlencoded' ? 'document:form-body-parsed-but-not-declared' : 'undeclared-media-type-not-refused';
      if (success || status === 422) findings.push({ oracle, detail: `${sent ?? '(no content-type)'} → ${status}` });
    }
  }
  return findings;
}

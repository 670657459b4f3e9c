import {
  declaredMediaType,
  isJsonMediaType,
  mediaType,
  OpenApiDocumentIndex,
  ResponseObject,
  HeaderObject,
  SchemaObject,
} from './openapi-document';

/**
 * Checks one response against the committed document. Pure: it gets what the Fastify hook saw and returns
 * violations, so the e2e hook and the fuzzer share it.
 */

export type ViolationKind =
  | 'undeclared-status'
  | 'undeclared-content-type'
  | 'missing-body'
  | 'unparsable-json'
  | 'body-schema'
  | 'missing-header'
  | 'header-schema'
  | 'undocumented-route'
  | 'unmatched-route-body'
  | 'validator-error';

export interface Violation {
  kind: ViolationKind;
  /** `METHOD /path/template` of the operation (or of the Fastify route when none matched). */
  operation: string;
  status: number;
  detail: string[];
}

export interface ObservedResponse {
  method: string;
  /** `request.routeOptions.url`: the Fastify route template, undefined when no route matched (404/405). */
  route: string | undefined;
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The serialized payload as sent, or undefined for streams (static files). */
  body: string | Buffer | undefined;
}

/**
 * Routes that exist on purpose outside the document: Swagger UI and the document itself, the HTML form posts
 * of the OAuth and accept-invitation pages (excluded with @ApiExcludeEndpoint) and CORS preflights. Every other route under
 * /api/v2 must be in the document.
 */
const UNDOCUMENTED_BY_DESIGN: RegExp[] = [
  /^OPTIONS /,
  /^GET \/docs(\/|$)/,
  /^HEAD \/docs(\/|$)/,
  /^GET \/api\/v2\/openapi\.json$/,
  /^POST \/oauth\//,
  /^POST \/dashboard\/accept-invitation\//,
];

const headerValue = (headers: ObservedResponse['headers'], name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
};

/** Header values are text; the schema's scalar type says how to read them (OpenAPI `simple` style). */
function parseHeader(schema: SchemaObject | undefined, value: string): unknown {
  const type = schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim())) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'array') return value.split(',').map((item) => item.trim());
  return value;
}

export function validateResponse(doc: OpenApiDocumentIndex, observed: ObservedResponse): Violation[] {
  const { method, route, status } = observed;
  const operation = route === undefined ? undefined : doc.findByRoute(method, route);
  const bodyText = observed.body === undefined ? undefined : observed.body.toString();
  const contentType = mediaType(headerValue(observed.headers, 'content-type'));
  const hasBody = bodyText !== undefined && bodyText.length > 0;
  const violations: Violation[] = [];

  if (!operation) {
    const label = `${method} ${route ?? '(no route)'}`;
    const byDesign = UNDOCUMENTED_BY_DESIGN.some((pattern) => pattern.test(label));
    if (route !== undefined && !byDesign) {
      violations.push({
        kind: 'undocumented-route',
        operation: label,
        status,
        detail: ['the route is served but not in openapi/openapi.json'],
      });
    }
    // Unknown routes (404), wrong methods (405) and any JSON error of an undocumented route must be the
    // generic error envelope (OAuth form posts answer HTML pages by design and are not JSON).
    if (status >= 400 && (route === undefined || isJsonMediaType(contentType))) {
      const envelope = doc.componentSchema('ErrorEnvelopeDto');
      if (!isJsonMediaType(contentType)) {
        violations.push({
          kind: 'unmatched-route-body',
          operation: label,
          status,
          detail: [`content-type ${contentType ?? '(none)'}, expected application/json`],
        });
      } else if (envelope) {
        const errors = checkJson(doc, envelope, bodyText);
        if (errors.length) violations.push({ kind: 'unmatched-route-body', operation: label, status, detail: errors });
      }
    }
    return violations;
  }

  const label = `${operation.method} ${operation.path}`;
  const responses = operation.operation.responses ?? {};
  const declared: ResponseObject | undefined = doc.resolve(
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default,
  );
  if (!declared) {
    return [{ kind: 'undeclared-status', operation: label, status, detail: [`declared: ${Object.keys(responses).join(', ')}`] }];
  }

  for (const [name, raw] of Object.entries(declared.headers ?? {})) {
    if (name.toLowerCase() === 'content-type') continue; // OpenAPI: ignored when declared as a header
    const header = doc.resolve<HeaderObject>(raw);
    const value = headerValue(observed.headers, name);
    if (value === undefined) {
      if (header.required) violations.push({ kind: 'missing-header', operation: label, status, detail: [`${name} is required`] });
      continue;
    }
    if (header.schema) {
      const errors = doc.check(header.schema, parseHeader(header.schema, value));
      if (errors.length)
        violations.push({
          kind: 'header-schema',
          operation: label,
          status,
          detail: errors.map((e) => `${name}: ${JSON.stringify(value)} ${e}`),
        });
    }
  }

  if (method.toUpperCase() === 'HEAD') return violations;
  const content = declared.content;
  if (!content || Object.keys(content).length === 0) {
    if (hasBody) {
      violations.push({
        kind: 'undeclared-content-type',
        operation: label,
        status,
        detail: [`a ${contentType ?? 'untyped'} body, but the response declares no content`],
      });
    }
    return violations;
  }
  if (!hasBody) {
    violations.push({
      kind: 'missing-body',
      operation: label,
      status,
      detail: [`declared ${Object.keys(content).join(', ')}, got an empty body`],
    });
    return violations;
  }
  if (bodyText === undefined) return violations; // a stream: only status and headers are checked
  const declaredType = contentType ? declaredMediaType(content, contentType) : undefined;
  if (!declaredType) {
    violations.push({
      kind: 'undeclared-content-type',
      operation: label,
      status,
      detail: [`${contentType ?? '(none)'} is not one of ${Object.keys(content).join(', ')}`],
    });
    return violations;
  }
  const schema = content[declaredType].schema;
  if (schema && isJsonMediaType(contentType)) {
    const errors = checkJson(doc, schema, bodyText);
    if (errors.length)
      violations.push({
        kind: errors[0].startsWith('not JSON') ? 'unparsable-json' : 'body-schema',
        operation: label,
        status,
        detail: errors,
      });
  }
  return violations;
}

function checkJson(doc: OpenApiDocumentIndex, schema: SchemaObject, text: string | undefined): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return [`not JSON: ${JSON.stringify((text ?? '').slice(0, 120))}`];
  }
  return doc.check(schema, value);
}

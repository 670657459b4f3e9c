import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, OperationObject, ResponseObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION, ERROR_ENVELOPE_MODELS, errorResponseObject, ErrorResponseOptions, headerRef, OPENAPI_HEADERS } from '@app/common';

const SCOPES = {
  read: 'Every GET under /api/v2 except webhooks',
  write: 'read, plus every POST/PUT/DELETE except the admin operations',
  admin: 'write, plus webhooks, member administration and credentials (extensions)',
};

const TAGS: [name: string, description: string][] = [
  ['Auth', 'The OAuth2 authorization server at the site root (RFC 6749, PKCE RFC 7636, revocation RFC 7009, metadata RFC 8414).'],
  ['Workspaces', 'The workspaces the caller is an active member of; their ids are the `workspace_id` of every other operation.'],
  ['Projects', "Projects of a workspace, filtered by the caller's role; rates only for callers who may view them."],
  ['Members', "A workspace's members (the id is the user id): role-filtered lists, invitations by e-mail, roles and archiving."],
  ['Project Viewers', 'External clients with read-only access to the projects assigned to them.'],
  ['Tasks', 'Tasks of a project, with status and priority codes and assignees; only in projects the caller may see.'],
  [
    'Contracts',
    'Project-member assignments with rates, weekly hour limits and screenshot modes; rates only with rate permission on billable projects.',
  ],
  ['Time Tracking', 'Start, stop, and monitor real-time tracking.'],
  ['Time Entries', "List, add, change and delete a member's recorded time for a day (Owners and Executive managers)."],
  ['Time Requests', 'Manual time a member asks for; approving adds it as time entries (overlaps skipped), rejecting needs a comment.'],
  ['Timesheets', 'List timesheets and approve, reject, submit and unsubmit them.'],
  ['Webhooks', 'Register callback URLs to receive real-time event notifications from the platform.'],
  [
    'Expenses',
    'Manage expenses and expense categories: amounts exact to the cent, dates as display strings, project and category by name.',
  ],
  ['Leaves', 'Manage leave requests, balances, and policies (policies and their assignments are managed with the CLI).'],
  [
    'Reports',
    'Generate and retrieve various reports including tracked hours, timeline, activity descriptions, tasks, and activity level reports.',
  ],
  [
    'Extensions',
    'Operations beyond the published WebWork API V2 (personal access tokens, OAuth apps, teams): not portable to other servers.',
  ],
  ['Health', 'Liveness and database check for load balancers and readiness probes, outside /api/v2.'],
];

/** The spec generated from decorators; operationId is the handler's method name. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('WebWork Time Tracker API')
    .setDescription(
      'Self-hosted implementation of the WebWork Time Tracker API V2. Every /api/v2 response uses the envelope ' +
        '`{success, message, data, meta}` (errors: `{success: false, message, error, errors?, meta}`); send ' +
        '`Authorization: Bearer <token>` (personal access token or OAuth2 access token). The OAuth endpoints answer ' +
        'RFC 6749 bodies instead.',
    )
    .setVersion(API_VERSION)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This server (paths carry the /api/v2 prefix; the OAuth endpoints sit at the site root)')
    .addSecurity('oauth2', {
      type: 'oauth2',
      description:
        'OAuth2 access tokens (opaque, `wwat_…`, 15 days). Public clients must use PKCE (S256); refresh tokens rotate on ' +
        'every use. A call needs the scope and the role.',
      flows: {
        authorizationCode: {
          authorizationUrl: '/oauth/authorize',
          tokenUrl: '/oauth/token',
          refreshUrl: '/oauth/token',
          scopes: SCOPES,
        },
        // No refreshUrl: the client-credentials grant issues no refresh token (RFC 6749 §4.4.3).
        clientCredentials: { tokenUrl: '/oauth/token', scopes: SCOPES },
      },
    })
    .addSecurity('apiKey', {
      type: 'http',
      scheme: 'bearer',
      description:
        'A personal access token (`wwpat_…`, 6 months, scopes read write admin; Settings > REST API, or ' +
        '`npm run cli -- token:create`) or an OAuth2 access token (`wwat_…`). Both are opaque strings, not JWTs.',
    })
    .addSecurity('clientBasic', {
      type: 'http',
      scheme: 'basic',
      description: 'OAuth client authentication (client_secret_basic): client_id and client_secret as HTTP Basic credentials.',
    });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const config = builder.build();
  config.components = { ...config.components, headers: OPENAPI_HEADERS };
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
    extraModels: ERROR_ENVELOPE_MODELS,
  });
  return declareProcessWideBehaviour(document);
}

const METHODS = ['get', 'put', 'post', 'delete'] as const;

/**
 * The content-type parser runs on every request with a body on these methods, before any guard or handler
 * (DELETE bodies carry `workspace_id`, conventions.md).
 */
const BODY_METHODS = new Set<string>(['post', 'put', 'delete']);

const BODY_ERRORS: [status: number, ErrorResponseOptions][] = [
  [
    400,
    {
      description:
        'Malformed request body: invalid JSON, JSON nested deeper than 32 levels, or a Content-Type other than ' +
        'application/json and application/x-www-form-urlencoded (the message says which).',
      message: 'Malformed request body.',
    },
  ],
  [413, { description: 'The request body is larger than the server accepts (BODY_LIMIT_BYTES).', message: 'Request body too large.' }],
];

const DATABASE_UNAVAILABLE: ErrorResponseOptions = {
  description:
    'The database is unreachable, restarting or failing over. Reads were already retried once on a fresh connection; ' +
    'retry after Retry-After seconds (a write answered 503 may or may not have committed).',
  message: 'The service is temporarily unavailable. Please retry shortly.',
  headers: { 'Retry-After': headerRef('Retry-After') },
};

const UNEXPECTED_ERROR: ErrorResponseOptions = {
  description: "Unexpected failure. The details are only in the server log, under this response's X-Request-Id.",
  message: 'An error occurred',
};

/**
 * Responses and headers that come from process-wide machinery rather than from any one handler, declared
 * here once so every operation, present and future, carries them:
 * - the body parser: JSON and form-encoded bodies, and 400 and 413 on every method that takes a body;
 * - the exception filter: 503 (database unavailable) and 500 everywhere;
 * - the onSend hook: `X-Request-Id` on every response;
 * - the guard (operations with `x-permission`, i.e. `@Authenticated`): the rate-limit headers on every
 *   response it lets through or answers after authenticating, so on everything but 401;
 * - `@Public()` routes: an explicit `security: []`.
 * A status a handler declares itself (the OAuth endpoints' RFC 6749 400s) is kept as declared.
 */
function declareProcessWideBehaviour(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) declareOn(operation, method);
    }
  }
  return document;
}

function declareOn(operation: OperationObject, method: string): void {
  operation.security ??= [];
  // conventions.md: every write route parses form-encoded bodies too, coerced to the declared types.
  const body = operation.requestBody as { content: Record<string, { schema?: unknown }> } | undefined;
  const json = body?.content['application/json'];
  if (json) body.content['application/x-www-form-urlencoded'] ??= { schema: json.schema };
  const responses = operation.responses as Record<string, ResponseObject>;
  const defaults: [number, ErrorResponseOptions][] = [
    ...(BODY_METHODS.has(method) ? BODY_ERRORS : []),
    [503, DATABASE_UNAVAILABLE],
    [500, UNEXPECTED_ERROR],
  ];
  for (const [status, options] of defaults) responses[status] ??= errorResponseObject(status, options);

  const guarded = 'x-permission' in operation;
  for (const [status, response] of Object.entries(responses)) {
    response.headers = {
      ...response.headers,
      'X-Request-Id': headerRef('X-Request-Id'),
      ...(guarded && status !== '401'
        ? { 'X-RateLimit-Limit': headerRef('X-RateLimit-Limit'), 'X-RateLimit-Remaining': headerRef('X-RateLimit-Remaining') }
        : {}),
    };
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Stable text for the committed `openapi/openapi.json`: sorted keys, two-space indent, final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

export const COMMITTED_OPENAPI_PATH = 'openapi/openapi.json';

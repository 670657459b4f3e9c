import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOAuth2, ApiQuery } from '@nestjs/swagger';
import { ApiErrorResponse, headerRef } from '@app/common';
import type { FastifyRequest } from 'fastify';
import { AuthContext, Principal } from './auth-context';
import { Permission, PERMISSION_RULES } from './permission';

export const PERMISSION_KEY = 'webwork:permission';
export const PUBLIC_KEY = 'webwork:public';
export const MISSING_WORKSPACE_KEY = 'webwork:missing-workspace';

export interface AuthenticatedOptions {
  permission: Permission;
  /**
   * The documented answer when `workspace_id` is absent from both query and body, where a reference fixes one
   * other than the usual 422 (deleteTimeEntry: 400 "workspace_id is required in request body").
   */
  missingWorkspaceId?: { status: number; message: string };
}

const wwwAuthenticate = (required: boolean, description: string) => ({
  'WWW-Authenticate': { required, description, schema: { type: 'string' as const } },
});

/**
 * What the guard can answer on every authenticated route, in its order (conventions.md):
 * 401 → 429 → 403 scope → (422 workspace_id) → 403 membership/role. (The rate-limit headers that the
 * guard puts on every later response are added where the document is built, see openapi.ts.)
 */
const GUARD_RESPONSES = [
  ApiErrorResponse(401, {
    description: 'The token is missing, malformed, unknown, expired or revoked, or its user is disabled.',
    message: 'Unauthenticated.',
    headers: wwwAuthenticate(true, '`Bearer`, with `error="invalid_token"` when a token was presented.'),
  }),
  ApiErrorResponse(403, {
    description: 'The token lacks the scope, the caller is no active member of the workspace, or the role may not do this.',
    message: 'This action is unauthorized.',
    headers: wwwAuthenticate(false, 'On a missing scope only: `Bearer error="insufficient_scope", scope="<needed>"`.'),
  }),
  ApiErrorResponse(429, {
    description: 'Rate limit exceeded for this principal.',
    message: 'Too Many Attempts.',
    headers: { 'Retry-After': headerRef('Retry-After') },
  }),
];

/**
 * Declares who may call a route. Sets the guard metadata and the OpenAPI security, scope,
 * `workspace_id` parameter and the guard's error responses in one place.
 */
export function Authenticated({ permission, missingWorkspaceId }: AuthenticatedOptions): MethodDecorator {
  const rule = PERMISSION_RULES[permission];
  const decorators = [
    SetMetadata(PERMISSION_KEY, permission),
    SetMetadata(MISSING_WORKSPACE_KEY, missingWorkspaceId),
    ApiOAuth2([rule.scope], 'oauth2'),
    ApiBearerAuth('apiKey'),
    ApiExtension('x-permission', permission),
    ...GUARD_RESPONSES,
  ];
  if (!rule.workspaceScoped) {
    decorators.push(ApiErrorResponse(422, { description: 'The given data was invalid.', message: 'The given data was invalid.' }));
  } else {
    decorators.push(
      ApiErrorResponse(422, {
        description:
          'The given data was invalid: `workspace_id` is missing, not an integer or differs between query and body, or another input failed.',
        message: 'The given data was invalid.',
        errors: { workspace_id: ['The workspace id field is required.'] },
      }),
      ...(missingWorkspaceId
        ? [
            ApiErrorResponse(missingWorkspaceId.status, {
              description: 'No `workspace_id` in the body or the query.',
              message: missingWorkspaceId.message,
            }),
          ]
        : []),
      ApiQuery({
        name: 'workspace_id',
        required: true,
        schema: { type: 'integer', minimum: 1, example: 1 },
        description: 'The workspace to act in (query or body).',
      }),
    );
  }
  return applyDecorators(...decorators);
}

/** An explicitly open route (health, docs, OAuth endpoints). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

type AuthedRequest = FastifyRequest & { auth?: AuthContext; principal?: Principal };

/** The caller's AuthContext on workspace operations. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  if (!auth) throw new Error('Auth() used on a route that is not workspace-scoped');
  return auth;
});

/** The authenticated principal on routes without a workspace. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal() used on a public route');
  return principal;
});

export type { AuthedRequest };

import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiOAuth2,
  ApiQuery,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '@app/common';
import type { FastifyRequest } from 'fastify';
import { AuthContext, Principal } from './auth-context';
import { Permission, PERMISSION_RULES } from './permission';

export const PERMISSION_KEY = 'webwork:permission';
export const PUBLIC_KEY = 'webwork:public';

export interface AuthenticatedOptions {
  permission: Permission;
}

/**
 * Declares who may call a route. Sets the guard metadata and the OpenAPI security, scope,
 * `workspace_id` parameter and error responses in one place.
 */
export function Authenticated({ permission }: AuthenticatedOptions): MethodDecorator {
  const rule = PERMISSION_RULES[permission];
  const decorators = [
    SetMetadata(PERMISSION_KEY, permission),
    ApiOAuth2([rule.scope], 'oauth2'),
    ApiBearerAuth('apiKey'),
    ApiExtension('x-permission', permission),
    ApiUnauthorizedResponse({ type: ErrorEnvelopeDto, description: 'Unauthenticated.' }),
    ApiForbiddenResponse({ type: ErrorEnvelopeDto, description: 'Missing scope, membership or role.' }),
    ApiUnprocessableEntityResponse({ type: ErrorEnvelopeDto, description: 'The given data was invalid.' }),
  ];
  if (rule.workspaceScoped) {
    decorators.push(
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

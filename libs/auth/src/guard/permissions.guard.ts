import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { resolveWorkspaceId } from '@app/common';
import type { FastifyReply } from 'fastify';
import { AuthedRequest, AuthenticatedOptions, MISSING_WORKSPACE_KEY, PERMISSION_KEY, PUBLIC_KEY } from '../authenticated.decorator';
import { Principal } from '../auth-context';
import { Permission, PERMISSION_RULES } from '../permission';
import { mayViewRates } from '../rate-visibility';
import { scopesAllow } from '../scope';
import { insufficientScope, notAMember, roleNotAllowed, tooManyAttempts, unauthenticated, workspaceIdMissing } from './auth.exception';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { BearerLookup, BearerRequest } from '../tokens/bearer.strategy';
import { MembershipLookup } from './membership.lookup';

type GuardedRequest = AuthedRequest & BearerRequest & { user?: Principal };

/** workspace_id when it is well-formed; a malformed one is answered 422 later, in its turn. */
function workspaceIdHint(request: GuardedRequest): number | undefined {
  try {
    return resolveWorkspaceId(request.query, request.body);
  } catch {
    return undefined;
  }
}

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Whether neither the query nor the JSON body names a workspace. */
function workspaceIdAbsent(request: GuardedRequest): boolean {
  const body = request.body;
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).workspace_id : undefined;
  return absent((request.query as Record<string, unknown> | undefined)?.workspace_id) && absent(fromBody);
}

type RouteMeta = { isPublic: boolean; permission: Permission | undefined; missingWorkspaceId: AuthenticatedOptions['missingWorkspaceId'] };

/**
 * The one global guard, deny by default. Order (conventions.md): 401 → 429 → 403 scope →
 * 422 workspace_id → 403 membership/role. A route without `@Authenticated` or `@Public` is refused.
 */
@Injectable()
export class PermissionsGuard extends AuthGuard('bearer') {
  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipLookup,
    private readonly rateLimit: RateLimitService,
  ) {
    super();
  }

  // Route metadata never changes after boot: read it once per handler, not on every request.
  private readonly routes = new WeakMap<object, RouteMeta>();

  private routeOf(context: ExecutionContext): RouteMeta {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (!route) {
      const targets = [handler, context.getClass()];
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        permission: this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets),
        missingWorkspaceId: this.reflector.getAllAndOverride<RouteMeta['missingWorkspaceId']>(MISSING_WORKSPACE_KEY, targets),
      };
      this.routes.set(handler, route);
    }
    return route;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, permission, missingWorkspaceId } = this.routeOf(context);
    if (isPublic) return true;
    if (!permission) throw roleNotAllowed();

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    // Only the Authorization header carries tokens: never the query string or body.
    if (!request.headers.authorization) throw unauthenticated(false);
    const rule = PERMISSION_RULES[permission];
    const lookup: BearerLookup = { workspaceId: rule.workspaceScoped ? workspaceIdHint(request) : undefined };
    request.bearerLookup = lookup;
    await super.canActivate(context);
    const principal = request.user as Principal;
    // 60 requests a minute per principal by default; the headers go on every authenticated response.
    if (!(await this.rateLimit.spend(principal.rateLimitKey, context.switchToHttp().getResponse<FastifyReply>()))) {
      throw tooManyAttempts();
    }

    if (!scopesAllow(principal.scopes, rule.scope)) throw insufficientScope(rule.scope);
    request.principal = principal;
    if (!rule.workspaceScoped) return true;

    if (missingWorkspaceId && workspaceIdAbsent(request)) throw workspaceIdMissing(missingWorkspaceId);
    const workspaceId = resolveWorkspaceId(request.query, request.body);
    const membership =
      lookup.workspaceId === workspaceId && lookup.membership !== undefined
        ? lookup.membership
        : await this.memberships.findActive(workspaceId, principal.userId);
    if (!membership) throw notAMember();
    if (!rule.roles.includes(membership.role)) throw roleNotAllowed();
    request.auth = {
      ...principal,
      workspaceId,
      role: membership.role,
      canViewRates: mayViewRates(membership.role, membership.rateStatus),
    };
    return true;
  }

  override handleRequest<TUser = Principal>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw unauthenticated(true);
    return user;
  }
}

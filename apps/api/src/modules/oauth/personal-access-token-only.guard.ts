import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthedRequest } from '@app/auth';
import { credentialsError } from './credentials.exception';

/**
 * Credentials are managed only with a personal access token (or the CLI). An OAuth access token, whatever its
 * scope, could otherwise mint a 6-month PAT or a new app that outlives the revoked grant and the deleted app.
 * Runs after the global guard, which has authenticated the caller and checked the scope.
 */
@Injectable()
export class PersonalAccessTokenOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<AuthedRequest>().principal;
    if (principal?.tokenKind !== 'personal_access_token') throw credentialsError('PersonalAccessTokenRequired');
    return true;
  }
}

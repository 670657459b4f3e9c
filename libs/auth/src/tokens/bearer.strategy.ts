import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { retryReadOnce } from '@app/common';
import { Principal } from '../auth-context';
import { ActiveMembership } from '../guard/membership.lookup';
import { TokenService } from './token.service';

/**
 * What the guard and the strategy pass each other on the request: the guard names the workspace it will check
 * (when the route is workspace-scoped and workspace_id is well-formed), so a token read from the database brings
 * the membership in the same statement; `membership` is then set (null: not a member).
 */
export interface BearerLookup {
  workspaceId?: number;
  membership?: ActiveMembership | null;
}

export type BearerRequest = { bearerLookup?: BearerLookup };

/** Passport bearer strategy: tokens are looked up by hash (through the invalidated cache), so revocation holds. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly tokens: TokenService) {
    super({ passReqToCallback: true });
  }

  async validate(request: BearerRequest, token: string): Promise<Principal | false> {
    const lookup = request.bearerLookup ?? {};
    // A lookup: safe to repeat once on a dropped connection.
    const found = await retryReadOnce(() => this.tokens.authenticate(token, lookup.workspaceId));
    if (!found) return false;
    lookup.membership = found.membership;
    return found.principal;
  }
}

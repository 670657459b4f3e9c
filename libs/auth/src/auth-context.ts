import { Role } from './role';
import { Scope } from './scope';

/** Who is calling, with which token, and (for workspace operations) as which member. */
export interface Principal {
  userId: number;
  scopes: Scope[];
  tokenKind: 'personal_access_token' | 'oauth';
  /** Whose budget a request spends: the user, or the OAuth client for client-credentials tokens. */
  rateLimitKey: string;
}

export interface AuthContext extends Principal {
  workspaceId: number;
  role: Role;
  /** Owner, or a member whose own membership has rate_status = 1 (roles.md). */
  canViewRates: boolean;
}

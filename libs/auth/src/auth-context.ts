import { Role } from './role';
import { Scope } from './scope';

/** Who is calling, with which token, and (for workspace operations) as which member. */
export interface Principal {
  userId: number;
  scopes: Scope[];
  tokenId: number;
}

export interface AuthContext extends Principal {
  workspaceId: number;
  role: Role;
  /** Owner, or a member whose own membership has rate_status = 1 (roles.md). */
  canViewRates: boolean;
}

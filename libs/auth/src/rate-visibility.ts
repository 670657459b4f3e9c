import { Role } from './role';

/** roles.md "Rate visibility": the Owner, or a member whose own membership has `rate_status = 1`. */
export function mayViewRates(role: Role, rateStatus: number): boolean {
  return role === Role.Owner || rateStatus === 1;
}

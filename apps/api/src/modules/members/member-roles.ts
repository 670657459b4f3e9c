import { Role } from '@app/auth';

/** Rank for "nobody can grant a role above their own" (roles.md): Owner, then Executive manager, then the rest. */
const RANK: Record<Role, number> = {
  [Role.Owner]: 3,
  [Role.ExecutiveManager]: 2,
  [Role.TeamManager]: 1,
  [Role.ProjectManager]: 1,
  [Role.RegularUser]: 1,
  [Role.ProjectViewer]: 0,
};

export const canGrant = (caller: Role, granted: Role): boolean => granted !== Role.Owner && RANK[granted] <= RANK[caller];

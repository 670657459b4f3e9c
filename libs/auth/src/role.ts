/** The six role strings of roles.md, compared exactly (note "Regular User"). */
export enum Role {
  Owner = 'Owner',
  ExecutiveManager = 'Executive manager',
  TeamManager = 'Team manager',
  ProjectManager = 'Project manager',
  RegularUser = 'Regular User',
  ProjectViewer = 'Project viewer',
}

export const ROLES = Object.values(Role);

export const MANAGEMENT_ROLES: readonly Role[] = [Role.Owner, Role.ExecutiveManager];

export enum MembershipStatus {
  Active = 'active',
  Inactive = 'inactive',
  Left = 'left',
  Unknown = 'unknown',
}

import { Role } from '../role';

/**
 * Whose scope an access predicate describes. For a request it is the caller (an AuthContext fits); for a statement
 * prepared once per role and run for every caller, `userId` and `workspaceId` are the names of the placeholders the
 * prepared statement binds at execution (see {@link placeholderSubject}).
 */
export interface ScopeSubject {
  role: Role;
  userId: number | string;
  workspaceId: number | string;
}

/** The subject of a statement compiled once per role: its values are the statement's `userId`/`workspaceId` placeholders. */
export function placeholderSubject(role: Role, param: (key: string) => string): ScopeSubject {
  return { role, userId: param('userId'), workspaceId: param('workspaceId') };
}

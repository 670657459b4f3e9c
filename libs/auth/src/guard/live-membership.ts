/**
 * The one definition of a membership that can act in a workspace: active, not blocked, not deleted, in a
 * workspace that is neither blocked nor deleted. The guard admits exactly these, and `GET /workspaces`
 * lists exactly these, so a listed workspace is always one the caller can call into.
 */
export function liveMembershipPredicate(member: string, workspace: string): string {
  return (
    `${member}.status = 'active' AND ${member}.deleted_at IS NULL AND NOT ${member}.is_blocked` +
    ` AND ${workspace}.deleted_at IS NULL AND NOT ${workspace}.is_blocked`
  );
}

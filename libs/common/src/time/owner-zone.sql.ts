/**
 * The workspace owner's IANA time zone as one SQL expression, 'UTC' when the owner has none (conventions.md:
 * workspace-level days — reports, expense and time-request dates — are read in the owner's zone). `workspaceId`
 * is the SQL of the workspace id: a placeholder (`:workspaceId`, `$1`) or a column.
 */
export function ownerZoneSql(workspaceId: string): string {
  return `COALESCE((SELECT ou.timezone FROM workspaces w JOIN users ou ON ou.id = w.owner_id WHERE w.id = ${workspaceId}), 'UTC')`;
}

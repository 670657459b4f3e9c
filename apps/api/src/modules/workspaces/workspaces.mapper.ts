import { Role } from '@app/auth';
import { WorkspaceResponseDto } from './workspaces.dto';

export interface WorkspaceRow {
  id: number;
  owner_id: number;
  user_id: number;
  workspace_name: string;
  role: Role;
  status: string;
  created_at: Date;
  activated_at: Date | null;
}

/** `2025-02-19T19:24:55.000000Z`: the documented microsecond shape of workspace timestamps. */
export function microsecondTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** `2025-02-19 19:24:55` in UTC. */
export function plainUtcDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function toWorkspaceResponse(row: WorkspaceRow): WorkspaceResponseDto {
  return {
    id: row.id,
    owner_id: row.owner_id,
    user_id: row.user_id,
    workspace_name: row.workspace_name,
    role: row.role,
    status: row.status,
    created_at: microsecondTimestamp(row.created_at),
    activated_at: plainUtcDateTime(row.activated_at ?? row.created_at),
  };
}

import { utcTimestamp } from '@app/common';
import type { EntityManager } from 'typeorm';

/**
 * The `member.*` webhook payload is the Member object of members.md (webhooks.md "data by event"), so a viewer's
 * archive and restore describe the viewer as a member. Rate fields are included: delivery applies the rate
 * permission of each webhook's creator (webhooks.md). Read inside the write's transaction, after the write.
 */
const MEMBER_PAYLOAD_SQL = `
  SELECT u.id, u.email, u.firstname, u.lastname, u.avatar, m.role AS current_role, u.timezone, m.status,
         (SELECT t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.workspace_id = m.workspace_id
           WHERE tm.user_id = m.user_id ORDER BY t.name, t.id LIMIT 1) AS team_name,
         m.title, m.rate, m.rate_status, m.weekly_hours_limit, m.screenshots, m.is_blocked,
         m.created_at, m.updated_at, m.deleted_at
    FROM workspace_members m JOIN users u ON u.id = m.user_id
   WHERE m.workspace_id = $1 AND m.user_id = $2`;

interface MemberPayloadRow {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  avatar: string | null;
  current_role: string;
  timezone: string | null;
  status: string;
  team_name: string | null;
  title: string | null;
  rate: string | null;
  rate_status: number;
  weekly_hours_limit: number | null;
  screenshots: string | null;
  is_blocked: boolean;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export async function memberPayload(manager: EntityManager, workspaceId: number, userId: number): Promise<object> {
  const [row] = (await manager.query(MEMBER_PAYLOAD_SQL, [workspaceId, userId])) as MemberPayloadRow[];
  return {
    id: row.id,
    email: row.email,
    firstname: row.firstname,
    lastname: row.lastname,
    avatar: row.avatar,
    current_role: row.current_role,
    timezone: row.timezone,
    status: row.status,
    team_name: row.team_name,
    title: row.title,
    rate: row.rate === null ? 0 : Number(row.rate),
    // members.md: always null until a member-rate model is defined.
    rate_type: null,
    rate_status: row.rate_status,
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    is_blocked: row.is_blocked,
    created_at: utcTimestamp(row.created_at),
    updated_at: utcTimestamp(row.updated_at),
    deleted_at: row.deleted_at === null ? null : utcTimestamp(row.deleted_at),
  };
}

import { MembershipStatus, Role } from '@app/auth';
import { utcTimestamp } from '@app/common';
import { MemberResponseDto } from './members.dto';

/** A member row as the read statement selects it (snake_case, numerics as strings). */
export interface MemberRow {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  avatar: string | null;
  current_role: Role;
  timezone: string | null;
  status: MembershipStatus;
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

/** The one statement's columns, on `workspace_members m JOIN users u`. */
export const MEMBER_COLUMNS = [
  'u.id AS id',
  'u.email AS email',
  'u.firstname AS firstname',
  'u.lastname AS lastname',
  'u.avatar AS avatar',
  'm.role AS current_role',
  'u.timezone AS timezone',
  'm.status AS status',
  `(SELECT t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id AND t.workspace_id = m.workspace_id
     WHERE tm.user_id = m.user_id ORDER BY t.name, t.id LIMIT 1) AS team_name`,
  'm.title AS title',
  'm.rate AS rate',
  'm.rate_status AS rate_status',
  'm.weekly_hours_limit AS weekly_hours_limit',
  'm.screenshots AS screenshots',
  'm.is_blocked AS is_blocked',
  'm.created_at AS created_at',
  'GREATEST(m.updated_at, u.updated_at) AS updated_at',
  'm.deleted_at AS deleted_at',
];

/** The documented Member; `rate` and `rate_type` are left out entirely for callers who may not view rates. */
export function toMemberResponse(row: MemberRow, canViewRates: boolean): MemberResponseDto {
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
    ...(canViewRates ? { rate: row.rate === null ? 0 : Number(row.rate), rate_type: null } : {}),
    rate_status: row.rate_status,
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    is_blocked: row.is_blocked,
    created_at: utcTimestamp(row.created_at),
    updated_at: utcTimestamp(row.updated_at),
    deleted_at: row.deleted_at === null ? null : utcTimestamp(row.deleted_at),
  };
}

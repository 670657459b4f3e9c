import { utcTimestamp } from '@app/common';
import { baseStatus, priorityName } from './task-codes';
import { AssigneeDto, TaskResponseDto } from './tasks.dto';

/** A task row as the read statements select it (snake_case). */
export interface TaskRow {
  id: number;
  title: string;
  description: string | null;
  project_id: number;
  owner_id: number;
  creator_id: number;
  status: number;
  custom_status: { name: string; color: string | null } | null;
  priority: number | null;
  start_date: string | null;
  end_date: string | null;
  completed_at: Date | null;
  parent_id: number | null;
  assignees: AssigneeDto[];
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const toTimestamp = (value: Date | null): string | null => (value === null ? null : utcTimestamp(value));

/** A code whose configuration was removed keeps a readable label rather than failing the read. */
const fallbackStatusName = (code: number): string => `Status ${code}`;

export function toTaskResponse(row: TaskRow): TaskResponseDto {
  const base = baseStatus(row.status);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    project_id: row.project_id,
    owner_id: row.owner_id,
    creator_id: row.creator_id,
    status: row.status,
    status_name: base?.name ?? row.custom_status?.name ?? fallbackStatusName(row.status),
    status_color: base?.color ?? row.custom_status?.color ?? null,
    priority: row.priority,
    priority_name: priorityName(row.priority),
    start_date: row.start_date,
    end_date: row.end_date,
    completed_at: toTimestamp(row.completed_at),
    parent_id: row.parent_id,
    assignees: row.assignees,
    created_at: utcTimestamp(row.created_at),
    updated_at: utcTimestamp(row.updated_at),
    deleted_at: toTimestamp(row.deleted_at),
  };
}

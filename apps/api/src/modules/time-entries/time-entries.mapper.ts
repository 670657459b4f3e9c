import { dateInZone, formatUtc } from '@app/common';
import { TimeEntryResponseDto } from './time-entries.dto';

/** One time entry with its project, task and the member's zone, as TIME_ENTRY_COLUMNS selects it. */
export interface TimeEntryRow {
  id: string;
  user_id: number;
  contract_id: number | null;
  project_id: number | null;
  project_name: string | null;
  task_id: number | null;
  task_title: string | null;
  activity_description: string | null;
  method: string;
  start_time: Date;
  end_time: Date | null;
  time_zone: string;
  /** The database's clock, so a running entry's duration matches the statement that read it. */
  read_at: Date;
}

/** FROM time_entries e, joined by TIME_ENTRY_JOINS. */
export const TIME_ENTRY_COLUMNS = `e.id, e.user_id, e.contract_id, e.project_id, p.name AS project_name, e.task_id, t.title AS task_title,
       e.activity_description, e.method, e.start_time, e.end_time, COALESCE(u.timezone, 'UTC') AS time_zone, now() AS read_at`;

export const TIME_ENTRY_JOINS = `JOIN users u ON u.id = e.user_id
       LEFT JOIN projects p ON p.id = e.project_id
       LEFT JOIN tasks t ON t.id = e.task_id`;

export function toTimeEntryResponse(row: TimeEntryRow): TimeEntryResponseDto {
  const end = row.end_time ?? row.read_at;
  return {
    id: row.id,
    user_id: row.user_id,
    contract_id: row.contract_id,
    project_id: row.project_id,
    project_name: row.project_name,
    task_id: row.task_id,
    task_title: row.task_title,
    activity_description: row.activity_description,
    method: row.method,
    date: dateInZone(row.start_time, row.time_zone),
    start_time: formatUtc(row.start_time),
    end_time: row.end_time ? formatUtc(row.end_time) : null,
    duration_minutes: Math.max(0, Math.floor((end.getTime() - row.start_time.getTime()) / 60_000)),
  };
}

/** `8 hr`, `1 hr 30 min`, `45 min` (time-tracking.md Decision). */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}

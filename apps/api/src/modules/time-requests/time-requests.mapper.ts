import { utcTimestamp } from '@app/common';
import { TimeRequestStatus } from './time-request-status';
import { TimeRequestResponseDto } from './time-requests.dto';

/** A time request row as the read statements select it (snake_case). */
export interface TimeRequestRow {
  id: string;
  user_id: number;
  contract_id: number | null;
  project_id: number | null;
  task_id: number | null;
  start: Date;
  end: Date;
  status: TimeRequestStatus;
  activity_description: string | null;
  comment: string | null;
  updated_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export const TIME_REQUEST_COLUMNS = [
  't.id AS id',
  't.user_id AS user_id',
  't.contract_id AS contract_id',
  't.project_id AS project_id',
  't.task_id AS task_id',
  't.start AS start',
  't.end AS "end"',
  't.status AS status',
  't.activity_description AS activity_description',
  't.comment AS comment',
  't.updated_by AS updated_by',
  't.created_at AS created_at',
  't.updated_at AS updated_at',
];

/** The documented TimeRequest: `notes` and `activity_description` carry the same text (time-requests.md). */
export function toTimeRequestResponse(row: TimeRequestRow): TimeRequestResponseDto {
  return {
    id: row.id,
    user_id: row.user_id,
    contract_id: row.contract_id,
    project_id: row.project_id,
    task_id: row.task_id,
    start: utcTimestamp(row.start),
    end: utcTimestamp(row.end),
    status: row.status,
    notes: row.activity_description,
    activity_description: row.activity_description,
    comment: row.comment,
    updated_by: row.updated_by,
    created_at: utcTimestamp(row.created_at),
    updated_at: utcTimestamp(row.updated_at),
  };
}

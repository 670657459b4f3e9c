import { utcTimestamp } from '@app/common';
import { ProjectResponseDto, TagDto } from './projects.dto';

/** A project row as the list/get query selects it (snake_case, numerics as strings). */
export interface ProjectRow {
  id: number;
  name: string;
  owner_id: number;
  start_date: string | null;
  deadline: string | null;
  estimation: string | null;
  budget_estimation: string | null;
  notes: string | null;
  icon: string | null;
  is_billable: boolean;
  rate: string;
  weekly_hours_limit: number | null;
  screenshots: string | null;
  contracts_count: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const toNumber = (value: string | null): number | null => (value === null ? null : Number(value));
const toTimestamp = (value: Date | null): string | null => (value === null ? null : utcTimestamp(value));

/** Builds the documented Project; `rate` is left out entirely for callers who may not view rates. */
export function toProjectResponse(row: ProjectRow, tags: TagDto[], canViewRates: boolean): ProjectResponseDto {
  return {
    id: row.id,
    name: row.name,
    owner_id: row.owner_id,
    start_date: row.start_date,
    deadline: row.deadline,
    estimation: toNumber(row.estimation),
    budget_estimation: toNumber(row.budget_estimation),
    notes: row.notes,
    icon: row.icon,
    is_billable: row.is_billable,
    ...(canViewRates ? { rate: toNumber(row.rate) } : {}),
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    tags,
    contracts_count: row.contracts_count,
    status: row.deleted_at === null ? 1 : 0,
    created_at: toTimestamp(row.created_at),
    updated_at: toTimestamp(row.updated_at),
    deleted_at: toTimestamp(row.deleted_at),
  };
}

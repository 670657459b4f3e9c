import { utcTimestamp } from '@app/common';
import { ContractResponseDto } from './contracts.dto';
import { ContractStatus, screenshotLabel } from './screenshot-modes';

/** A contract row as the list/get statements select it (snake_case, numerics as strings). */
export interface ContractRow {
  id: number;
  project_id: number;
  project_name: string;
  project_icon: string | null;
  is_billable: boolean;
  user_id: number;
  user_firstname: string | null;
  user_lastname: string | null;
  user_email: string | null;
  user_role: string | null;
  weekly_hours_limit: number | null;
  screenshots: string | null;
  rate: string | null;
  rate_type: number | null;
  currency: string | null;
  status: ContractStatus;
  created_at: Date;
  updated_at: Date;
}

/** Decision (contracts.md): `"<project_name> - <firstname> <lastname>"`, without the blanks of missing names. */
export function contractName(row: Pick<ContractRow, 'project_name' | 'user_firstname' | 'user_lastname'>): string {
  const person = [row.user_firstname, row.user_lastname].filter((part) => part !== null && part !== '').join(' ');
  return person === '' ? row.project_name : `${row.project_name} - ${person}`;
}

/**
 * Builds the documented Contract. `rate`, `rate_type` and `currency` appear only when the caller may view rates
 * and the project is billable (roles.md); otherwise they are left out entirely, never sent as null.
 */
export function toContractResponse(row: ContractRow, canViewRates: boolean): ContractResponseDto {
  const rates =
    canViewRates && row.is_billable
      ? { rate: row.rate === null ? null : Number(row.rate), rate_type: row.rate_type, currency: row.currency }
      : {};
  return {
    id: row.id,
    contract_name: contractName(row),
    project_id: row.project_id,
    project_name: row.project_name,
    project_icon: row.project_icon,
    user_id: row.user_id,
    user_firstname: row.user_firstname,
    user_lastname: row.user_lastname,
    user_email: row.user_email,
    user_role: row.user_role,
    weekly_hours_limit: row.weekly_hours_limit,
    screenshots: row.screenshots,
    screenshots_label: screenshotLabel(row.screenshots),
    ...rates,
    status: row.status,
    created_at: utcTimestamp(row.created_at),
    updated_at: utcTimestamp(row.updated_at),
  };
}

import { amountsByCurrency, utcTimestamp } from '@app/common';
import { DailyBreakdown, TimesheetBreakdownItemDto, TimesheetDto } from './timesheets.dto';
import { TimesheetStatus } from './timesheet-status';

/** One breakdown item as the page statement's json_agg builds it; `amount` is a decimal string or null. */
export interface BreakdownItemRow {
  project_id: number | null;
  project_name: string | null;
  contract_id: number | null;
  total_minutes: number;
  amount: string | null;
  currency: string;
}

/** A timesheet row as the list statement selects it. */
export interface TimesheetRow {
  id: string;
  user_id: number;
  firstname: string;
  lastname: string;
  email: string;
  avatar: string | null;
  date_from: string;
  date_to: string;
  status: TimesheetStatus;
  submitted_on: Date | null;
  reject_reason: string | null;
  created_at: Date;
  breakdown: Record<string, BreakdownItemRow[]>;
}

function toBreakdownItem(item: BreakdownItemRow, canViewRates: boolean): TimesheetBreakdownItemDto {
  return {
    project_id: item.project_id,
    project_name: item.project_name,
    contract_id: item.contract_id,
    total_minutes: item.total_minutes,
    ...(canViewRates && { total_amount: amountsByCurrency([item]) }),
  };
}

/** `total_minutes / 60` to 2 decimals, half up, from integers (no binary rounding on the way). */
const minutesToHours = (minutes: number): number => Math.round((minutes * 100) / 60) / 100;

/**
 * The documented Timesheet. Totals are the sums of the breakdown, so a client adding up the days gets the same
 * numbers; `total_amount` (top level and per item) only when the caller may view rates, left out otherwise.
 */
export function toTimesheetResponse(row: TimesheetRow, canViewRates: boolean): TimesheetDto {
  const items = Object.values(row.breakdown).flat();
  const totalMinutes = items.reduce((sum, item) => sum + item.total_minutes, 0);
  const dailyBreakdown: DailyBreakdown = Object.fromEntries(
    Object.entries(row.breakdown).map(([day, dayItems]) => [day, dayItems.map((item) => toBreakdownItem(item, canViewRates))]),
  );
  return {
    id: row.id,
    user_id: row.user_id,
    member: { id: row.user_id, firstname: row.firstname, lastname: row.lastname, email: row.email, avatar: row.avatar },
    date_from: row.date_from,
    date_to: row.date_to,
    total_minutes: totalMinutes,
    total_hours: minutesToHours(totalMinutes),
    ...(canViewRates && { total_amount: amountsByCurrency(items) }),
    status: row.status,
    submitted_on: row.submitted_on === null ? null : utcTimestamp(row.submitted_on),
    reject_reason: row.reject_reason,
    daily_breakdown: dailyBreakdown,
    created_at: utcTimestamp(row.created_at),
  };
}

/** The `timesheet.*` event payload: the timesheet without its breakdown (webhook consumers fetch it if needed). */
export interface TimesheetEventRow {
  id: string;
  user_id: number;
  date_from: string;
  date_to: string;
  status: TimesheetStatus;
  submitted_on: Date | null;
  reject_reason: string | null;
  decided_by: number | null;
}

export function toTimesheetEvent(row: TimesheetEventRow): object {
  return {
    id: row.id,
    user_id: row.user_id,
    date_from: row.date_from,
    date_to: row.date_to,
    status: row.status,
    submitted_on: row.submitted_on === null ? null : utcTimestamp(row.submitted_on),
    reject_reason: row.reject_reason,
    decided_by: row.decided_by,
  };
}

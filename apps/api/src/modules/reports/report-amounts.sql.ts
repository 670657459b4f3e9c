import { EFFECTIVE_RATE } from '../timesheets/timesheet-breakdown.sql';

/**
 * Money as timesheets compute it (timesheet-breakdown.sql.ts): per item (a day's minutes on one contract),
 * minutes / 60 × the contract's rate in effect, rounded to cents; none without a contract, without a rate, or
 * on a project that is not billable. Joins `bc` (the contract), `bcp` (its project) and `bm` (the member).
 */
export const AMOUNT_JOINS = (contractId: string, userId: string): string => `
  LEFT JOIN contracts bc ON bc.id = ${contractId}
  LEFT JOIN projects bcp ON bcp.id = bc.project_id
  LEFT JOIN workspace_members bm ON bm.workspace_id = :workspaceId AND bm.user_id = ${userId}`;

/** The exact amount as text (the decimal survives JSON), or null. */
export const AMOUNT_OF = (minutes: string): string =>
  `CASE WHEN bcp.is_billable AND ${EFFECTIVE_RATE} IS NOT NULL THEN round(${minutes} * ${EFFECTIVE_RATE} / 60, 2)::text END`;

/** The currency of an item: the contract's, USD when it names none (as timesheets do). */
export const CURRENCY = "COALESCE(bc.currency, 'USD')";

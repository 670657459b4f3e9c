// What both baselines share for W6 (tracked hours): the API's statement (recorded from reportStatement() on
// 2026-12-04: getTrackedHoursReport is ONE constant statement), its query parsing for the bench's request
// (start_date and end_date given, no filters) and the API's mapper (toTrackedHoursReport).
import { readFileSync } from 'node:fs';
import { HttpError, invalid } from './common.mjs';
import { amountsByCurrency } from './time-common.mjs';

/** Parameters in order: workspaceId, endDate, startDate, projectIds, userIds, teamIds, currencies. */
export const TRACKED_HOURS_SQL = readFileSync(new URL('./tracked-hours.sql', import.meta.url), 'utf8').trim();

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

/** start_date and end_date (both given in the bench), at most 366 days apart, as the API's DTO checks them. */
export function trackedHoursQueryOf(request) {
  const { start_date: start, end_date: end } = request.query;
  for (const [name, value] of [
    ['start_date', start],
    ['end_date', end],
  ]) {
    if (!DATE.test(String(value ?? ''))) throw invalid(name, `The ${name} must be a date (YYYY-MM-DD).`);
  }
  const days = (Date.parse(end) - Date.parse(start)) / DAY + 1;
  if (days < 1 || days > 366) throw invalid('end_date', 'The range may cover at most 366 days.');
  return { start, end };
}

/** OW and EM only, as the API's permission table says for reports. */
export function requireReportRole(auth) {
  if (auth.role !== 'Owner' && auth.role !== 'Executive manager')
    throw new HttpError(403, 'You do not have permission to perform this action.');
}

/** The API's toTrackedHoursReport: rows nested by day; totals are the rows' sums; money only with rate permission. */
export function toTrackedHoursReport(rows, start, end, canViewRates) {
  const days = {};
  let totalMinutes = 0;
  for (const row of rows) {
    totalMinutes += row.total_minutes;
    const item = {
      user_id: row.user_id,
      user_name: row.user_name,
      project_id: row.project_id,
      project_name: row.project_name,
      contract_id: row.contract_id,
      total_minutes: row.total_minutes,
      ...(canViewRates && { total_amount: amountsByCurrency([row]) }),
    };
    (days[row.day] ??= { users: [] }).users.push(item);
  }
  return {
    report_type: 'tracked_hours',
    start_date: start,
    end_date: end,
    total: { total_minutes: totalMinutes, ...(canViewRates && { total_amount: amountsByCurrency(rows) }) },
    days,
  };
}

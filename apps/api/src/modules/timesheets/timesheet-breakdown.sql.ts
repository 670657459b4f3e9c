import { RateType } from '../contracts/screenshot-modes';

/**
 * SQL fragments of a timesheet's daily breakdown, correlated on the list's `ts` (timesheets) and `u` (its
 * member's user row). Days are the member's calendar days, bounded as the ledger's `dayRange`/`isoWeekRange`
 * bound them, so a DST day is 23 or 25 hours long and the days tile the week the ledger filed the time in.
 */
const ZONE = "COALESCE(u.timezone, 'UTC')";

/**
 * The first instant the member's clock reads `local` (a timestamp without zone). `local AT TIME ZONE zone` is that
 * instant, or the end of the gap when clocks spring forward over it, except where clocks fall back to it: then
 * PostgreSQL picks the later of the two readings. The earlier one carries the offset in force 3 hours before (no
 * zone moves twice in 3 hours); it wins when the clock really reads `local` then.
 */
const firstInstant = (local: string): string => {
  const late = `(${local} AT TIME ZONE ${ZONE})`;
  const before = `(${late} - interval '3 hours')`;
  const early = `((${local} - ((${before} AT TIME ZONE ${ZONE}) - (${before} AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC')`;
  return `CASE WHEN ${early} < ${late} AND (${early} AT TIME ZONE ${ZONE}) = ${local} THEN ${early} ELSE ${late} END`;
};

/**
 * Bounds for reading the period's entries: a superset of the period (3 hours early covers a repeated midnight;
 * each entry is clipped to its day anyway), so they stay plain index bounds.
 */
const PERIOD_START = `((ts.date_from::timestamp AT TIME ZONE ${ZONE}) - interval '3 hours')`;
const PERIOD_END = `((ts.date_to + 1)::timestamp AT TIME ZONE ${ZONE})`;

/**
 * The member's entries that reach into the period, read from time_entries_member_time_idx and bounded to the
 * period: the ones starting in it, plus the last one starting before it (entries of a member never overlap, so
 * only that one can run into the period, e.g. a tracker started on Sunday night).
 */
const PERIOD_ENTRIES = `(
  SELECT pe.start_time, pe.end_time, pe.contract_id, pe.project_id FROM time_entries pe
   WHERE pe.workspace_id = ts.workspace_id AND pe.user_id = ts.user_id
     AND pe.start_time >= ${PERIOD_START} AND pe.start_time < ${PERIOD_END}
  UNION ALL
  (SELECT be.start_time, be.end_time, be.contract_id, be.project_id FROM time_entries be
    WHERE be.workspace_id = ts.workspace_id AND be.user_id = ts.user_id AND be.start_time < ${PERIOD_START}
    ORDER BY be.start_time DESC LIMIT 1)
)`;

/** The period's days: each from its first instant to the next day's. */
export const PERIOD_DAYS = `(
  SELECT g.local::date AS day, ${firstInstant('g.local')} AS day_start, ${firstInstant("(g.local + interval '1 day')")} AS day_end
    FROM generate_series(ts.date_from::timestamp, ts.date_to::timestamp, interval '1 day') AS g(local)
)`;

/** A running tracker (no end) counts up to the statement's now(). */
const ENTRY_END = 'COALESCE(e.end_time, now())';

/** Whole minutes per day, project and contract: each entry clipped to the day, so one across midnight counts on both days. */
const DAY_TOTALS = `(
  SELECT d.day, e.project_id, e.contract_id,
         floor(sum(extract(epoch FROM least(${ENTRY_END}, d.day_end) - greatest(e.start_time, d.day_start))) / 60)::int AS minutes
    FROM ${PERIOD_ENTRIES} e
    JOIN ${PERIOD_DAYS} d ON e.start_time < d.day_end AND ${ENTRY_END} > greatest(e.start_time, d.day_start)
   GROUP BY d.day, e.project_id, e.contract_id
)`;

/** The contract's rate in effect (as contracts.service's CONTRACT_COLUMNS): its own, the member's or the project's (reports reuse it). */
export const EFFECTIVE_RATE = `CASE bc.rate_type WHEN ${RateType.Member} THEN bm.rate WHEN ${RateType.Project} THEN bcp.rate ELSE bc.rate END`;

/**
 * An item's amount, exact: minutes / 60 × rate, rounded to cents; none without a contract, a rate, or on a project
 * that is not billable (whose rates stay hidden, roles.md). Text, so the decimal survives JSON.
 */
const AMOUNT = `CASE WHEN bcp.is_billable AND ${EFFECTIVE_RATE} IS NOT NULL THEN round(t.minutes * ${EFFECTIVE_RATE} / 60, 2)::text END`;

/**
 * `{"YYYY-MM-DD": [{project_id, project_name, contract_id, total_minutes, amount, currency}]}` for one timesheet
 * (days without time left out), as a scalar subquery of the page statement.
 */
export const DAILY_BREAKDOWN = `(SELECT COALESCE(json_object_agg(di.day, di.items ORDER BY di.day), '{}'::json) FROM (
  SELECT t.day, json_agg(json_build_object(
           'project_id', t.project_id, 'project_name', bp.name, 'contract_id', t.contract_id, 'total_minutes', t.minutes,
           'amount', ${AMOUNT}, 'currency', COALESCE(bc.currency, 'USD')
         ) ORDER BY t.project_id NULLS LAST, t.contract_id NULLS LAST) AS items
    FROM ${DAY_TOTALS} t
    LEFT JOIN projects bp ON bp.id = t.project_id
    LEFT JOIN contracts bc ON bc.id = t.contract_id
    LEFT JOIN projects bcp ON bcp.id = bc.project_id
    LEFT JOIN workspace_members bm ON bm.workspace_id = ts.workspace_id AND bm.user_id = ts.user_id
   WHERE t.minutes > 0
   GROUP BY t.day
) di)`;

/** The period's end instant in the member's zone, for the running-tracker check of approve. */
export const TIMESHEET_PERIOD_END = firstInstant('(ts.date_to + 1)::timestamp');

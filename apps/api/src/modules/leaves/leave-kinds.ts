/** The statuses of a leave request (leaves.md). */
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

/** Statuses that hold the member's time: the no-overlap rule and the balance look at these only. */
export const LEAVE_HOLDING_STATUSES = ['pending', 'approved'] as const;

/** How a policy counts leave; fixed when the policy is created. */
export const LEAVE_TIME_UNITS = ['days', 'hours'] as const;
export type LeaveTimeUnit = (typeof LEAVE_TIME_UNITS)[number];

/** `leave_period`: 0 = full day, 1 = first half, 2 = second half, on every day of the range. */
export const LEAVE_PERIODS = [0, 1, 2] as const;
export type LeavePeriod = (typeof LEAVE_PERIODS)[number];

export const DEFAULT_HOURS_PER_DAY = 8;

const quoted = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * The minutes of each day a request occupies, as an int4range: [0,1440) a full day, [0,720) the first half,
 * [720,1440) the second half, [start,end) an hour-based window. Used by the no-overlap exclusion constraint,
 * so a first-half and a second-half leave on the same day coexist while a full day excludes both.
 */
export const LEAVE_DAY_SLOT_SQL =
  `int4range(` +
  `CASE WHEN "start_time" IS NOT NULL THEN (EXTRACT(EPOCH FROM "start_time") / 60)::integer WHEN "leave_period" = 2 THEN 720 ELSE 0 END, ` +
  `CASE WHEN "end_time" IS NOT NULL THEN (EXTRACT(EPOCH FROM "end_time") / 60)::integer WHEN "leave_period" = 1 THEN 720 ELSE 1440 END, ` +
  `'[)')`;

export const LEAVE_NO_OVERLAP_SQL =
  `USING gist (int4range("workspace_id", "workspace_id", '[]') WITH &&, int4range("user_id", "user_id", '[]') WITH &&, ` +
  `daterange("start_date", "end_date", '[]') WITH &&, ${LEAVE_DAY_SLOT_SQL} WITH &&) ` +
  `WHERE ("status" IN (${quoted(LEAVE_HOLDING_STATUSES)}))`;

export const LEAVE_STATUS_CHECK_SQL = `"status" IN (${quoted(LEAVE_STATUSES)})`;
export const LEAVE_TIME_UNIT_CHECK_SQL = `"time_unit" IN (${quoted(LEAVE_TIME_UNITS)})`;

/** The statuses a timesheet is stored and emitted with (timesheets.md); `open` is accepted only as a filter alias. */
export const TIMESHEET_STATUSES = ['pending', 'submitted', 'approved', 'rejected'] as const;

export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];

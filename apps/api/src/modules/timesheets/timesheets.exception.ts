import { errorCatalog } from '@app/common';

export const timesheetError = errorCatalog({
  NotFound: [404, 'Timesheet not found.'],
  // The state machine's conflicts (timesheet-machine.ts), worded as timesheets.md gives them.
  NotSubmitted: [409, "Timesheet must be in 'submitted' status."],
  NotSubmittable: [409, "Timesheet must be in 'pending' or 'rejected' status."],
  TrackerRunning: [409, 'The member has a running tracker in this period; stop it before the timesheet can be approved.'],
} as const);

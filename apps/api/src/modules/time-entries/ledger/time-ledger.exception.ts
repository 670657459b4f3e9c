import { errorCatalog } from '@app/common';

/** Conflicts of the time ledger, shared by tracking, time entries, time requests and timesheets. */
export const timeLedgerError = errorCatalog({
  PeriodApproved: [409, 'The timesheet for this period is approved; its time cannot change.'],
  Overlap: [409, 'The time overlaps an existing time entry.'],
  WeeklyLimit: [409, 'The weekly hours limit is reached.'],
} as const);

import { defineStateMachine, StateMachine } from '@app/common';
import { timesheetError } from './timesheets.exception';
import { TimesheetStatus } from './timesheet-status';

export type TimesheetAction = 'submit' | 'unsubmit' | 'approve' | 'reject';

/** The 409 of an action the current status does not allow: it names the statuses the action starts from. */
const conflictCode = (action: TimesheetAction): 'NotSubmittable' | 'NotSubmitted' =>
  action === 'submit' ? 'NotSubmittable' : 'NotSubmitted';

/** timesheets.md "Status": submit from pending or rejected; unsubmit, approve and reject from submitted only. */
export const TIMESHEET_MACHINE: StateMachine<TimesheetStatus, TimesheetAction> = defineStateMachine<TimesheetStatus, TimesheetAction>(
  'timesheet',
  [
    { from: 'pending', action: 'submit', to: 'submitted' },
    { from: 'rejected', action: 'submit', to: 'submitted' },
    { from: 'submitted', action: 'unsubmit', to: 'pending' },
    { from: 'submitted', action: 'approve', to: 'approved' },
    { from: 'submitted', action: 'reject', to: 'rejected' },
  ],
  (_from, action) => timesheetError(conflictCode(action)),
);

export const timesheetConflictMessage = (action: TimesheetAction): string => timesheetError.message(conflictCode(action));

/** The webhook event each action records (event-type.ts). */
export const TIMESHEET_EVENTS = {
  submit: 'timesheet.submitted',
  unsubmit: 'timesheet.unsubmitted',
  approve: 'timesheet.approved',
  reject: 'timesheet.rejected',
} as const satisfies Record<TimesheetAction, string>;

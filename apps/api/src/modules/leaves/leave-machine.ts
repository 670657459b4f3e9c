import { defineStateMachine } from '@app/common';
import type { LeaveStatus } from './leave-kinds';
import { leaveError } from './leaves.exception';

export type LeaveAction = 'approve' | 'reject';

/** leaves.md "Policies and status": only a pending request is decided, once; any other state is the 409. */
export const LEAVE_MACHINE = defineStateMachine<LeaveStatus, LeaveAction>(
  'leave request',
  [
    { from: 'pending', action: 'approve', to: 'approved' },
    { from: 'pending', action: 'reject', to: 'rejected' },
  ],
  () => leaveError('NotPending'),
);

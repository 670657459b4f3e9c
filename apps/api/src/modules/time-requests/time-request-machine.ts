import { defineStateMachine } from '@app/common';
import type { TimeRequestStatus } from './time-request-status';
import { timeRequestError } from './time-requests.exception';

export type TimeRequestAction = 'approve' | 'reject';

/** time-requests.md "Status": only a pending request is decided, once; any other state is the documented 409. */
export const TIME_REQUEST_MACHINE = defineStateMachine<TimeRequestStatus, TimeRequestAction>(
  'time request',
  [
    { from: 'pending', action: 'approve', to: 'approved' },
    { from: 'pending', action: 'reject', to: 'rejected' },
  ],
  () => timeRequestError('NotPending'),
);

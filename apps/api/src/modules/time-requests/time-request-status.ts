/** The statuses of a time request (time-requests.md). */
export const TIME_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;

export type TimeRequestStatus = (typeof TIME_REQUEST_STATUSES)[number];

/** The `method` values of a TimeEntry (time-tracking.md), in the documented order. */
export const TIME_ENTRY_METHODS = [
  'Desktop tracker',
  'Mobile tracker',
  'Manually added time',
  'Extension tracker',
  'Web tracker',
  'Idle time',
  'Paid leave',
  'Break',
  'Paid holiday',
] as const;

export type TimeEntryMethod = (typeof TIME_ENTRY_METHODS)[number];

/** What a tracker started through this API records when it stops. */
export const WEB_TRACKER: TimeEntryMethod = 'Web tracker';
/** What createTimeEntry and an approved time request record. */
export const MANUALLY_ADDED: TimeEntryMethod = 'Manually added time';

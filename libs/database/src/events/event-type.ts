/** The ten webhook event names of webhooks.md, and nothing else: what a webhook can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'tracker.started',
  'tracker.stopped',
  'member.invited',
  'member.activated',
  'member.updated',
  'member.archived',
  'member.deleted',
  'project.created',
  'project.updated',
  'project.deleted',
] as const;

/**
 * Changes of resources for which webhooks.md names no event: recorded in the outbox like the others (issue 10),
 * under the same `<resource>.<change>` pattern, but no webhook can subscribe to them.
 */
export const OUTBOX_ONLY_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.deleted',
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'time_entry.created',
  'time_entry.updated',
  'time_entry.deleted',
  'time_request.created',
  'time_request.approved',
  'time_request.rejected',
  'timesheet.submitted',
  'timesheet.unsubmitted',
  'timesheet.approved',
  'timesheet.rejected',
  'leave_request.created',
  'leave_request.approved',
  'leave_request.rejected',
  'expense.created',
  'expense.updated',
  'expense.deleted',
] as const;

/** Every name the outbox accepts (the table's check constraint lists them). */
export const EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, ...OUTBOX_ONLY_EVENT_TYPES] as const;

export type EventType = (typeof EVENT_TYPES)[number];

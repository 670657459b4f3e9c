/**
 * The ten webhook event names of webhooks.md, then the events of the resources webhooks.md does not list yet
 * (issue 10: `task.*`); the table's check constraint is built from this list.
 */
export const EVENT_TYPES = [
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
  'task.created',
  'task.updated',
  'task.deleted',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The ten webhook event names of webhooks.md, and nothing else: the table's check constraint is built from this list. */
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
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

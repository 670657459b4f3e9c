/** The ten webhook event names of webhooks.md: what a webhook may subscribe to. */
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
 * Changes webhooks.md names no event for, recorded under the same `<resource>.<change>` pattern so a later
 * webhook version (or another consumer of the outbox) can describe them; webhooks cannot subscribe to them.
 */
export const RESOURCE_EVENT_TYPES = ['contract.created', 'contract.updated', 'contract.deleted'] as const;

/** Every type the outbox accepts: the table's check constraint is built from this list. */
export const EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, ...RESOURCE_EVENT_TYPES] as const;

export type EventType = (typeof EVENT_TYPES)[number];

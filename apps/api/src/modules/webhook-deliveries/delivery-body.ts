/** The rate fields roles.md hides from callers who may not view rates, by the event's resource. */
const RATE_FIELDS: Record<string, readonly string[]> = {
  member: ['rate', 'rate_type'],
  project: ['rate'],
};

export interface DeliveryEvent {
  type: string;
  workspaceId: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** RFC 3339 in UTC without fractions, as webhooks.md's example (`2024-01-15T10:30:00Z`). */
const toTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The raw JSON body `{type, timestamp, workspace_id, data}`. `data` is the outbox payload, with the rate fields
 * removed when the webhook's creator may not view rates (webhooks.md: "Rate fields follow the rate permission of
 * the webhook's creator").
 */
export function deliveryBody(event: DeliveryEvent, creatorMayViewRates: boolean): string {
  const hidden = creatorMayViewRates ? [] : (RATE_FIELDS[event.type.split('.')[0]] ?? []);
  const data = Object.fromEntries(Object.entries(event.payload).filter(([key]) => !hidden.includes(key)));
  return JSON.stringify({ type: event.type, timestamp: toTimestamp(event.occurredAt), workspace_id: event.workspaceId, data });
}

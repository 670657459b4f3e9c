import { WebhookDeliveryAttemptDto, WebhookDeliveryDto } from './webhook-deliveries.dto';

/** The columns of one list item or read: the message, its event and its attempts (json_agg, oldest first). */
export const DELIVERY_COLUMNS = [
  'd.id AS id',
  'd.webhook_id AS webhook_id',
  'e.type AS event_type',
  'e.occurred_at AS event_timestamp',
  'd.status AS status',
  'd.attempt_count AS attempt_count',
  'd.next_attempt_at AS next_attempt_at',
  'd.created_at AS created_at',
  `(SELECT COALESCE(json_agg(json_build_object(
      'number', a.number, 'trigger', a.trigger, 'started_at', a.started_at, 'latency_ms', a.latency_ms,
      'response_status', a.response_status, 'error', a.error, 'response_body', a.response_body) ORDER BY a.number), '[]'::json)
     FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id) AS attempts`,
] as const;

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  event_timestamp: Date;
  status: string;
  attempt_count: number;
  next_attempt_at: Date | null;
  created_at: Date;
  /** json_agg output: timestamps arrive as strings. */
  attempts: (Omit<WebhookDeliveryAttemptDto, 'started_at'> & { started_at: string })[];
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export function toDeliveryResponse(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_type: row.event_type,
    event_timestamp: iso(row.event_timestamp).replace(/\.\d{3}Z$/, 'Z'),
    status: row.status,
    attempt_count: row.attempt_count,
    next_attempt_at: row.next_attempt_at ? iso(row.next_attempt_at) : null,
    created_at: iso(row.created_at),
    attempts: row.attempts.map((attempt) => ({
      number: attempt.number,
      trigger: attempt.trigger,
      started_at: iso(attempt.started_at),
      latency_ms: attempt.latency_ms,
      response_status: attempt.response_status,
      error: attempt.error,
      response_body: attempt.response_body,
    })),
  };
}

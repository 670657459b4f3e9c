import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayViewRates, Role } from '@app/auth';
import { APP_CONFIG, openSecret } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RuntimeConfig } from '../../app.module';
import { AllowList, checkWebhookTarget } from '../webhooks/target-policy';
import { deliveryBody } from './delivery-body';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryResponse, sendDelivery } from './delivery-sender';
import { signDelivery } from './delivery-signature';
import type { AttemptTrigger } from './webhook-delivery-attempt.entity';
import type { DeliveryStatus } from './webhook-delivery.entity';

export const USER_AGENT = 'WebWork-Webhooks/2.0';
export const INTERRUPTED = 'Interrupted: the worker stopped before the attempt finished.';
/** A worker holds a message for the attempt's timeout plus this, then another may take it over. */
const LEASE_MARGIN_MS = 5_000;

interface MessageRow {
  id: string;
  status: DeliveryStatus;
  attempt_count: number;
  due: boolean;
  leased: boolean;
  url: string;
  sealed_token: string;
  type: string;
  workspace_id: number;
  occurred_at: Date;
  payload: Record<string, unknown>;
  creator_role: Role | null;
  creator_rate_status: number | null;
}

/** The message with what an attempt needs, locked (FOR UPDATE OF d) for the claim. */
const LOCK_MESSAGE = `
  SELECT d.id, d.status, d.attempt_count,
         d.next_attempt_at <= now() AS due,
         COALESCE(d.lease_expires_at > now(), false) AS leased,
         w.url, w.sealed_token, e.type, e.workspace_id, e.occurred_at, e.payload,
         m.role AS creator_role, m.rate_status AS creator_rate_status
    FROM webhook_deliveries d
    JOIN webhooks w ON w.id = d.webhook_id
    JOIN outbox_events e ON e.id = d.event_id
    LEFT JOIN workspace_members m ON m.workspace_id = w.workspace_id AND m.user_id = w.created_by
      AND m.status = 'active' AND m.deleted_at IS NULL AND NOT m.is_blocked
   WHERE d.id = $1
     FOR UPDATE OF d`;

/** A scheduled attempt still marked running is one whose worker died: say so before starting the next. */
const MARK_INTERRUPTED = `
  UPDATE webhook_delivery_attempts SET error = $2
   WHERE delivery_id = $1 AND trigger = 'scheduled' AND latency_ms IS NULL AND response_status IS NULL AND error IS NULL`;

const START_ATTEMPT = `
  INSERT INTO webhook_delivery_attempts (delivery_id, number, trigger, started_at)
  SELECT $1::varchar, COALESCE(MAX(number), 0) + 1, $2::varchar, now() FROM webhook_delivery_attempts WHERE delivery_id = $1::varchar
  RETURNING id`;

const TAKE_LEASE = `UPDATE webhook_deliveries SET lease_expires_at = now() + $2 * interval '1 millisecond' WHERE id = $1`;

const FINISH_ATTEMPT = `
  UPDATE webhook_delivery_attempts SET latency_ms = $2, response_status = $3, error = $4, response_body = $5 WHERE id = $1`;

/**
 * After scheduled attempt number `$2`: final, or due again at the event time plus the schedule's next offset
 * (not before now: a worker that was down catches up). Only while the message is still this attempt's.
 */
const FINISH_SCHEDULED = `
  UPDATE webhook_deliveries d
     SET status = $3::varchar, attempt_count = $2::int, lease_expires_at = NULL, updated_at = now(),
         next_attempt_at = CASE WHEN $3::varchar = 'pending'
           THEN GREATEST(now(), (SELECT e.occurred_at FROM outbox_events e WHERE e.id = d.event_id) + $4::int * interval '1 second')
           END
   WHERE d.id = $1 AND d.status = 'pending' AND d.attempt_count = $2::int - 1
  RETURNING d.status, d.next_attempt_at`;

/** A redelivery changes the message only when it ends it: a 2xx, or a 410 for a message still pending. */
const FINISH_REDELIVERY = `
  UPDATE webhook_deliveries
     SET status = CASE WHEN $2::boolean THEN 'succeeded' WHEN $3::boolean AND status = 'pending' THEN 'failed' ELSE status END,
         next_attempt_at = CASE WHEN $2::boolean OR ($3::boolean AND status = 'pending') THEN NULL ELSE next_attempt_at END,
         updated_at = now()
   WHERE id = $1`;

interface Claimed {
  attemptId: string;
  message: MessageRow;
}

const isSuccess = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/**
 * One HTTP attempt of a message: claimed in a short transaction (attempt row written, lease taken), sent with
 * no transaction open, then recorded (and the next scheduled attempt enqueued) in a second one. The claim is
 * what makes duplicate or late jobs harmless: a scheduled attempt runs only for a pending message that is due,
 * whose lease is free, and it moves `attempt_count` from n-1 to n exactly once.
 */
@Injectable()
export class DeliveryAttempts {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly allowList: AllowList;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly queue: DeliveryQueue,
  ) {
    this.allowList = new AllowList(config.webhookAllowedTargets);
  }

  /** The job handler: makes the message's next scheduled attempt if it is (still) due; never throws. */
  async runScheduled(deliveryId: string): Promise<void> {
    try {
      const claimed = await this.dataSource.transaction((manager) => this.claim(manager, deliveryId, 'scheduled'));
      if (!claimed) return;
      const number = claimed.message.attempt_count + 1;
      const response = await this.send(claimed.message);
      const schedule = this.config.webhookRetryScheduleSeconds;
      const status: DeliveryStatus = isSuccess(response.status)
        ? 'succeeded'
        : response.status === 410
          ? 'failed'
          : number < schedule.length
            ? 'pending'
            : 'dropped';
      await this.dataSource.transaction(async (manager) => {
        await this.record(manager, claimed.attemptId, response);
        // An UPDATE answers [rows, count] through TypeORM.
        const [rows]: [{ status: DeliveryStatus; next_attempt_at: Date | null }[], number] = await manager.query(FINISH_SCHEDULED, [
          deliveryId,
          number,
          status,
          schedule[number] ?? null,
        ]);
        const next = rows[0];
        if (next?.status === 'pending' && next.next_attempt_at) {
          await this.queue.enqueue(manager, [{ deliveryId, startAfter: next.next_attempt_at }]);
        }
      });
    } catch (error) {
      // The lease lapses and the sweeper offers the message again.
      this.logger.error(`Delivery ${deliveryId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** redeliverWebhookDelivery: one attempt now, whatever the message's state; the caller has checked the workspace. */
  async redeliver(deliveryId: string): Promise<void> {
    const claimed = await this.dataSource.transaction((manager) => this.claim(manager, deliveryId, 'redeliver'));
    if (!claimed) return;
    const response = await this.send(claimed.message);
    await this.dataSource.transaction(async (manager) => {
      await this.record(manager, claimed.attemptId, response);
      await manager.query(FINISH_REDELIVERY, [deliveryId, isSuccess(response.status), response.status === 410]);
    });
  }

  private async claim(manager: EntityManager, deliveryId: string, trigger: AttemptTrigger): Promise<Claimed | undefined> {
    const [message]: MessageRow[] = await manager.query(LOCK_MESSAGE, [deliveryId]);
    if (!message) return undefined;
    if (trigger === 'scheduled') {
      if (message.status !== 'pending' || !message.due || message.leased) return undefined;
      await manager.query(MARK_INTERRUPTED, [deliveryId, INTERRUPTED]);
      await manager.query(TAKE_LEASE, [deliveryId, this.config.webhookTimeoutMs + LEASE_MARGIN_MS]);
    }
    const [attempt]: { id: string }[] = await manager.query(START_ATTEMPT, [deliveryId, trigger]);
    return { attemptId: attempt.id, message };
  }

  private async record(manager: EntityManager, attemptId: string, response: DeliveryResponse): Promise<void> {
    await manager.query(FINISH_ATTEMPT, [attemptId, response.latencyMs, response.status, response.error, response.body]);
  }

  /** The policy is checked on every attempt, after resolving the host now; the connection is pinned to what it checked. */
  private async send(message: MessageRow): Promise<DeliveryResponse> {
    const started = performance.now();
    const failed = (error: string): DeliveryResponse => ({
      latencyMs: Math.round(performance.now() - started),
      status: null,
      error,
      body: null,
    });
    const target = await checkWebhookTarget(message.url, { allowList: this.allowList });
    if (!target.allowed) {
      return failed(`Target refused: ${target.message}${target.offending ? ` (${target.offending})` : ''}`);
    }
    let token: string;
    try {
      token = openSecret(message.sealed_token, this.config.webhookSecretKey);
    } catch (error) {
      return failed(`Signing token unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const creatorMayViewRates = message.creator_role !== null && mayViewRates(message.creator_role, message.creator_rate_status ?? 0);
    const body = deliveryBody(
      { type: message.type, workspaceId: message.workspace_id, occurredAt: message.occurred_at, payload: message.payload },
      creatorMayViewRates,
    );
    const timestamp = Math.floor(Date.now() / 1000);
    return sendDelivery({
      target,
      body,
      timeoutMs: this.config.webhookTimeoutMs,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'webhook-id': message.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signDelivery(token, message.id, timestamp, body),
      },
    });
  }
}

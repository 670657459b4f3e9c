import { OutboxEvent } from '@app/database';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Webhook } from '../webhooks/webhook.entity';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'dropped'] as const;
/**
 * `pending`: attempts remain; `succeeded`: an attempt got a 2xx; `failed`: the receiver answered `410 Gone`, so
 * retries stopped at its request; `dropped`: every attempt of the retry schedule failed (webhooks.md).
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message: an outbox event for one subscribed webhook, created once (the unique pair) by the dispatcher. Its
 * id is the Standard Webhooks `webhook-id`, the same on every attempt, so receivers can drop duplicates. Deleting
 * the webhook deletes its messages (and so cancels the pending ones: a worker finds nothing to send).
 */
@Entity({ name: 'webhook_deliveries' })
@Unique('webhook_deliveries_event_webhook_uq', ['eventId', 'webhookId'])
// listWebhookDeliveries: a webhook's messages newest first.
@Index('webhook_deliveries_webhook_created_idx', ['webhookId', 'createdAt', 'id'])
// The sweeper: pending messages by due time.
@Index('webhook_deliveries_pending_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
@Check('webhook_deliveries_status_ck', `"status" IN (${DELIVERY_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('webhook_deliveries_id_ck', `"id" ~ '^msg_[A-Za-z0-9]{22,32}$'`)
export class WebhookDelivery {
  /** `msg_…`: the `webhook-id` header. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId!: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'webhook_deliveries_event_id_fk' })
  event?: OutboxEvent;

  @Column({ name: 'webhook_id', type: 'varchar', length: 32 })
  webhookId!: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'webhook_deliveries_webhook_id_fk' })
  webhook?: Webhook;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeliveryStatus;

  /** Scheduled attempts finished: the next scheduled attempt is number `attempt_count + 1` (redeliveries not counted). */
  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount!: number;

  /** When the next scheduled attempt is due: the event time plus the schedule's offset; null once final. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** A worker making a scheduled attempt holds the message until then; a worker that died lets it lapse. */
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

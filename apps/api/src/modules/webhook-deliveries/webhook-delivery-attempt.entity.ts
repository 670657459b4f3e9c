import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';

export const ATTEMPT_TRIGGERS = ['scheduled', 'redeliver'] as const;
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

/** Response bodies are kept up to this many bytes (a UTF-8 excerpt). */
export const RESPONSE_EXCERPT_BYTES = 1024;

/**
 * One HTTP attempt of a message, written when it starts (so an attempt cut short by a dying worker is still
 * visible: `latency_ms` stays null until a later claim marks it interrupted) and completed when it ends.
 */
@Entity({ name: 'webhook_delivery_attempts' })
@Unique('webhook_delivery_attempts_number_uq', ['deliveryId', 'number'])
@Check('webhook_delivery_attempts_trigger_ck', `"trigger" IN (${ATTEMPT_TRIGGERS.map((trigger) => `'${trigger}'`).join(', ')})`)
@Check('webhook_delivery_attempts_status_ck', `"response_status" IS NULL OR "response_status" BETWEEN 100 AND 599`)
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36 })
  deliveryId!: string;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'webhook_delivery_attempts_delivery_id_fk' })
  delivery?: WebhookDelivery;

  /** 1, 2, … over every attempt of the message, scheduled or redelivered. */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 16 })
  trigger!: AttemptTrigger;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** Until the answer (or the error); null while the attempt runs, or when it was interrupted. */
  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs!: number | null;

  /** The HTTP status the receiver answered; null when there was no answer (refused target, timeout, connection error). */
  @Column({ name: 'response_status', type: 'smallint', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** The first 1 KB of the response body. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;
}

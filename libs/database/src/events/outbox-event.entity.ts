import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EVENT_TYPES, EventType } from './event-type';

/**
 * One row per change a webhook can describe, written in the same transaction as that change (the outbox), so an
 * event exists exactly when its change committed. Delivery is a later worker's job: it picks rows with
 * `dispatched_at IS NULL` oldest first, fans each out to the workspace's webhooks and sets `dispatched_at`.
 * Per-webhook attempts and retries (webhooks.md) belong to that worker's own table, not here. Dispatched events
 * are deleted after WEBHOOK_DELIVERY_RETENTION_DAYS (EventRetention).
 */
@Entity({ name: 'outbox_events' })
@Index('outbox_events_undispatched_idx', ['occurredAt'], { where: '"dispatched_at" IS NULL' })
@Index('outbox_events_dispatched_idx', ['dispatchedAt'], { where: '"dispatched_at" IS NOT NULL' })
@Check('outbox_events_type_ck', `"type" IN (${EVENT_TYPES.map((type) => `'${type}'`).join(', ')})`)
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  // By entity name: libs/database does not import the auth library that defines Workspace.
  @ManyToOne('Workspace', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'outbox_events_workspace_id_fk' })
  workspace?: unknown;

  @Column({ type: 'varchar', length: 32 })
  type!: EventType;

  /** The webhook body's `data` (webhooks.md), as it was when the change committed. */
  @Column({ type: 'jsonb' })
  payload!: object;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** Set by the delivery worker once it has taken the event over; null while the event waits. */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}

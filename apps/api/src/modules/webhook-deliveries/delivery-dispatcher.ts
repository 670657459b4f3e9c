import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG } from '@app/common';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '../../app.module';
import { DeliveryQueue } from './delivery-queue';

/** Outbox events taken per dispatch transaction. */
export const DISPATCH_BATCH = 100;
/** A message due this long ago, with no lease, has lost its job (or never had one): offer it again. */
const SWEEP_GRACE_SECONDS = 2;
const SWEEP_BATCH = 500;

/**
 * Fans committed outbox events out to the webhooks subscribed to them, one message per event and webhook: the
 * events are taken with SKIP LOCKED (so several processes share the work without waiting on each other), marked
 * dispatched, their messages inserted (the unique pair makes a repeat a no-op) and each message's first job
 * enqueued, all in one transaction. Only the outbox's committed rows are visible, so events go out after their
 * change committed (webhooks.md). The message id is `msg_` and 32 hex digits.
 */
const TAKE_EVENTS = `
  UPDATE outbox_events o SET dispatched_at = now()
   WHERE o.id IN (
     SELECT id FROM outbox_events WHERE dispatched_at IS NULL ORDER BY occurred_at, id LIMIT ${DISPATCH_BATCH} FOR UPDATE SKIP LOCKED
   )
  RETURNING o.id`;

/** An idle outbox costs one index probe per poll, not a transaction (the partial index holds only undispatched rows). */
const ANY_UNDISPATCHED = 'SELECT 1 FROM outbox_events WHERE dispatched_at IS NULL LIMIT 1';

const FAN_OUT = `
  INSERT INTO webhook_deliveries (id, event_id, webhook_id, next_attempt_at)
  SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, w.id, e.occurred_at + $2::int * interval '1 second'
    FROM outbox_events e
    JOIN webhooks w ON w.workspace_id = e.workspace_id AND e.type = ANY(w.events)
   WHERE e.id = ANY($1::bigint[])
  ON CONFLICT (event_id, webhook_id) DO NOTHING
  RETURNING id, next_attempt_at`;

const SWEEP = `
  SELECT d.id, GREATEST(d.next_attempt_at, now()) AS start_after
    FROM webhook_deliveries d
   WHERE d.status = 'pending' AND d.next_attempt_at <= now() - interval '${SWEEP_GRACE_SECONDS} seconds'
     AND (d.lease_expires_at IS NULL OR d.lease_expires_at < now())
   ORDER BY d.next_attempt_at
   LIMIT ${SWEEP_BATCH}`;

@Injectable()
export class DeliveryDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly queue: DeliveryQueue,
  ) {}

  /** One batch; true when it may have left events behind (a full batch), so the caller loops at once. */
  async dispatch(): Promise<boolean> {
    const pending: unknown[] = await this.dataSource.query(ANY_UNDISPATCHED);
    if (pending.length === 0) return false;
    let enqueued = 0;
    const more = await this.dataSource.transaction(async (manager) => {
      // An UPDATE answers [rows, count] through TypeORM.
      const [events]: [{ id: string }[], number] = await manager.query(TAKE_EVENTS);
      if (events.length === 0) return false;
      const messages: { id: string; next_attempt_at: Date }[] = await manager.query(FAN_OUT, [
        events.map((event) => event.id),
        this.config.webhookRetryScheduleSeconds[0],
      ]);
      await this.queue.enqueue(
        manager,
        messages.map((message) => ({ deliveryId: message.id, startAfter: message.next_attempt_at })),
      );
      enqueued = messages.length;
      return events.length >= DISPATCH_BATCH;
    });
    // This process's pollers fetch at once instead of at their next poll (other processes' poll on their own).
    if (enqueued > 0) this.queue.wake();
    return more;
  }

  /**
   * Re-offers due messages nobody holds: the job of a worker that died mid-attempt (its lease lapsed), messages
   * dispatched while no queue ran. The queue's singleton key turns an offer of a message already waiting into a
   * no-op, and the claim makes an extra job harmless.
   */
  async sweep(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; start_after: Date }[] = await manager.query(SWEEP);
      await this.queue.enqueue(
        manager,
        rows.map((row) => ({ deliveryId: row.id, startAfter: row.start_after })),
      );
    });
  }
}

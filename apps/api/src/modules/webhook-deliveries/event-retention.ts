import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG } from '@app/common';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '../../app.module';

/** Events deleted per statement: each batch is its own short transaction, so a backlog never holds locks for long. */
export const RETENTION_BATCH = 1_000;

/**
 * Every write records an outbox event, so without a limit the outbox (and the delivery log hanging off it) grows
 * with every tracker start and stop. An event goes once it was dispatched more than the retention ago and none of
 * its messages is still pending or was attempted within the retention (a recent redelivery keeps it); its messages
 * and their attempts go with it (ON DELETE CASCADE). Undispatched events are never deleted: they wait for a worker.
 */
const DELETE_EXPIRED = `
  DELETE FROM outbox_events
   WHERE id IN (
     SELECT o.id FROM outbox_events o
      WHERE o.dispatched_at < now() - $1::int * interval '1 day'
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries d
           WHERE d.event_id = o.id AND (d.status = 'pending' OR d.updated_at >= now() - $1::int * interval '1 day')
        )
      ORDER BY o.dispatched_at
      LIMIT ${RETENTION_BATCH}
   )`;

@Injectable()
export class EventRetention {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** Deletes what is past WEBHOOK_DELIVERY_RETENTION_DAYS (0 keeps everything); answers how many events went. */
  async purge(): Promise<number> {
    const days = this.config.webhookDeliveryRetentionDays;
    if (days === 0) return 0;
    let total = 0;
    for (;;) {
      // A DELETE answers [rows, count] through TypeORM.
      const [, count]: [unknown[], number] = await this.dataSource.query(DELETE_EXPIRED, [days]);
      total += count;
      if (count < RETENTION_BATCH) return total;
    }
  }
}

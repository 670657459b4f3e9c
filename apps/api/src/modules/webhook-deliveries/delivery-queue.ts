import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '@app/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { RuntimeConfig } from '../../app.module';

export const DELIVERY_QUEUE = 'webhook-delivery';
/** pg-boss keeps its tables in their own schema, created (and migrated) by pg-boss itself at start. */
export const PGBOSS_SCHEMA = 'pgboss';
/**
 * How often each idle poller asks for a due job: it bounds how late a retry starts. New messages of this process do
 * not wait for it (the dispatcher wakes the pollers), so an idle process costs `concurrency` probes per second.
 */
const POLL_SECONDS = 1;

export interface DeliveryJob {
  deliveryId: string;
  /** When the message's next scheduled attempt is due (the database's clock, as the message row says). */
  startAfter: Date;
}

/**
 * The pg-boss queue the workers share: a job says "this message may be due" and carries only its id, so a job
 * run twice or late is harmless (the worker claims the message row before sending, see DeliveryAttempts). The
 * queue's `short` policy keeps at most one waiting job per message (singleton key), so the sweeper can re-offer
 * messages without piling up duplicates; the job of a worker that died stays `active` and does not block a new one.
 * Jobs are inserted through the caller's transaction, so a message and its job commit together.
 */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger('WebhookDelivery');
  private boss: PgBoss | undefined;
  private readonly workerIds: string[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: RuntimeConfig) {}

  get running(): boolean {
    return this.boss !== undefined;
  }

  /** Starts pg-boss; false (logged once) when it cannot run here, in which case messages wait in webhook_deliveries. */
  async start(): Promise<boolean> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: PGBOSS_SCHEMA,
      application_name: 'webwork-webhook-worker',
      max: 2,
      // Jobs are wake-ups, not state: never retried by pg-boss (the sweeper re-offers what is still due).
      retryLimit: 0,
      expireInSeconds: Math.ceil(this.config.webhookTimeoutMs / 1000) + 60,
      schedule: false,
    });
    boss.on('error', (error: Error) => this.logger.warn(`pg-boss: ${error.message}`));
    try {
      await boss.start();
      await boss.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE, policy: 'short', retryLimit: 0 });
    } catch (error) {
      this.logger.error(
        `The webhook delivery queue (pg-boss) could not start on this database, so this process delivers nothing; ` +
          `messages stay pending in webhook_deliveries until a worker runs: ${error instanceof Error ? error.message : String(error)}`,
      );
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      return false;
    }
    this.boss = boss;
    return true;
  }

  /** Registers `concurrency` pollers, each working one job at a time. */
  async work(concurrency: number, handler: (deliveryId: string) => Promise<void>): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    for (let index = 0; index < concurrency; index++) {
      const workerId = await boss.work<{ deliveryId: string }>(
        DELIVERY_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS },
        async (jobs) => {
          for (const job of jobs) await handler(job.data.deliveryId);
        },
      );
      this.workerIds.push(workerId);
    }
  }

  /** Makes this process's pollers fetch now (after the dispatcher committed new jobs). */
  wake(): void {
    const boss = this.boss;
    if (!boss) return;
    for (const workerId of this.workerIds) boss.notifyWorker(workerId);
  }

  /** Inserts jobs inside `manager`'s transaction (no-op while the queue is not running). */
  async enqueue(manager: EntityManager, jobs: readonly DeliveryJob[]): Promise<void> {
    if (!this.boss || jobs.length === 0) return;
    const db = {
      executeSql: async (text: string, values: unknown[]): Promise<{ rows: unknown[] }> => {
        // TypeORM answers rows, or [rows, count] for UPDATE and DELETE.
        const result: unknown = await manager.query(text, values);
        if (!Array.isArray(result)) return { rows: [] };
        return { rows: result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result };
      },
    };
    await this.boss.insert(
      jobs.map((job) => ({
        name: DELIVERY_QUEUE,
        data: { deliveryId: job.deliveryId },
        startAfter: job.startAfter.toISOString(),
        singletonKey: job.deliveryId,
      })),
      { db },
    );
  }

  /**
   * Waits for the attempts in flight, within the shutdown budget (an attempt cut short is made again, with the same
   * webhook-id, once its lease lapses), then closes pg-boss's pool.
   */
  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    this.workerIds.length = 0;
    if (!boss) return;
    await boss.stop({ graceful: true, wait: true, timeout: Math.max(1_000, this.config.shutdownTimeoutMs - 2_000) });
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '@app/common';
import type { RuntimeConfig } from '../../app.module';
import { DeliveryAttempts } from './delivery-attempts.service';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryQueue } from './delivery-queue';
import { EventRetention } from './event-retention';

/** The dispatcher polls the outbox this often (and at once again after a full batch). */
const POLL_MS = 1_000;
/** Every this many polls, the sweeper re-offers due messages nobody holds. */
const SWEEP_EVERY = 5;
/** The retention purge runs this long after start, then at this interval (it deletes in short batches). */
const PURGE_FIRST_MS = 60_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * The webhook worker of this process, when WEBHOOK_WORKER is true (the default; `npm run worker` runs it alone):
 * the dispatcher loop and the pg-boss pollers. Several processes may run it on one database; they share the
 * queue. Stopped before the database pool closes, after the attempts in flight have finished.
 */
@Injectable()
export class DeliveryRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDelivery');
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;
  private ticks = 0;
  private lastError: string | undefined;
  private nextPurgeAt = Date.now() + PURGE_FIRST_MS;
  private purging: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly queue: DeliveryQueue,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly attempts: DeliveryAttempts,
    private readonly retention: EventRetention,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.webhookWorker) return;
    if (await this.queue.start()) {
      await this.queue.work(this.config.webhookWorkerConcurrency, (deliveryId) => this.attempts.runScheduled(deliveryId));
      this.logger.log(`Webhook worker started (concurrency ${this.config.webhookWorkerConcurrency})`);
    }
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.tick;
    await this.purging;
    await this.queue.stop();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.runTick().then((more) => this.schedule(more ? 0 : POLL_MS));
    }, delayMs);
    this.timer.unref();
  }

  private async purge(): Promise<void> {
    try {
      const purged = await this.retention.purge();
      if (purged > 0) this.logger.log(`Retention: deleted ${purged} events older than ${this.config.webhookDeliveryRetentionDays} days`);
    } catch (error) {
      this.logger.warn(`Retention purge failed (next try in an hour): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async runTick(): Promise<boolean> {
    try {
      const more = await this.dispatcher.dispatch();
      if (this.queue.running && ++this.ticks % SWEEP_EVERY === 0) await this.dispatcher.sweep();
      if (Date.now() >= this.nextPurgeAt && !this.purging) {
        this.nextPurgeAt = Date.now() + PURGE_EVERY_MS;
        // Beside the dispatch loop, not in it: a long backlog of expired events must not hold up new deliveries.
        this.purging = this.purge().finally(() => (this.purging = undefined));
      }
      this.lastError = undefined;
      return more;
    } catch (error) {
      // A database outage would repeat the same line every second: log a change of error only.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.logger.warn(`Webhook dispatch failed (retrying): ${message}`);
      this.lastError = message;
      return false;
    }
  }
}

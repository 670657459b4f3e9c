import { Module } from '@nestjs/common';
import { DeliveryAttempts } from './delivery-attempts.service';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryRunner } from './delivery-runner';
import { EventRetention } from './event-retention';

/** The delivery machinery without HTTP routes: the API imports it, and `npm run worker` runs it alone. */
@Module({
  providers: [DeliveryQueue, DeliveryAttempts, DeliveryDispatcher, DeliveryRunner, EventRetention],
  exports: [DeliveryAttempts, EventRetention],
})
export class WebhookDeliveryWorkerModule {}

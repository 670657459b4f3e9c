import { Module } from '@nestjs/common';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDeliveryWorkerModule } from './webhook-delivery-worker.module';

@Module({
  imports: [WebhookDeliveryWorkerModule],
  controllers: [WebhookDeliveriesController],
  providers: [WebhookDeliveriesService],
})
export class WebhookDeliveriesModule {}

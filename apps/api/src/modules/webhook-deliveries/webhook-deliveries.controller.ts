import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, Paginated, Responds } from '@app/common';
import { ListWebhookDeliveriesQueryDto, WebhookDeliveryDto } from './webhook-deliveries.dto';
import { webhookDeliveryError } from './webhook-deliveries.exception';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

const ApiWebhookId = (): MethodDecorator =>
  ApiPathId('webhookId', {
    type: 'string',
    notFound: webhookDeliveryError.message('WebhookNotFound'),
    example: 'abc123def456',
    description: 'Webhook id (opaque string).',
  });
const ApiDeliveryId = (): MethodDecorator =>
  ApiPathId('deliveryId', {
    type: 'string',
    notFound: webhookDeliveryError.message('NotFound'),
    example: 'msg_8f14e45fceea467a9a3c5b8f8e2d7c1b',
    description: 'The message id (`webhook-id` header).',
  });

/**
 * Extension: webhooks.md describes deliveries but no way to see them. Owners and Executive managers (the webhook
 * operations' callers, `admin` scope) read a webhook's messages with every attempt, and ask for one more attempt.
 */
@ApiTags('Extensions')
@ApiExtension('x-extension', true)
@Controller('webhooks/:webhookId/deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @Authenticated({ permission: Permission.WebhookDeliveriesList })
  @ApiOperation({
    summary: "List a webhook's deliveries (extension)",
    description:
      'One item per message (an event sent to this webhook), newest first, each with its attempts: status, latency, the first 1 KB of the answer.',
  })
  @ApiWebhookId()
  @Responds(WebhookDeliveryDto, { paginated: true, message: 'Webhook deliveries retrieved successfully' })
  listWebhookDeliveries(
    @Auth() auth: AuthContext,
    @Param('webhookId') webhookId: string,
    @Query() query: ListWebhookDeliveriesQueryDto,
  ): Promise<Paginated<WebhookDeliveryDto>> {
    return this.deliveries.list(auth, webhookId, query);
  }

  @Post(':deliveryId/redeliver')
  @Authenticated({ permission: Permission.WebhookDeliveriesRedeliver })
  @ApiOperation({
    summary: 'Redeliver a webhook message (extension)',
    description:
      "Makes one attempt now, with the same `webhook-id` and a fresh timestamp and signature, whatever the message's status, and records it. " +
      'A 2xx marks the message succeeded; the retry schedule is otherwise unchanged. Answers the message with its attempts.',
  })
  @ApiWebhookId()
  @ApiDeliveryId()
  @Responds(WebhookDeliveryDto, { message: 'Webhook delivery attempted' })
  redeliverWebhookDelivery(
    @Auth() auth: AuthContext,
    @Param('webhookId') webhookId: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.redeliver(auth, webhookId, deliveryId);
  }
}

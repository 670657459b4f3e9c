import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import { Paginated, pageRequest } from '@app/common';
import { PreparedList, PreparedStatement } from '@app/database';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DeliveryAttempts } from './delivery-attempts.service';
import { ListWebhookDeliveriesQueryDto, WebhookDeliveryDto } from './webhook-deliveries.dto';
import { webhookDeliveryError } from './webhook-deliveries.exception';
import { DELIVERY_COLUMNS, DeliveryRow, toDeliveryResponse } from './webhook-deliveries.mapper';

/** Ids as the tables' checks allow them; anything else cannot exist, so it is a 404 without a query. */
const WEBHOOK_ID = /^[A-Za-z0-9_-]{12,32}$/;
const MESSAGE_ID = /^msg_[A-Za-z0-9]{22,32}$/;

/** Extensions: the delivery log of a webhook of the caller's workspace, and redelivery. */
@Injectable()
export class WebhookDeliveriesService {
  private readonly listStatement: PreparedList<DeliveryRow>;
  private readonly readStatement: PreparedStatement<DeliveryRow>;
  private readonly webhookExists: PreparedStatement<{ id: string }>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: DeliveryAttempts,
  ) {
    this.listStatement = PreparedList.compile<DeliveryRow>('webhook_deliveries.list', {
      query: (param) => this.deliveries(param),
      idColumn: 'd.id',
      orderBy: [
        ['d.created_at', 'DESC'],
        ['d.id', 'DESC'],
      ],
      select: DELIVERY_COLUMNS,
    });
    this.readStatement = PreparedStatement.compile<DeliveryRow>('webhook_deliveries.get', (param) =>
      this.deliveries(param)
        .select([...DELIVERY_COLUMNS])
        .andWhere('d.id = :deliveryId', { deliveryId: param('deliveryId') }),
    );
    this.webhookExists = PreparedStatement.sql<{ id: string }>(
      'webhook_deliveries.webhook',
      'SELECT id FROM webhooks WHERE id = $1 AND workspace_id = $2',
      ['webhookId', 'workspaceId'],
    );
  }

  async list(auth: AuthContext, webhookId: string, query: ListWebhookDeliveriesQueryDto): Promise<Paginated<WebhookDeliveryDto>> {
    await this.requireWebhook(auth, webhookId);
    return this.listStatement.run(
      this.dataSource.manager,
      { webhookId, workspaceId: auth.workspaceId },
      pageRequest(query),
      toDeliveryResponse,
    );
  }

  /** One attempt now (whatever the message's state), recorded like the others; answers the message as it is after it. */
  async redeliver(auth: AuthContext, webhookId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.read(auth, webhookId, deliveryId);
    await this.attempts.redeliver(deliveryId);
    return this.read(auth, webhookId, deliveryId);
  }

  private async read(auth: AuthContext, webhookId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.requireWebhook(auth, webhookId);
    if (!MESSAGE_ID.test(deliveryId)) throw webhookDeliveryError('NotFound');
    const [row] = await this.readStatement.run(this.dataSource.manager, { webhookId, workspaceId: auth.workspaceId, deliveryId });
    if (!row) throw webhookDeliveryError('NotFound');
    return toDeliveryResponse(row);
  }

  private async requireWebhook(auth: AuthContext, webhookId: string): Promise<void> {
    if (!WEBHOOK_ID.test(webhookId)) throw webhookDeliveryError('WebhookNotFound');
    const [webhook] = await this.webhookExists.run(this.dataSource.manager, { webhookId, workspaceId: auth.workspaceId });
    if (!webhook) throw webhookDeliveryError('WebhookNotFound');
  }

  /** A webhook's messages, the webhook in the caller's workspace. */
  private deliveries(param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.manager
      .createQueryBuilder()
      .from('webhook_deliveries', 'd')
      .innerJoin('webhooks', 'w', 'w.id = d.webhook_id')
      .innerJoin('outbox_events', 'e', 'e.id = d.event_id')
      .where('d.webhook_id = :webhookId', { webhookId: param('webhookId') })
      .andWhere('w.workspace_id = :workspaceId', { workspaceId: param('workspaceId') });
  }
}

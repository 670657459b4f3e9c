import { Body, Controller, Delete, Get, Injectable, Param, PipeTransform, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, Paginated, Responds } from '@app/common';
import { CreateWebhookDto, ListWebhooksQueryDto, UpdateWebhookDto, WebhookResponseDto } from './webhooks.dto';
import { webhookError } from './webhooks.exception';
import { WebhooksService } from './webhooks.service';

/** The ids this server issues (the table's webhooks_id_ck); anything else is not found without a query. */
const WEBHOOK_ID = /^[A-Za-z0-9_-]{12,32}$/;

@Injectable()
class WebhookIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !WEBHOOK_ID.test(value)) throw webhookError('NotFound');
    return value;
  }
}

const NOT_FOUND = webhookError.message('NotFound');
const WebhookId = (): ParameterDecorator => Param('webhookId', new WebhookIdPipe());
const ApiWebhookId = (): MethodDecorator =>
  ApiPathId('webhookId', { notFound: NOT_FOUND, type: 'string', example: 'abc123def456', description: 'Webhook id (opaque string).' });
const WHO = ' Owners and Executive managers, with the `admin` scope.';
const TARGET =
  ' The url must not point to a loopback, private, link-local (cloud metadata) or other non-public address, by IP or by ' +
  'what its host name resolves to, unless the server allows it (WEBHOOK_ALLOWED_TARGETS): 422 `errors.url`. Unknown or ' +
  'repeated events: 422 `errors.events.N`. Accepts JSON or form-encoded bodies.';

@ApiTags('Webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Authenticated({ permission: Permission.WebhooksList })
  @ApiOperation({ summary: 'List webhooks', description: `The workspace's webhooks, oldest first, each with its secret \`token\`.${WHO}` })
  @Responds(WebhookResponseDto, { paginated: true, message: 'Webhooks retrieved successfully' })
  listWebhooks(@Auth() auth: AuthContext, @Query() query: ListWebhooksQueryDto): Promise<Paginated<WebhookResponseDto>> {
    return this.webhooks.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.WebhooksCreate })
  @ApiOperation({
    summary: 'Create webhook',
    description:
      'Registers a callback URL for one or more events and returns the webhook with its secret token (`whsec_…`, never ' +
      `rotated). Returns 200 (not 201), as documented.${TARGET}${WHO}`,
  })
  @Responds(WebhookResponseDto, { message: 'Webhook created successfully' })
  createWebhook(@Auth() auth: AuthContext, @Body() dto: CreateWebhookDto): Promise<WebhookResponseDto> {
    return this.webhooks.create(auth, dto);
  }

  @Get(':webhookId')
  @Authenticated({ permission: Permission.WebhooksView })
  @ApiOperation({ summary: 'Get webhook', description: `One webhook of the workspace, with its secret \`token\`.${WHO}` })
  @ApiWebhookId()
  @Responds(WebhookResponseDto, { message: 'Webhook retrieved successfully' })
  getWebhook(@Auth() auth: AuthContext, @WebhookId() webhookId: string): Promise<WebhookResponseDto> {
    return this.webhooks.get(auth, webhookId);
  }

  @Put(':webhookId')
  @Authenticated({ permission: Permission.WebhooksUpdate })
  @ApiOperation({
    summary: 'Update webhook',
    description: `Replaces the url (required) and, when given, the whole set of events. The \`token\` is not rotated.${TARGET}${WHO}`,
  })
  @ApiWebhookId()
  @Responds(WebhookResponseDto, { message: 'Webhook updated successfully' })
  updateWebhook(@Auth() auth: AuthContext, @WebhookId() webhookId: string, @Body() dto: UpdateWebhookDto): Promise<WebhookResponseDto> {
    return this.webhooks.update(auth, webhookId, dto);
  }

  @Delete(':webhookId')
  @Authenticated({ permission: Permission.WebhooksDelete })
  @ApiOperation({
    summary: 'Delete webhook',
    description: `Deletes the webhook permanently; its pending deliveries are cancelled. \`workspace_id\` is also accepted in the body.${WHO}`,
  })
  @ApiWebhookId()
  @Responds(null, { message: 'Webhook deleted successfully' })
  deleteWebhook(@Auth() auth: AuthContext, @WebhookId() webhookId: string): Promise<null> {
    return this.webhooks.delete(auth, webhookId);
  }
}

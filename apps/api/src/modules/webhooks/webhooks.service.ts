import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import { APP_CONFIG, AppConfig, Paginated, pageRequest, sealSecret } from '@app/common';
import { PreparedList, PreparedStatement, WEBHOOK_EVENT_TYPES } from '@app/database';
import { DataSource } from 'typeorm';
import { AllowList, checkWebhookTarget, parseAllowList } from './target-policy';
import { CreateWebhookDto, ListWebhooksQueryDto, UpdateWebhookDto, WebhookResponseDto } from './webhooks.dto';
import { EventProblem, webhookError, webhookInputError } from './webhooks.exception';
import { toWebhookResponse, WEBHOOK_COLUMNS, WebhookRow } from './webhooks.mapper';

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WEBHOOK_EVENT_TYPES);
const RETURNING = 'RETURNING id, url, events, sealed_token';

/** Opaque and URL-safe (conventions.md: at least 12 characters): 96 random bits, 16 base64url characters. */
const newWebhookId = (): string => randomBytes(12).toString('base64url');
/** webhooks.md: `whsec_` + base64 of 32 random bytes, generated once and never rotated. */
const newSigningToken = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The rules on each entry of `events` (the DTO checked it is a non-empty list): known names, each once. */
export function eventProblems(events: readonly unknown[]): EventProblem[] {
  const problems: EventProblem[] = [];
  const seen = new Set<unknown>();
  events.forEach((event, index) => {
    if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) problems.push({ index, problem: 'unknown' });
    else if (seen.has(event)) problems.push({ index, problem: 'duplicate' });
    seen.add(event);
  });
  return problems;
}

@Injectable()
export class WebhooksService {
  private readonly allowList: AllowList;
  private readonly secretKey: Buffer | undefined;

  /** A single read: one constant statement, the workspace in the key so another workspace's id is not found. */
  private readonly readStatement = PreparedStatement.sql<WebhookRow>(
    'webhooks.get',
    'SELECT w.id, w.url, w.events, w.sealed_token FROM webhooks w WHERE w.id = $1 AND w.workspace_id = $2',
    ['webhookId', 'workspaceId'],
  );

  private readonly listStatement: PreparedList<WebhookRow>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.allowList = parseAllowList(config.webhookAllowedTargets);
    this.secretKey = config.webhookSecretKey;
    this.listStatement = PreparedList.compile<WebhookRow>('webhooks.list', {
      query: (param) =>
        this.dataSource.manager
          .createQueryBuilder()
          .from('webhooks', 'w')
          .where('w.workspace_id = :workspaceId', { workspaceId: param('workspaceId') }),
      idColumn: 'w.id',
      // Oldest first, the id breaking ties (webhooks_workspace_created_idx).
      orderBy: [
        ['w.created_at', 'ASC'],
        ['w.id', 'ASC'],
      ],
      select: WEBHOOK_COLUMNS,
    });
  }

  list(auth: AuthContext, query: ListWebhooksQueryDto): Promise<Paginated<WebhookResponseDto>> {
    return this.listStatement.run(this.dataSource.manager, { workspaceId: auth.workspaceId }, pageRequest(query), (row) =>
      toWebhookResponse(row, this.secretKey),
    );
  }

  async get(auth: AuthContext, webhookId: string): Promise<WebhookResponseDto> {
    return toWebhookResponse(await this.readRow(auth, webhookId), this.secretKey);
  }

  async create(auth: AuthContext, dto: CreateWebhookDto): Promise<WebhookResponseDto> {
    await this.assertAcceptable(dto.url, dto.events);
    const [row] = (await this.dataSource.query(
      `INSERT INTO webhooks (id, workspace_id, url, events, sealed_token, created_by) VALUES ($1, $2, $3, $4, $5, $6) ${RETURNING}`,
      [newWebhookId(), auth.workspaceId, dto.url, dto.events, sealSecret(newSigningToken(), this.secretKey), auth.userId],
    )) as WebhookRow[];
    return toWebhookResponse(row, this.secretKey);
  }

  /**
   * The url is replaced, the events only when given; the token stays. 404 before 422 (conventions.md order). The
   * target check resolves DNS, so it runs before the write and outside any transaction; the UPDATE itself is atomic.
   */
  async update(auth: AuthContext, webhookId: string, dto: UpdateWebhookDto): Promise<WebhookResponseDto> {
    const current = await this.readRow(auth, webhookId);
    await this.assertAcceptable(dto.url, dto.events);
    // An unchanged token is re-sealed, so a row stored before WEBHOOK_SECRET_KEY was set is encrypted once written.
    const sealed = sealSecret(toWebhookResponse(current, this.secretKey).token, this.secretKey);
    const rows = (await this.dataSource.query(
      `UPDATE webhooks SET url = $3, events = COALESCE($4, events), sealed_token = $5, updated_at = now()
        WHERE id = $1 AND workspace_id = $2 ${RETURNING}`,
      [webhookId, auth.workspaceId, dto.url, dto.events ?? null, sealed],
    )) as [WebhookRow[], number];
    const [row] = rows[0];
    if (!row) throw webhookError('NotFound');
    return toWebhookResponse(row, this.secretKey);
  }

  /** Pending deliveries go with the row (ON DELETE CASCADE from the delivery schema). */
  async delete(auth: AuthContext, webhookId: string): Promise<null> {
    const [deleted] = (await this.dataSource.query('DELETE FROM webhooks WHERE id = $1 AND workspace_id = $2 RETURNING id', [
      webhookId,
      auth.workspaceId,
    ])) as [unknown[], number];
    if (deleted.length === 0) throw webhookError('NotFound');
    return null;
  }

  private async readRow(auth: AuthContext, webhookId: string): Promise<WebhookRow> {
    const [row] = await this.readStatement.run(this.dataSource.manager, { webhookId, workspaceId: auth.workspaceId });
    if (!row) throw webhookError('NotFound');
    return row;
  }

  /**
   * Every entry of `events` known and distinct, and the url's host allowed by the SSRF target policy: one 422 with
   * all the field errors. A host that does not resolve (yet) is accepted: nothing is sent to it, and every delivery
   * attempt checks the target again (DNS may answer differently by then).
   */
  private async assertAcceptable(url: string, events: readonly unknown[] | undefined): Promise<void> {
    const problems = events ? eventProblems(events) : [];
    const target = await checkWebhookTarget(url, { allowList: this.allowList });
    const refused = !target.allowed && target.reason !== 'unresolvable' ? target.message : undefined;
    if (refused !== undefined || problems.length > 0) throw webhookInputError({ url: refused, events: problems });
  }
}

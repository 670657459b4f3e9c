import { expect } from '@jest/globals';
import { insertDelivery, insertWebhook } from '../../support/webhook-receiver';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, RecordId, ScopedRecords } from '../matrix.types';

/**
 * The webhook delivery extensions (README "Webhook delivery"): webhooks.md says every webhook operation needs the
 * `admin` scope and the OW or EM role; the delivery log and redelivery of a webhook are webhook administration, so
 * the same rule. Another workspace's webhook or delivery is 404 (conventions.md).
 */
const BASIS =
  'webhooks.md: OW, EM and the admin scope for every webhook operation (README Webhook delivery, extension); conventions.md: foreign id 404';

const OUTCOMES: Record<CallerKey, Outcome> = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '403 scope',
  'OAuth token': '200 all',
};

/**
 * Two webhooks of workspace A with one finished message each; the record is `webhookId,deliveryId`. The URL is on
 * loopback, which the matrix app does not allow-list: a redelivery is refused by the target policy at once and
 * recorded, without a connection.
 */
async function deliveries({ dataSource, workspace }: CellContext): Promise<ScopedRecords> {
  const ids: RecordId[] = [];
  for (let index = 0; index < 2; index++) {
    const webhookId = await insertWebhook(dataSource, {
      workspaceId: workspace.id,
      createdBy: workspace.owner.userId,
      url: 'http://127.0.0.1:9/matrix',
      token: `whsec_${Buffer.alloc(32, index).toString('base64')}`,
    });
    ids.push(`${webhookId},${await insertDelivery(dataSource, { workspaceId: workspace.id, webhookId })}`);
  }
  return { inScope: [], outOfScope: ids };
}

const attemptsOf = async ({ dataSource }: CellContext, id: RecordId): Promise<number> =>
  (
    (await dataSource.query('SELECT count(*)::int AS n FROM webhook_delivery_attempts WHERE delivery_id = $1', [
      String(id).split(',')[1],
    ])) as { n: number }[]
  )[0].n;

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

export const WEBHOOK_DELIVERIES_ROWS: MatrixRow[] = [
  {
    operationId: 'listWebhookDeliveries',
    method: 'GET',
    path: '/webhooks/{webhookId}/deliveries',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: deliveries,
    expect: OUTCOMES,
  },
  {
    operationId: 'redeliverWebhookDelivery',
    method: 'POST',
    path: '/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: deliveries,
    expect: OUTCOMES,
    // A redelivery that was allowed made (and recorded) exactly one attempt; a refused one none.
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) expect(await attemptsOf(ctx, id)).toBe(succeeded(responses, id) ? 1 : 0);
    },
  },
];

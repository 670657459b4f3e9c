import { expect } from '@jest/globals';
import { WebhooksFactory } from '../../support/factories/webhooks.factory';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, RecordId, ScopedRecords } from '../matrix.types';

/**
 * roles.md "webhooks: all operations": OW, EM ✓; TM, PM, RU, PV ✗, with the `admin` scope (auth.md: admin covers
 * "all webhook operations (GET included)", so the read-only token is refused even on the lists). There is no
 * narrower scope: OW and EM see every webhook of the workspace, so all records are "out of scope" near misses that
 * they must see anyway. Another workspace's webhook is 404 (conventions.md).
 */
const BASIS = 'roles.md webhooks: all operations OW, EM; auth.md: admin scope for every webhook operation; conventions.md: foreign id 404';

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

const ORIGINAL_URL = 'https://hooks.example.com/original';
const CHANGED_URL = 'https://hooks.example.com/changed';

async function webhooks({ dataSource, workspace }: CellContext): Promise<ScopedRecords> {
  const factory = new WebhooksFactory(dataSource);
  const ids: RecordId[] = [];
  for (let i = 0; i < 2; i++)
    ids.push((await factory.create({ workspaceId: workspace.id, createdBy: workspace.owner, url: ORIGINAL_URL })).id);
  return { inScope: [], outOfScope: ids };
}

const rowOf = async ({ dataSource }: CellContext, id: RecordId) => new WebhooksFactory(dataSource).row(String(id));

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const code = responses.byRecord.get(id)?.status ?? 0;
  return code >= 200 && code < 300;
};

export const WEBHOOKS_ROWS: MatrixRow[] = [
  {
    operationId: 'listWebhooks',
    method: 'GET',
    path: '/webhooks',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: BASIS,
    records: webhooks,
    listedIds: ({ data }) => (data as { id: string }[]).map((webhook) => webhook.id),
    // The foreign member lists their own workspace: none of A's webhooks.
    expect: { ...OUTCOMES, 'foreign member': '200 none' },
  },
  {
    operationId: 'createWebhook',
    method: 'POST',
    path: '/webhooks',
    workspaceScoped: true,
    kind: 'create',
    basis: `${BASIS}; webhooks.md: 200, not 201`,
    body: () => ({ url: 'https://hooks.example.com/created', events: ['tracker.started'] }),
    // The foreign member (Owner of B) creates in B, which is theirs to do.
    expect: { ...OUTCOMES, Owner: '200', 'Executive manager': '200', 'foreign member': '200', 'OAuth token': '200' },
    verify: async ({ dataSource, workspace, caller }, { response }) => {
      const rows: unknown[] = await dataSource.query('SELECT id FROM webhooks WHERE workspace_id = $1', [workspace.id]);
      expect(rows).toHaveLength(response?.status === 200 && caller.workspaceId === workspace.id ? 1 : 0);
    },
  },
  {
    operationId: 'getWebhook',
    method: 'GET',
    path: '/webhooks/{webhookId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: webhooks,
    expect: OUTCOMES,
  },
  {
    operationId: 'updateWebhook',
    method: 'PUT',
    path: '/webhooks/{webhookId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: webhooks,
    body: () => ({ url: CHANGED_URL }),
    expect: OUTCOMES,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        expect((await rowOf(ctx, id))?.url).toBe(succeeded(responses, id) ? CHANGED_URL : ORIGINAL_URL);
      }
    },
  },
  {
    operationId: 'deleteWebhook',
    method: 'DELETE',
    path: '/webhooks/{webhookId}',
    workspaceScoped: true,
    kind: 'record',
    basis: BASIS,
    records: webhooks,
    expect: OUTCOMES,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys())
        expect(await rowOf(ctx, id)).toEqual(succeeded(responses, id) ? undefined : expect.anything());
    },
  },
];
